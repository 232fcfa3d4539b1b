/** The `math` module functions exposed to expressions (docs/spec-format.md §7.5). */
import { nativeFunction, requireInt, requireNumber, simpleFunction } from './args.js';
import { binaryOp } from './arithmetic.js';
import { overflowError, typeError, valueError } from './errors.js';
import { iterate } from './protocols.js';
import { erf, erfc, gamma, lgamma } from './special-functions.js';
import { roundHalfEven } from './numbers.js';
import { PyCallable, pyFloat, pyInt, PyTuple, type PyValue } from './values.js';

type Unary = (x: number) => number;
type Binary = (x: number, y: number) => number;

/** A float-valued function with Python's domain (ValueError) and range (OverflowError) errors. */
function floatFunction(
  name: string,
  arity: number,
  f: (xs: readonly number[]) => number,
  infinityIsDomainError = false,
): PyCallable {
  return simpleFunction(name, (...args) => {
    if (args.length !== arity) {
      typeError(`${name}() takes exactly ${arity} argument${arity === 1 ? '' : 's'} (${args.length} given)`);
    }
    const xs = args.map((a) => requireNumber(name, a));
    const result = f(xs);
    const inputsNaN = xs.some(Number.isNaN);
    const inputsFinite = xs.every(Number.isFinite);
    if (Number.isNaN(result) && !inputsNaN) valueError('math domain error');
    if (!Number.isFinite(result) && !Number.isNaN(result) && inputsFinite) {
      if (infinityIsDomainError) valueError('math domain error');
      overflowError('math range error');
    }
    return pyFloat(result);
  });
}

/** ceil/floor/trunc: ints pass through, floats become ints. */
function toIntFunction(name: string, f: (x: number) => number): PyCallable {
  return simpleFunction(name, (x) => {
    if (typeof x === 'number' || typeof x === 'boolean') return Number(x);
    return floatToInt(f(requireNumber(name, x)));
  });
}

/** Python's int(float): truncates; inf and nan are errors. */
export function floatToInt(x: number): number {
  if (Number.isNaN(x)) valueError('cannot convert float NaN to integer');
  if (!Number.isFinite(x)) overflowError('cannot convert float infinity to integer');
  return pyInt(Math.trunc(x));
}

function bigFactorialRange(from: number, to: number): bigint {
  let product = 1n;
  for (let i = from; i <= to; i++) product *= BigInt(i);
  return product;
}

function nonNegative(fn: string, value: PyValue | undefined, what: string): number {
  const n = requireInt(fn, value);
  if (n < 0) valueError(`${what} must be a non-negative integer`);
  return n;
}

function combinations(n: number, k: number): number {
  if (k > n) return 0;
  const smaller = Math.min(k, n - k);
  return pyInt(Number(bigFactorialRange(n - smaller + 1, n) / bigFactorialRange(1, smaller)));
}

function frexp(x: number): PyTuple {
  if (x === 0 || !Number.isFinite(x)) return new PyTuple([pyFloat(x), 0]);
  let exponent = Math.floor(Math.log2(Math.abs(x))) + 1;
  let mantissa = x * 2 ** -exponent;
  // log2 can be off by one near powers of two.
  while (Math.abs(mantissa) < 0.5) {
    mantissa *= 2;
    exponent--;
  }
  while (Math.abs(mantissa) >= 1) {
    mantissa /= 2;
    exponent++;
  }
  return new PyTuple([pyFloat(mantissa), exponent]);
}

/** Shewchuk's exact float summation, as math.fsum. */
function fsum(values: number[]): number {
  const partials: number[] = [];
  for (let x of values) {
    let i = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const high = x + y;
      const low = y - (high - x);
      if (low !== 0) partials[i++] = low;
      x = high;
    }
    partials.length = i;
    partials.push(x);
  }
  return partials.reduce((a, b) => a + b, 0);
}

function numbersOf(fn: string, iterable: PyValue | undefined): number[] {
  return [...iterate(iterable ?? null)].map((v) => requireNumber(fn, v));
}

