import { describe, expect, it } from 'vitest';
import { isPyFloat, isPyInt, pyRepr, toJs } from '../../../../src/engine/spec/expr/index.js';
import { errorOf, py } from './helpers.js';

/** repr of the result, which shows int vs float like Python does. */
const repr = (source: string, vars: Record<string, unknown> = {}): string => pyRepr(py(source, vars));

describe('int and float semantics', () => {
  it('floor division and modulo follow Python sign rules', () => {
    expect(repr('7 // 2')).toBe('3');
    expect(repr('-7 // 2')).toBe('-4');
    expect(repr('7 // -2')).toBe('-4');
    expect(repr('-7 % 3')).toBe('2');
    expect(repr('7 % -3')).toBe('-2');
    expect(repr('7.5 // 2')).toBe('3.0');
    expect(repr('-7.5 % 2')).toBe('0.5');
  });

  it('true division always gives a float', () => {
    const value = py('4096/2');
    expect(isPyFloat(value)).toBe(true);
    expect(isPyInt(value)).toBe(false);
    expect(toJs(value)).toBe(2048);
    expect(repr('4096/2')).toBe('2048.0');
    expect(repr('1/3')).toBe('0.3333333333333333');
  });

  it('keeps int arithmetic int and mixes to float', () => {
    expect(repr('2**10')).toBe('1024');
    expect(isPyInt(py('2**10'))).toBe(true);
    expect(repr('2**-1')).toBe('0.5');
    expect(repr('3 * 4')).toBe('12');
    expect(repr('3 * 4.0')).toBe('12.0');
    expect(repr('1 + 2.5')).toBe('3.5');
    expect(repr('True + True')).toBe('2');
    expect(repr('2.0 ** 3')).toBe('8.0');
  });

  it('reads numeric literals', () => {
    expect(repr('1_000')).toBe('1000');
    expect(repr('1e-12')).toBe('1e-12');
    expect(repr('.5')).toBe('0.5');
    expect(repr('5.')).toBe('5.0');
    expect(repr('1e3')).toBe('1000.0');
    expect(repr('0x10 + 0b11 + 0o7')).toBe('26');
    expect(repr('200e6')).toBe('200000000.0');
  });

  it('formats floats like Python repr', () => {
    expect(repr('1e16')).toBe('1e+16');
    expect(repr('1e15')).toBe('1000000000000000.0');
    expect(repr('0.0001')).toBe('0.0001');
    expect(repr('0.00001')).toBe('1e-05');
    expect(repr('-0.0')).toBe('-0.0');
    expect(repr("str(2.5e-7)")).toBe("'2.5e-07'");
  });

  it('bitwise operators and unary operators on ints', () => {
    expect(repr('6 & 3')).toBe('2');
    expect(repr('6 | 3')).toBe('7');
    expect(repr('6 ^ 3')).toBe('5');
    expect(repr('1 << 10')).toBe('1024');
    expect(repr('-9 >> 1')).toBe('-5');
    expect(repr('~5')).toBe('-6');
    expect(repr('-(3)')).toBe('-3');
    expect(repr('+2.5')).toBe('2.5');
    expect(repr('True & False')).toBe('False');
  });

  it('rejects division by zero', () => {
    expect(errorOf(() => py('1/0')).message).toBe('ZeroDivisionError: division by zero');
    expect(errorOf(() => py('1.0/0')).message).toBe('ZeroDivisionError: float division by zero');
    expect(errorOf(() => py('5 // 0')).message).toBe('ZeroDivisionError: integer division or modulo by zero');
    expect(errorOf(() => py('5 % 0')).message).toContain('ZeroDivisionError');
    expect(errorOf(() => py('0 ** -1')).message).toContain('ZeroDivisionError');
  });

  it('reports int overflow instead of producing infinity', () => {
    expect(errorOf(() => py('10 ** 400')).message).toContain('OverflowError');
    expect(errorOf(() => py('10.0 ** 400')).message).toContain('OverflowError');
  });
});

