import { describe, expect, it } from 'vitest';
import { pyRepr, toJs } from '../../../../src/engine/spec/expr/index.js';
import { errorOf, py } from './helpers.js';

const repr = (source: string, vars: Record<string, unknown> = {}): string => pyRepr(py(source, vars));

describe('rounding builtins', () => {
  it('round uses banker rounding and returns ints without ndigits', () => {
    expect(repr('round(2.5)')).toBe('2');
    expect(repr('round(3.5)')).toBe('4');
    expect(repr('round(-2.5)')).toBe('-2');
    expect(repr('round(2.6)')).toBe('3');
    expect(repr('round(7)')).toBe('7');
  });

  it('round with ndigits rounds the exact binary value, ties to even', () => {
    expect(repr('round(2.675, 2)')).toBe('2.67');
    expect(repr('round(0.125, 2)')).toBe('0.12');
    expect(repr('round(0.375, 2)')).toBe('0.38');
    expect(repr('round(1.23456, 3)')).toBe('1.235');
    expect(repr('round(1250, -2)')).toBe('1200');
    expect(repr('round(1350, -2)')).toBe('1400');
    expect(repr('round(5, 1)')).toBe('5');
  });

  it('ceil, floor and trunc return ints', () => {
    expect(repr('ceil(2.1)')).toBe('3');
    expect(repr('floor(-2.1)')).toBe('-3');
    expect(repr('trunc(-2.7)')).toBe('-2');
    expect(repr('ceil(4)')).toBe('4');
    expect(errorOf(() => py("ceil(float('inf'))")).message).toBe(
      'OverflowError: cannot convert float infinity to integer',
    );
  });
});

describe('numeric builtins', () => {
  it('pow is Python builtin pow, with the 3-argument form', () => {
    expect(repr('pow(2, 10)')).toBe('1024');
    expect(repr('pow(2, -1)')).toBe('0.5');
    expect(repr('pow(2.0, 3)')).toBe('8.0');
    expect(repr('pow(3, 4, 5)')).toBe('1');
    expect(repr('pow(2, -1, 5)')).toBe('3');
    expect(errorOf(() => py('pow(2, 3, 0)')).message).toContain('cannot be 0');
  });

  it('abs keeps the type', () => {
    expect(repr('abs(-3)')).toBe('3');
    expect(repr('abs(-2.0)')).toBe('2.0');
  });

  it('int, float, str and bool convert like Python', () => {
    expect(repr("float('inf')")).toBe('inf');
    expect(repr("float(' 2.5 ')")).toBe('2.5');
    expect(repr('float(3)')).toBe('3.0');
    expect(repr("int('3')")).toBe('3');
    expect(repr('int(-2.9)')).toBe('-2');
    expect(repr("int('ff', 16)")).toBe('255');
    expect(repr('str(2048.0)')).toBe("'2048.0'");
    expect(repr('str(True)')).toBe("'True'");
    expect(repr('str([1, None])')).toBe("'[1, None]'");
    expect(repr('bool([])')).toBe('False');
    expect(repr("bool('x')")).toBe('True');
    expect(errorOf(() => py("int('2.5')")).message).toBe("ValueError: invalid literal for int() with base 10: '2.5'");
    expect(errorOf(() => py("float('abc')")).message).toBe("ValueError: could not convert string to float: 'abc'");
  });

  it('math functions give Python values', () => {
    expect(repr('sqrt(16)')).toBe('4.0');
    expect(repr('log2(1024)')).toBe('10.0');
    expect(repr('log(8, 2)')).toBe('3.0');
    expect(repr('log10(1000)')).toBe('3.0');
    expect(repr('exp(0)')).toBe('1.0');
    expect(repr('factorial(5)')).toBe('120');
    expect(repr('comb(10, 3)')).toBe('120');
    expect(repr('perm(5, 2)')).toBe('20');
    expect(repr('gcd(12, 18)')).toBe('6');
    expect(repr('isqrt(17)')).toBe('4');
    expect(repr('fsum([0.1] * 10)')).toBe('1.0');
    expect(repr('prod([2, 3, 4])')).toBe('24');
    expect(repr('hypot(3, 4)')).toBe('5.0');
    expect(repr('frexp(8.0)')).toBe('(0.5, 4)');
    expect(repr('modf(-2.5)')).toBe('(-0.5, -2.0)');
    expect(repr('copysign(3, -0.0)')).toBe('-3.0');
    expect(repr('fmod(-7, 3)')).toBe('-1.0');
    expect(repr('remainder(5, 2)')).toBe('1.0');
    expect(repr('isclose(1.0, 1.0 + 1e-12)')).toBe('True');
    expect(repr('isinf(inf) and isnan(nan) and isfinite(1)')).toBe('True');
    expect(repr('degrees(pi)')).toBe('180.0');
    expect(repr('tau / pi')).toBe('2.0');
    expect(repr('dist((0, 0), (3, 4))')).toBe('5.0');
    expect(repr('ldexp(1.5, 3)')).toBe('12.0');
  });

  it('special functions match Python to about 1e-13', () => {
    expect(py('erf(0.5)')).toEqual(expect.objectContaining({ value: expect.closeTo(0.5204998778130465, 14) }));
    expect(py('erfc(2)')).toEqual(expect.objectContaining({ value: expect.closeTo(0.004677734981047266, 16) }));
    expect(py('erf(4)')).toEqual(expect.objectContaining({ value: expect.closeTo(0.9999999845827421, 15) }));
    expect(py('gamma(0.5)')).toEqual(expect.objectContaining({ value: expect.closeTo(Math.sqrt(Math.PI), 14) }));
    expect(repr('gamma(5)')).toBe('24.0');
    expect(py('lgamma(10.5)')).toEqual(expect.objectContaining({ value: expect.closeTo(13.940625219403763, 12) }));
  });

  it('raises math domain errors', () => {
    expect(errorOf(() => py('sqrt(-1)')).message).toBe('ValueError: math domain error');
    expect(errorOf(() => py('log(0)')).message).toBe('ValueError: math domain error');
    expect(errorOf(() => py('exp(1000)')).message).toBe('OverflowError: math range error');
    expect(errorOf(() => py('factorial(2.0)')).message).toContain("'float' object cannot be interpreted as an integer");
  });
});

