import { describe, expect, it } from 'vitest';
import { formatPyFloat, pyRepr, pyStr, pyTruthy, PyFloat } from '../../../../src/engine/spec/load/py-values.js';

describe('formatPyFloat (Python float repr)', () => {
  it.each([
    [100000, '100000.0'],
    [0.5, '0.5'],
    [1e-5, '1e-05'],
    [0.0001, '0.0001'],
    [1e16, '1e+16'],
    [1234567890123456, '1234567890123456.0'],
    [7.03e-12, '7.03e-12'],
    [-2.5, '-2.5'],
    [Infinity, 'inf'],
    [0, '0.0'],
  ])('%s → %s', (value, text) => {
    expect(formatPyFloat(value)).toBe(text);
  });
});

describe('pyStr / pyRepr', () => {
  it('renders scalars like str()', () => {
    expect([true, false, null, 3, 0.25, 'abc', new PyFloat(2)].map(pyStr)).toEqual(['True', 'False', 'None', '3', '0.25', 'abc', '2.0']);
  });

  it('renders containers like repr()', () => {
    expect(pyStr({ a: 1, b: "it's", c: [null, 'x'] })).toBe(`{'a': 1, 'b': "it's", 'c': [None, 'x']}`);
    expect(pyRepr(['a\nb'])).toBe("['a\\nb']");
  });

  it('uses Python truthiness', () => {
    expect([[], {}, '', 0, [0], { a: 1 }, 'x'].map(pyTruthy)).toEqual([false, false, false, false, true, true, true]);
  });
});
