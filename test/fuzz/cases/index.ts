/** Every case of the fuzz corpus, by category. */
import type { FuzzCase } from '../harness/case-types.js';
import { EXPRESSION_CASES } from './expressions.js';
import { HOST_PATH_CASES } from './host-paths.js';
import { JINJA_ESCAPE_CASES } from './jinja-escape.js';
import { NAME_CASES } from './names.js';
import { NUMERIC_CASES } from './numeric.js';
import { RESOURCE_CASES } from './resources.js';
import { STRUCTURE_CASES } from './structure.js';
import { TIMELOOP_CASES } from './timeloop.js';

export const CORPUS: Readonly<Record<string, readonly FuzzCase[]>> = {
  numeric: NUMERIC_CASES,
  names: NAME_CASES,
  structure: STRUCTURE_CASES,
  expressions: EXPRESSION_CASES,
  'jinja escape': JINJA_ESCAPE_CASES,
  'host paths': HOST_PATH_CASES,
  resources: RESOURCE_CASES,
  timeloop: TIMELOOP_CASES,
};
