/**
 * Divisors of a rank size through its prime factorisation. Trial division stops at √n, so any
 * integer a double holds exactly (≤ 2^53) factors in well under a second, and one that fits the
 * mapper's 32-bit tiles (≤ 2^31 - 1) in at most ~15,000 divisions.
 */

/** The largest integer up to which every integer is exactly a double. */
export const MAX_EXACT_INTEGER = 2 ** 53;

/** Prime factors of n with their exponents, smallest prime first. n must be an integer in [1, 2^53]. */
export function primeFactors(n: number): [prime: number, exponent: number][] {
  if (!Number.isInteger(n) || n < 1 || n > MAX_EXACT_INTEGER) throw new RangeError(`primeFactors needs an integer from 1 to 2^53, got ${n}`);
  const out: [number, number][] = [];
  let rest = n;
  const divideOut = (p: number): void => {
    let exponent = 0;
    while (rest % p === 0) {
      rest /= p;
      exponent++;
    }
    if (exponent > 0) out.push([p, exponent]);
  };
  divideOut(2);
  divideOut(3);
  // Every prime above 3 is 6k ± 1.
  for (let p = 5; p * p <= rest; p += 6) {
    if (rest % p === 0) divideOut(p);
    if (rest % (p + 2) === 0) divideOut(p + 2);
  }
  if (rest > 1) out.push([rest, 1]);
  return out;
}

/** Every divisor of n, ascending. */
export function divisors(n: number): number[] {
  let out = [1];
  for (const [prime, exponent] of primeFactors(n)) {
    const next: number[] = [];
    for (const d of out) {
      let power = d;
      for (let e = 0; e <= exponent; e++, power *= prime) next.push(power);
    }
    out = next;
  }
  return out.sort((a, b) => a - b);
}
