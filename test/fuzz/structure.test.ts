import { STRUCTURE_CASES } from './cases/structure.js';
import { defineCorpus } from './harness/corpus-suite.js';

defineCorpus('structural damage', STRUCTURE_CASES);
