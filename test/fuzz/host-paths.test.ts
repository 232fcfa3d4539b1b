import { HOST_PATH_CASES } from './cases/host-paths.js';
import { defineCorpus } from './harness/corpus-suite.js';

defineCorpus('reads outside the design root', HOST_PATH_CASES);