function isclose(a: number, b: number, relTol: number, absTol: number): boolean {
  if (relTol < 0 || absTol < 0) valueError('tolerances must be non-negative');
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const diff = Math.abs(b - a);
  return diff <= Math.abs(relTol * b) || diff <= Math.abs(relTol * a) || diff <= absTol;
}

function ieeeRemainder(x: number, y: number): number {
  if (y === 0 || !Number.isFinite(x)) return NaN;
  if (!Number.isFinite(y)) return x;
  return x - roundHalfEven(x / y) * y;
}

function intFunctions(): [string, PyCallable][] {
  const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));
  return [
    ['ceil', toIntFunction('ceil', Math.ceil)],
    ['floor', toIntFunction('floor', Math.floor)],
    ['trunc', toIntFunction('trunc', Math.trunc)],
    ['factorial', simpleFunction('factorial', (n) => {
      const value = nonNegative('factorial', n, 'factorial() argument');
      return pyInt(Number(bigFactorialRange(1, value)));
    })],
    ['comb', simpleFunction('comb', (n, k) => combinations(nonNegative('comb', n, 'n'), nonNegative('comb', k, 'k')))],
    ['perm', nativeFunction('perm', { required: ['n'], optional: ['k'] }, ({ values }) => {
      const n = nonNegative('perm', values.get('n'), 'n');
      const kValue = values.get('k');
      const k = kValue === undefined || kValue === null ? n : nonNegative('perm', kValue, 'k');
      return k > n ? 0 : pyInt(Number(bigFactorialRange(n - k + 1, n)));
    })],
    ['gcd', simpleFunction('gcd', (...xs) => xs.map((x) => requireInt('gcd', x)).reduce(gcd, 0))],
    ['isqrt', simpleFunction('isqrt', (n) => {
      const value = nonNegative('isqrt', n, 'isqrt() argument');
      let root = Math.floor(Math.sqrt(value));
      while (root * root > value) root--;
      while ((root + 1) * (root + 1) <= value) root++;
      return root;
    })],
  ];
}

const ISCLOSE_SIGNATURE = { required: ['a', 'b'], optional: ['rel_tol', 'abs_tol'] };

function aggregateFunctions(): [string, PyCallable][] {
  return [
    ['fsum', simpleFunction('fsum', (it) => pyFloat(fsum(numbersOf('fsum', it))))],
    ['prod', nativeFunction('prod', { required: ['iterable'], optional: ['start'] }, ({ values }) => {
      let product: PyValue = values.get('start') ?? 1;
      for (const item of iterate(values.get('iterable') ?? null)) product = binaryOp('*', product, item);
      return product;
    })],
    ['hypot', simpleFunction('hypot', (...xs) => pyFloat(Math.hypot(...xs.map((x) => requireNumber('hypot', x)))))],
    ['dist', simpleFunction('dist', (p, q) => {
      const a = numbersOf('dist', p);
      const b = numbersOf('dist', q);
      if (a.length !== b.length) valueError('both points must have the same number of dimensions');
      return pyFloat(Math.hypot(...a.map((x, i) => x - (b[i] ?? 0))));
    })],
    ['isclose', nativeFunction('isclose', ISCLOSE_SIGNATURE, ({ values }) =>
      isclose(
        requireNumber('isclose', values.get('a')),
        requireNumber('isclose', values.get('b')),
        requireNumber('isclose', values.get('rel_tol') ?? pyFloat(1e-9)),
        requireNumber('isclose', values.get('abs_tol') ?? pyFloat(0)),
      ),
    )],
    ['isfinite', simpleFunction('isfinite', (x) => Number.isFinite(requireNumber('isfinite', x)))],
    ['isinf', simpleFunction('isinf', (x) => Math.abs(requireNumber('isinf', x)) === Infinity)],
    ['isnan', simpleFunction('isnan', (x) => Number.isNaN(requireNumber('isnan', x)))],
    ['frexp', simpleFunction('frexp', (x) => frexp(requireNumber('frexp', x)))],
    ['modf', simpleFunction('modf', (x) => {
      const v = requireNumber('modf', x);
      const whole = Math.trunc(v);
      const fraction = Number.isFinite(v) ? v - whole : 0 * Math.sign(v);
      return new PyTuple([pyFloat(fraction), pyFloat(whole)]);
    })],
    ['ldexp', simpleFunction('ldexp', (x, i) => {
      const result = requireNumber('ldexp', x) * 2 ** requireInt('ldexp', i);
      if (!Number.isFinite(result) && Number.isFinite(requireNumber('ldexp', x))) overflowError('math range error');
      return pyFloat(result);
    })],
  ];
}

