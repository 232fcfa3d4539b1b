/** A polynomial flattened for fast evaluation at one row of loop trip counts. */
import type { Poly } from './poly.js';

export class CompiledPoly {
  private readonly coeffs: Float64Array;
  private readonly masks: Int32Array;

  constructor(poly: Poly) {
    this.coeffs = Float64Array.from(poly.values());
    this.masks = Int32Array.from(poly.keys());
  }

  get isZero(): boolean {
    return this.coeffs.length === 0;
  }

  /** Σ coeff × Π counts[i] over the loops i of each monomial. */
  evaluate(counts: ArrayLike<number>): number {
    let sum = 0;
    for (let k = 0; k < this.coeffs.length; k++) {
      let term = this.coeffs[k]!;
      let mask = this.masks[k]!;
      while (mask !== 0) {
        const low = mask & -mask;
        term *= counts[31 - Math.clz32(low)]!;
        mask ^= low;
      }
      sum += term;
    }
    return sum;
  }
}
