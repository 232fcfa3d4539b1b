import { EXPRESSION_CASES } from './cases/expressions.js';
import { defineCorpus } from './harness/corpus-suite.js';

defineCorpus('expression errors', EXPRESSION_CASES);
