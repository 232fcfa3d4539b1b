/** Python builtins exposed to expressions (docs/spec-format.md §7.5): abs round pow sum range len min max ... */
import { nativeFunction, requireInt, requireNumber, simpleFunction } from './args.js';
import { binaryOp, power } from './arithmetic.js';
import { floatToInt } from './builtins-math.js';
import { fail, typeError, valueError } from './errors.js';
import { pyRepr, pyStrLimited } from './format.js';
import { checkItemCount, MAX_ITEMS } from './limits.js';
import { floatFromString, intFromString, roundFloatToDigits, roundHalfEven } from './numbers.js';
import { callValue, iterate, orderedCompare, pyLen, truthy } from './protocols.js';
import {
  isPyNumber,
  numberOf,
  PyCallable,
  PyFloat,
  pyFloat,
  pyInt,
  PyTuple,
  pyTypeName,
  type PyValue,
} from './values.js';

function pyRound(x: PyValue, ndigits: PyValue | undefined): PyValue {
  if (!isPyNumber(x)) return typeError(`type ${pyTypeName(x)} doesn't define __round__ method`);
  const value = numberOf(x);
  if (ndigits === undefined || ndigits === null) {
    return x instanceof PyFloat ? floatToInt(Number.isFinite(value) ? roundHalfEven(value) : value) : value;
  }
  const digits = requireInt('round', ndigits);
  if (x instanceof PyFloat) return pyFloat(roundFloatToDigits(value, digits));
  if (digits >= 0) return value;
  const scale = 10 ** -digits;
  return pyInt(roundHalfEven(value / scale) * scale);
}

function modularPower(base: number, exponent: number, modulus: number): number {
  if (modulus === 0) valueError('pow() 3rd argument cannot be 0');
  const m = BigInt(Math.abs(modulus));
  let b = ((BigInt(base) % m) + m) % m;
  let e = BigInt(exponent);
  if (e < 0n) {
    b = modularInverse(b, m);
    e = -e;
  }
  let result = 1n % m;
  for (; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % m;
    b = (b * b) % m;
  }
  // Python's result has the sign of the modulus.
  const value = Number(result);
  return modulus < 0 && value !== 0 ? value + modulus : value;
}

function modularInverse(b: bigint, m: bigint): bigint {
  let [oldR, r] = [b, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) valueError('base is not invertible for the given modulus');
  return ((oldS % m) + m) % m;
}

function pyPow(base: PyValue, exponent: PyValue, modulus: PyValue | undefined): PyValue {
  if (modulus === undefined || modulus === null) {
    if (!isPyNumber(base) || !isPyNumber(exponent)) return binaryOp('**', base, exponent);
    const ints = !(base instanceof PyFloat) && !(exponent instanceof PyFloat);
    return power(numberOf(base), numberOf(exponent), ints);
  }
  const ints = [base, exponent, modulus].map((v) => requireInt('pow', v));
  return modularPower(ints[0] as number, ints[1] as number, ints[2] as number);
}

/** sum(); floats are added with compensation, as CPython 3.12+ does. */
function pySum(iterable: PyValue, start: PyValue | undefined): PyValue {
  if (typeof start === 'string') typeError("sum() can't sum strings [use ''.join(seq) instead]");
  let total: PyValue = start ?? 0;
  let compensation = 0;
  for (const item of iterate(iterable)) {
    if (typeof total === 'number' && typeof item === 'number') {
      total = pyInt(total + item);
    } else if (total instanceof PyFloat && isPyNumber(item)) {
      const x = numberOf(item);
      const t = total.value + x;
      compensation += Math.abs(total.value) >= Math.abs(x) ? total.value - t + x : x - t + total.value;
      total = pyFloat(t);
    } else {
      total = binaryOp('+', total, item);
    }
  }
  return total instanceof PyFloat && compensation !== 0 && Number.isFinite(compensation)
    ? pyFloat(total.value + compensation)
    : total;
}

function pyRange(args: readonly PyValue[]): PyValue[] {
  if (args.length < 1 || args.length > 3) typeError(`range expected 1 to 3 arguments, got ${args.length}`);
  const ints = args.map((a) => requireInt('range', a));
  const [start, stop, step] =
    ints.length === 1 ? [0, ints[0] as number, 1] : [ints[0] as number, ints[1] as number, ints[2] ?? 1];
  if (step === 0) valueError('range() arg 3 must not be zero');
  const count = Math.max(0, Math.ceil((stop - start) / step));
  checkItemCount(count, 'range()');
  const items = new Array<number>(count);
  for (let i = 0; i < count; i++) items[i] = start + i * step;
  return items;
}

/** min()/max(): one iterable or several arguments, with `key=` and `default=`. */
function extremum(name: 'min' | 'max', args: readonly PyValue[], kwargs: ReadonlyMap<string, PyValue>): PyValue {
  for (const key of kwargs.keys()) {
    if (key !== 'key' && key !== 'default') typeError(`${name}() got an unexpected keyword argument '${key}'`);
  }
  if (args.length === 0) typeError(`${name} expected at least 1 argument, got 0`);
  const items = args.length === 1 ? [...iterate(args[0] ?? null)] : args;
  if (args.length > 1 && kwargs.has('default')) {
    typeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
  }
  const keyFn = kwargs.get('key') ?? null;
  const keyOf = (item: PyValue): PyValue => (keyFn === null ? item : callValue(keyFn, [item], new Map()));
  if (items.length === 0) {
    const fallback = kwargs.get('default');
    if (fallback !== undefined) return fallback;
    return valueError(`${name}() iterable argument is empty`);
  }
  let best = items[0] as PyValue;
  let bestKey = keyOf(best);
  for (const item of items.slice(1)) {
    const itemKey = keyOf(item);
    if (orderedCompare(itemKey, bestKey, name === 'min' ? '<' : '>')) [best, bestKey] = [item, itemKey];
  }
  return best;
}

