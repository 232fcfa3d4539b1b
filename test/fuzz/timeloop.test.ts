import { TIMELOOP_CASES } from './cases/timeloop.js';
import { defineCorpus } from './harness/corpus-suite.js';

defineCorpus('Timeloop imports', TIMELOOP_CASES);
