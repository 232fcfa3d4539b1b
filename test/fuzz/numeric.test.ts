import { NUMERIC_CASES } from './cases/numeric.js';
import { defineCorpus } from './harness/corpus-suite.js';

defineCorpus('numeric nonsense per field', NUMERIC_CASES);