describe('operator precedence', () => {
  it('binds like Python', () => {
    expect(repr('not 1 == 2')).toBe('True');
    expect(repr('-2**2')).toBe('-4');
    expect(repr('2**3**2')).toBe('512');
    expect(repr('2 + 3 * 4')).toBe('14');
    expect(repr('(2 + 3) * 4')).toBe('20');
    expect(repr('1 + 2 if False else 10')).toBe('10');
    expect(repr('1 if True else 2 + 100')).toBe('1');
    expect(repr('1 | 2 ^ 3 & 4')).toBe('3');
    expect(repr('1 + 1 << 2')).toBe('8');
    expect(repr('not 0 and 5')).toBe('5');
    expect(repr('10 - 2 - 3')).toBe('5');
    expect(repr('100 / 10 / 5')).toBe('2.0');
  });

  it('chains comparisons', () => {
    expect(repr('1 < a < 5', { a: 3 })).toBe('True');
    expect(repr('1 < a < 2', { a: 3 })).toBe('False');
    expect(repr('1 == 1.0 != 2')).toBe('True');
    expect(repr('3 >= 3 > 2 <= 2')).toBe('True');
  });

  it('and/or return the deciding operand and short-circuit', () => {
    expect(repr('3 and 0 or 5')).toBe('5');
    expect(repr("'' or 'x'")).toBe("'x'");
    expect(repr('[] and undefined_name')).toBe('[]');
    expect(repr('1 or undefined_name')).toBe('1');
    expect(repr('0 and 1')).toBe('0');
  });

  it('conditional expressions evaluate only the taken branch', () => {
    expect(repr('1 if x > 0 else 1/0', { x: 1 })).toBe('1');
    expect(repr('1/0 if x > 0 else 2', { x: 0 })).toBe('2');
    expect(repr('1 if a else 2 if b else 3', { a: false, b: false })).toBe('3');
  });
});

describe('comparisons and membership', () => {
  it('compares strings, None and containers', () => {
    expect(repr("'abc' == 'abc'")).toBe('True');
    expect(repr("'a' < 'b'")).toBe('True');
    expect(repr('x is None', { x: null })).toBe('True');
    expect(repr('x is not None', { x: 1 })).toBe('True');
    expect(repr('2 in [1, 2]')).toBe('True');
    expect(repr('3 not in (1, 2)')).toBe('True');
    expect(repr("'at' in 'cat'")).toBe('True');
    expect(repr("'k' in {'k': 1}")).toBe('True');
    expect(repr('[1, 2] == [1, 2.0]')).toBe('True');
    expect(repr('(1, 2) < (1, 3)')).toBe('True');
    expect(repr("nan == nan")).toBe('False');
    expect(repr("nan < 1")).toBe('False');
  });

  it('rejects ordering between unrelated types', () => {
    expect(errorOf(() => py("1 < 'a'")).message).toBe(
      "TypeError: '<' not supported between instances of 'int' and 'str'",
    );
  });
});

describe('sequences', () => {
  it('repeats and concatenates lists', () => {
    expect(toJs(py('[1] * 3'))).toEqual([1, 1, 1]);
    expect(toJs(py('[0] * 7 + [1] * 8'))).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(repr("'ab' * 2")).toBe("'abab'");
    expect(repr('2 * (1, 2)')).toBe('(1, 2, 1, 2)');
    expect(repr('[1] * -1')).toBe('[]');
  });

  it('indexes and slices', () => {
    expect(repr('x[-1]', { x: [1, 2, 3] })).toBe('3');
    expect(repr('x[0]', { x: [1, 2, 3] })).toBe('1');
    expect(repr('x[1:]', { x: [1, 2, 3] })).toBe('[2, 3]');
    expect(repr('x[::-1]', { x: [1, 2, 3] })).toBe('[3, 2, 1]');
    expect(repr("'hello'[1:3]")).toBe("'el'");
    expect(repr("x['y']", { x: { y: 5 } })).toBe('5');
    expect(errorOf(() => py('x[3]', { x: [1] })).message).toBe('IndexError: list index out of range');
  });

  it('caps huge repetitions', () => {
    expect(errorOf(() => py('[0] * 100000000')).message).toContain('over the limit of 10,000,000');
  });
});
