import { JINJA_ESCAPE_CASES } from './cases/jinja-escape.js';
import { defineCorpus } from './harness/corpus-suite.js';

defineCorpus('Jinja escape attempts', JINJA_ESCAPE_CASES);
