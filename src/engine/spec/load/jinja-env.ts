/**
 * The Jinja environment of spec templates, as AccelForge's Jinja2 one behaves where specs rely
 * on it: StrictUndefined, Python values, truthiness and str(), the `range()`/`dict()` globals,
 * AccelForge's globals (jinja-globals.ts), the filters and tests of jinja-filters.ts, and the
 * `{% assert %}` tag (jinja/template-render.ts). Every global is a function of the expression
 * interpreter: a template can call nothing else.
 */
import {
  builtins,
  callValue,
  iterate,
  PyCallable,
  PyDict,
  PyTuple,
  requireInt,
  typeError,
  type JinjaDialect,
  type PyValue,
} from '../expr/index.js';
import { JINJA_FILTERS, JINJA_TESTS } from './jinja-filters.js';
import type { JinjaRun } from './jinja-run.js';

/** Most numbers one `range()` of a template may produce. */
export const MAX_RANGE = 1_000_000;

/** Python's range(), refusing more than MAX_RANGE numbers. */
function templateRange(run: JinjaRun): PyCallable {
  const pythonRange = builtins().get('range') ?? null;
  return new PyCallable('range', (args, kwargs) => {
    if (kwargs.size > 0) typeError('range() takes no keyword arguments');
    const ints = args.map((arg) => requireInt('range', arg));
    const [start, stop, step] = ints.length === 1 ? [0, ints[0]!, 1] : [ints[0] ?? 0, ints[1] ?? 0, ints[2] ?? 1];
    const count = step === 0 ? 0 : Math.max(0, Math.ceil((stop - start) / step));
    if (count > MAX_RANGE) run.fail(`range() with ${count} elements is too large`, `Templates may loop over at most ${MAX_RANGE} numbers.`);
    return callValue(pythonRange, args, kwargs);
  });
}

/** Python's dict(): from a dict or key/value pairs, then keyword arguments. */
const templateDict = new PyCallable('dict', (args, kwargs) => {
  if (args.length > 1) typeError(`dict expected at most 1 argument, got ${args.length}`);
  const out = new PyDict();
  const base = args[0];
  if (base instanceof PyDict) for (const [key, value] of base.items()) out.set(key, value);
  else if (base !== undefined) {
    for (const pair of iterate(base)) {
      const items = pair instanceof PyTuple ? pair.items : Array.isArray(pair) ? pair : [];
      if (items.length !== 2) typeError('dict() needs a sequence of key/value pairs');
      out.set(items[0]!, items[1]!);
    }
  }
  for (const [key, value] of kwargs) out.set(key, value);
  return out;
});

/** The dialect of one file's render: range, dict and the given globals, filters and tests. */
export function createJinjaDialect(run: JinjaRun, globals: ReadonlyMap<string, PyValue>): JinjaDialect {
  const names = new Map<string, PyValue>([['range', templateRange(run)], ['dict', templateDict], ...globals]);
  return { globals: names, filters: JINJA_FILTERS, tests: JINJA_TESTS };
}
