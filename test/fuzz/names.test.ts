import { NAME_CASES } from './cases/names.js';
import { defineCorpus } from './harness/corpus-suite.js';

defineCorpus('names that collide with JavaScript object keys', NAME_CASES);