function toFloat(x: PyValue): PyFloat {
  if (typeof x === 'string') {
    const value = floatFromString(x);
    return value === undefined ? valueError(`could not convert string to float: ${pyRepr(x)}`) : pyFloat(value);
  }
  return pyFloat(requireNumber('float', x));
}

function toInt(x: PyValue, base: PyValue | undefined): number {
  if (base !== undefined) {
    if (typeof x !== 'string') typeError("int() can't convert non-string with explicit base");
    const radix = requireInt('int', base);
    const digits = x.trim().replace(/_/g, '').toLowerCase();
    const valid = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, radix);
    const body = digits.replace(/^[+-]/, '');
    if (radix < 2 || radix > 36 || body === '' || [...body].some((c) => !valid.includes(c))) {
      valueError(`invalid literal for int() with base ${radix}: ${pyRepr(x)}`);
    }
    return pyInt(parseInt(digits, radix));
  }
  if (typeof x === 'string') {
    const value = intFromString(x);
    return value === undefined ? valueError(`invalid literal for int() with base 10: ${pyRepr(x)}`) : value;
  }
  if (x instanceof PyFloat) return floatToInt(x.value);
  if (typeof x === 'number' || typeof x === 'boolean') return Number(x);
  return typeError(`int() argument must be a string or a real number, not '${pyTypeName(x)}'`);
}

function pyMap(fn: PyValue, iterables: readonly PyValue[]): PyValue[] {
  if (iterables.length === 0) typeError('map() must have at least two arguments.');
  const lists = iterables.map((it) => [...iterate(it)]);
  const length = Math.min(...lists.map((l) => l.length));
  return Array.from({ length }, (_, i) => callValue(fn, lists.map((l) => l[i] ?? null), new Map()));
}

/** The Python builtins of docs/spec-format.md §7.5 (math functions live in builtins-math.ts). */
export function coreBuiltins(): [string, PyCallable][] {
  return [
    ['abs', simpleFunction('abs', (x) => {
      if (!isPyNumber(x ?? null)) typeError(`bad operand type for abs(): '${pyTypeName(x ?? null)}'`);
      return x instanceof PyFloat ? pyFloat(Math.abs(x.value)) : Math.abs(numberOf(x as number));
    })],
    ['round', nativeFunction('round', { required: ['number'], optional: ['ndigits'] }, ({ values }) =>
      pyRound(values.get('number') ?? null, values.get('ndigits')))],
    ['pow', nativeFunction('pow', { required: ['base', 'exp'], optional: ['mod'] }, ({ values }) =>
      pyPow(values.get('base') ?? null, values.get('exp') ?? null, values.get('mod')))],
    ['sum', nativeFunction('sum', { required: ['iterable'], optional: ['start'] }, ({ values }) =>
      pySum(values.get('iterable') ?? null, values.get('start')))],
    ['range', simpleFunction('range', (...args) => pyRange(args))],
    ['len', simpleFunction('len', (x) => pyLen(x ?? null))],
    ['min', new PyCallable('min', (args, kwargs) => extremum('min', args, kwargs))],
    ['max', new PyCallable('max', (args, kwargs) => extremum('max', args, kwargs))],
    ['float', simpleFunction('float', (x = pyFloat(0)) => toFloat(x))],
    ['int', nativeFunction('int', { optional: ['x', 'base'] }, ({ values }) =>
      toInt(values.get('x') ?? 0, values.get('base')))],
    ['str', simpleFunction('str', (x = '') => pyStrLimited(x, MAX_ITEMS))],
    ['bool', simpleFunction('bool', (x = false) => truthy(x))],
    ['list', simpleFunction('list', (x = []) => [...iterate(x)])],
    ['tuple', simpleFunction('tuple', (x = []) => new PyTuple([...iterate(x)]))],
    ['enumerate', nativeFunction('enumerate', { required: ['iterable'], optional: ['start'] }, ({ values }) => {
      const start = requireInt('enumerate', values.get('start') ?? 0);
      return [...iterate(values.get('iterable') ?? null)].map((item, i) => new PyTuple([start + i, item]));
    })],
    ['map', simpleFunction('map', (fn = null, ...iterables) => pyMap(fn, iterables))],
    ['getcwd', simpleFunction('getcwd', () => '/')],
  ];
}

/** Python builtins AccelForge deliberately does not expose. */
export const UNAVAILABLE_BUILTINS: ReadonlySet<string> = new Set([
  'any', 'all', 'zip', 'sorted', 'set', 'dict', 'isinstance', 'filter', 'reversed',
]);

/** The error for a Python builtin that AccelForge leaves out. */
export function unavailableBuiltin(name: string): never {
  return fail(
    `'${name}' is not available in AccelForge expressions.`,
    'AccelForge only provides the math functions and abs, round, pow, sum, range, len, min, max, ' +
      'float, int, str, bool, list, tuple, enumerate and map.',
  );
}
