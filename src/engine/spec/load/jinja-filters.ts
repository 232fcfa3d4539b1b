/**
 * The Jinja filters and tests spec templates can use. The examples need `default` (`d`), `min`,
 * `max` and `is defined`; the others are Jinja's everyday ones, built on the Python builtins
 * of the expression interpreter so they behave the same way.
 */
import {
  builtins,
  callValue,
  isPyFloat,
  isPyInt,
  isPyNumber,
  iterate,
  MAX_ITEMS,
  numberOf,
  PyDict,
  pyEquals,
  pyStrLimited,
  PyTuple,
  truthy,
  checkItemCount,
  ExpressionError,
  type JinjaFunction,
  type PyKwargs,
  type PyValue,
} from '../expr/index.js';

type Body = (value: PyValue, args: readonly PyValue[], kwargs: PyKwargs) => PyValue;

/** A filter or test that needs a defined operand. */
function defined(body: Body): JinjaFunction {
  return { call: (value, args, kwargs) => body(value ?? null, args, kwargs) };
}

/** A Python builtin applied to the operand and the filter's arguments. */
function builtin(name: string): JinjaFunction {
  const fn = builtins().get(name) ?? null;
  return defined((value, args, kwargs) => callValue(fn, [value, ...args], kwargs));
}

/** `x | default(fallback, boolean=False)`: the fallback when x is undefined (or falsy, with boolean). */
const defaultFilter: JinjaFunction = {
  acceptsUndefined: true,
  call(value, args, kwargs) {
    const fallback = args[0] ?? kwargs.get('default_value') ?? '';
    const boolean = truthy(args[1] ?? kwargs.get('boolean') ?? false);
    return value === undefined || (boolean && !truthy(value)) ? fallback : value;
  },
};

/** `min`/`max` of an iterable, as Python's min()/max(). */
function extremum(name: 'min' | 'max'): JinjaFunction {
  const fn = builtins().get(name) ?? null;
  return defined((value) => callValue(fn, [[...iterate(value)]], new Map()));
}

function join(value: PyValue, args: readonly PyValue[], kwargs: PyKwargs): string {
  const separator = pyStrLimited(args[0] ?? kwargs.get('d') ?? '', MAX_ITEMS);
  const parts: string[] = [];
  let length = 0;
  for (const item of iterate(value)) {
    const text = pyStrLimited(item, MAX_ITEMS);
    length += text.length + separator.length;
    checkItemCount(length, 'join');
    parts.push(text);
  }
  return parts.join(separator);
}

function edgeItem(value: PyValue, last: boolean): PyValue {
  const items = [...iterate(value)];
  if (items.length === 0) throw new ExpressionError(`the sequence is empty, so it has no ${last ? 'last' : 'first'} item`);
  return items[last ? items.length - 1 : 0]!;
}

function stringCase(upper: boolean): JinjaFunction {
  return defined((value) => {
    const text = pyStrLimited(value, MAX_ITEMS);
    return upper ? text.toUpperCase() : text.toLowerCase();
  });
}

export const JINJA_FILTERS: ReadonlyMap<string, JinjaFunction> = new Map([
  ['default', defaultFilter],
  ['d', defaultFilter],
  ['min', extremum('min')],
  ['max', extremum('max')],
  ['length', builtin('len')],
  ['count', builtin('len')],
  ['abs', builtin('abs')],
  ['sum', builtin('sum')],
  ['list', builtin('list')],
  ['string', builtin('str')],
  ['join', defined(join)],
  ['first', defined((value) => edgeItem(value, false))],
  ['last', defined((value) => edgeItem(value, true))],
  ['lower', stringCase(false)],
  ['upper', stringCase(true)],
]);

/** A test of the operand alone. */
function test(predicate: (value: PyValue) => boolean): JinjaFunction {
  return defined((value) => predicate(value));
}

const isInt = (value: PyValue): boolean => isPyInt(value) && typeof value !== 'boolean';

export const JINJA_TESTS: ReadonlyMap<string, JinjaFunction> = new Map<string, JinjaFunction>([
  ['defined', { acceptsUndefined: true, call: (value) => value !== undefined }],
  ['undefined', { acceptsUndefined: true, call: (value) => value === undefined }],
  ['none', test((value) => value === null)],
  ['boolean', test((value) => typeof value === 'boolean')],
  ['true', test((value) => value === true)],
  ['false', test((value) => value === false)],
  ['number', test((value) => isPyNumber(value) && typeof value !== 'boolean')],
  ['integer', test(isInt)],
  ['float', test(isPyFloat)],
  ['string', test((value) => typeof value === 'string')],
  ['mapping', test((value) => value instanceof PyDict)],
  ['sequence', test((value) => Array.isArray(value) || value instanceof PyTuple || typeof value === 'string')],
  ['odd', test((value) => isInt(value) && Math.abs(numberOf(value as number)) % 2 === 1)],
  ['even', test((value) => isInt(value) && numberOf(value as number) % 2 === 0)],
  ['divisibleby', defined((value, args) => isPyNumber(value) && isPyNumber(args[0] ?? null) && numberOf(value) % numberOf(args[0] as number) === 0)],
  ['eq', defined((value, args) => pyEquals(value, args[0] ?? null))],
  ['ne', defined((value, args) => !pyEquals(value, args[0] ?? null))],
]);
