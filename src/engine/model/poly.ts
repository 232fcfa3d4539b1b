/**
 * Multilinear polynomials in a template's loop trip counts: each monomial is a coefficient and
 * a bit set of loops (one bit of an int32 per loop, so at most 32 loops). Under perfect tiling every count
 * the reuse analysis produces is such a polynomial: a loop is either above a level (it repeats
 * the traffic) or below it (it is part of the tile), never both.
 */
import type { Arith } from './arith.js';

export const MAX_POLY_LOOPS = 32;

/** Immutable: monomial bit set → coefficient (no zero coefficients). */
export type Poly = ReadonlyMap<number, number>;

/** Thrown when a product would square a trip count (not a multilinear template). */
export class NotMultilinear extends Error {
  constructor() {
    super('a loop trip count appears twice in one product');
    this.name = 'NotMultilinear';
  }
}

function addTerm(out: Map<number, number>, mask: number, coeff: number): void {
  const sum = (out.get(mask) ?? 0) + coeff;
  if (sum === 0) out.delete(mask);
  else out.set(mask, sum);
}

function constantPoly(value: number): Poly {
  return value === 0 ? new Map() : new Map([[0, value]]);
}

export const POLYS: Arith<Poly> = {
  zero: new Map(),
  one: constantPoly(1),
  constant: constantPoly,
  add(a, b) {
    if (b.size === 0) return a;
    if (a.size === 0) return b;
    const out = new Map(a);
    for (const [mask, coeff] of b) addTerm(out, mask, coeff);
    return out;
  },
  sub(a, b) {
    if (b.size === 0) return a;
    const out = new Map(a);
    for (const [mask, coeff] of b) addTerm(out, mask, -coeff);
    return out;
  },
  mul(a, b) {
    if (a.size === 0 || b.size === 0) return POLYS.zero;
    const out = new Map<number, number>();
    for (const [ma, ca] of a) {
      for (const [mb, cb] of b) {
        if ((ma & mb) !== 0) throw new NotMultilinear();
        addTerm(out, ma | mb, ca * cb);
      }
    }
    return out;
  },
  scale(a, factor) {
    if (factor === 1) return a;
    if (factor === 0) return POLYS.zero;
    const out = new Map<number, number>();
    for (const [mask, coeff] of a) out.set(mask, coeff * factor);
    return out;
  },
};

/** The monomial of one loop's trip count. */
export function loopVariable(loop: number): Poly {
  return new Map([[1 << loop, 1]]);
}

/** Product of the trip counts of the given loops. */
export function loopProduct(loops: Iterable<number>): Poly {
  let mask = 0;
  for (const loop of loops) mask |= 1 << loop;
  return new Map([[mask, 1]]);
}
