import { describe, expect, it } from 'vitest';
import { divisors, primeFactors } from '../../../src/engine/mapper/divisors.js';

function bruteForce(n: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= n; d++) if (n % d === 0) out.push(d);
  return out;
}

describe('divisors', () => {
  it('agrees with trying every integer for 1..2000', () => {
    for (let n = 1; n <= 2000; n++) expect(divisors(n)).toEqual(bruteForce(n));
  });

  it('gives the 41 powers of two dividing 2^40', () => {
    expect(primeFactors(2 ** 40)).toEqual([[2, 40]]);
    expect(divisors(2 ** 40)).toEqual(Array.from({ length: 41 }, (_, k) => 2 ** k));
  });

  it('factors 2^53 - 1 = 6361 x 69431 x 20394401', () => {
    expect(primeFactors(2 ** 53 - 1)).toEqual([[6361, 1], [69431, 1], [20394401, 1]]);
    expect(divisors(2 ** 53 - 1)).toEqual([1, 6361, 69431, 20394401, 441650591, 129728784761, 1416003655831, 9007199254740991]);
  });

  it('gives 1e15 = 2^15 x 5^15 its 256 divisors', () => {
    const all = divisors(1e15);
    expect(primeFactors(1e15)).toEqual([[2, 15], [5, 15]]);
    expect(all).toHaveLength(256);
    expect(all.slice(0, 6)).toEqual([1, 2, 4, 5, 8, 10]);
    expect(all.at(-2)).toBe(5e14);
    // sigma(2^15) * sigma(5^15) = (2^16 - 1) * (5^16 - 1) / 4
    expect(all.reduce((a, b) => a + b, 0)).toBe(2499961853010960);
  });

  it('handles primes at the edges of the 32-bit range and 2^53 itself', () => {
    expect(divisors(2 ** 31 - 1)).toEqual([1, 2147483647]);
    expect(divisors(4294967291)).toEqual([1, 4294967291]);
    expect(divisors(2 ** 53)).toHaveLength(54);
  });

  it('refuses what is not an integer from 1 to 2^53', () => {
    for (const bad of [0, -4, 1.5, NaN, Infinity, 2 ** 53 + 2]) expect(() => divisors(bad)).toThrow(RangeError);
  });
});