describe('iterable builtins', () => {
  it('sum, min and max take one iterable or several values', () => {
    expect(repr('sum([1, 2, 3])')).toBe('6');
    expect(repr('sum([1, 2.5])')).toBe('3.5');
    expect(repr('sum([0.1] * 10)')).toBe('1.0');
    expect(repr('sum([[1], [2]], [])')).toBe('[1, 2]');
    expect(repr('max(3, 7, 5)')).toBe('7');
    expect(repr('min([4, 2, 8])')).toBe('2');
    expect(repr('max([], default=0)')).toBe('0');
    expect(repr("max(['aa', 'b'], key=len)")).toBe("'aa'");
    expect(errorOf(() => py('max([])')).message).toBe('ValueError: max() iterable argument is empty');
    expect(errorOf(() => py("sum(['a'], '')")).message).toContain("can't sum strings");
  });

  it('len, range, list, tuple, enumerate and map', () => {
    expect(repr("len('abc') + len([1]) + len({'a': 1})")).toBe('5');
    expect(toJs(py('range(5)'))).toEqual([0, 1, 2, 3, 4]);
    expect(toJs(py('range(10, 0, -3)'))).toEqual([10, 7, 4, 1]);
    expect(repr("list('ab')")).toBe("['a', 'b']");
    expect(repr('tuple([1, 2])')).toBe('(1, 2)');
    expect(repr("list(enumerate(['a', 'b'], 1))")).toBe("[(1, 'a'), (2, 'b')]");
    expect(repr('list(map(abs, [-1, 2]))')).toBe('[1, 2]');
    expect(repr('list(map(pow, [2, 3], [2, 2]))')).toBe('[4, 9]');
  });

  it('caps huge ranges', () => {
    expect(errorOf(() => py('range(10**9)')).message).toBe(
      'range() would produce 1,000,000,000 items, over the limit of 10,000,000.',
    );
    expect(errorOf(() => py('range(1, 5, 0)')).message).toBe('ValueError: range() arg 3 must not be zero');
  });

  it('keeps unavailable builtins unavailable, by name', () => {
    for (const name of ['any', 'all', 'zip', 'sorted', 'set', 'dict', 'isinstance', 'filter', 'reversed']) {
      expect(errorOf(() => py(`${name}([1])`)).message).toBe(`'${name}' is not available in AccelForge expressions.`);
    }
  });
});
