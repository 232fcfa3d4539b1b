import { RESOURCE_CASES } from './cases/resources.js';
import { defineCorpus } from './harness/corpus-suite.js';

defineCorpus('resource attacks', RESOURCE_CASES);