function floatFunctions(): [string, PyCallable][] {
  const logBase = (x: number, base?: number): number => {
    if (x <= 0 || (base !== undefined && (base <= 0 || base === 1))) return NaN;
    return base === undefined ? Math.log(x) : Math.log(x) / Math.log(base);
  };
  const log = simpleFunction('log', (...args) => {
    if (args.length < 1 || args.length > 2) typeError(`log expected 1 or 2 arguments, got ${args.length}`);
    const xs = args.map((a) => requireNumber('log', a));
    const result = logBase(xs[0] as number, xs[1]);
    if (Number.isNaN(result) && !xs.some(Number.isNaN)) valueError('math domain error');
    return pyFloat(result);
  });
  const positive = (f: Unary): Unary => (x) => (x <= 0 ? NaN : f(x));
  const notNonPositiveInt = (f: Unary, pole: number): Unary => (x) => (Number.isInteger(x) && x <= 0 ? pole : f(x));
  const unary: [string, Unary, boolean?][] = [
    ['fabs', Math.abs],
    ['exp', Math.exp],
    ['expm1', Math.expm1],
    ['log1p', (x) => (x <= -1 ? NaN : Math.log1p(x))],
    ['log2', positive(Math.log2)],
    ['log10', positive(Math.log10)],
    ['sqrt', Math.sqrt],
    ['acos', Math.acos],
    ['asin', Math.asin],
    ['atan', Math.atan],
    ['cos', Math.cos],
    ['sin', Math.sin],
    ['tan', Math.tan],
    ['degrees', (x) => (x * 180) / Math.PI],
    ['radians', (x) => (x * Math.PI) / 180],
    ['acosh', Math.acosh],
    ['asinh', Math.asinh],
    ['atanh', Math.atanh, true],
    ['cosh', Math.cosh],
    ['sinh', Math.sinh],
    ['tanh', Math.tanh],
    ['erf', erf],
    ['erfc', erfc],
    ['gamma', notNonPositiveInt(gamma, NaN)],
    ['lgamma', notNonPositiveInt(lgamma, Infinity), true],
  ];
  const binary: [string, Binary][] = [
    ['copysign', (x, y) => Math.abs(x) * (y < 0 || Object.is(y, -0) ? -1 : 1)],
    ['fmod', (x, y) => (y === 0 || !Number.isFinite(x) ? NaN : x % y)],
    ['remainder', ieeeRemainder],
    ['atan2', Math.atan2],
  ];
  const fromUnary = ([name, f, domain]: [string, Unary, boolean?]): [string, PyCallable] => [
    name,
    floatFunction(name, 1, (xs) => f(xs[0] as number), domain),
  ];
  const fromBinary = ([name, f]: [string, Binary]): [string, PyCallable] => [
    name,
    floatFunction(name, 2, (xs) => f(xs[0] as number, xs[1] as number)),
  ];
  return [['log', log], ...unary.map(fromUnary), ...binary.map(fromBinary)];
}

/** The math functions and constants of docs/spec-format.md §7.5. */
export function mathBuiltins(): [string, PyValue][] {
  const constants: [string, PyValue][] = [
    ['pi', pyFloat(Math.PI)],
    ['e', pyFloat(Math.E)],
    ['tau', pyFloat(2 * Math.PI)],
    ['inf', pyFloat(Infinity)],
    ['nan', pyFloat(NaN)],
  ];
  return [...intFunctions(), ...aggregateFunctions(), ...floatFunctions(), ...constants];
}
