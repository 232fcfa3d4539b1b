import { describe, expect, it } from 'vitest';
import { foldRankProducts, maxOfLoops, type RankProduct } from '../../../src/engine/mapper/partial-columns.js';

// Loops 0,1 belong to rank p (bound 12), loops 2,3,4 to rank q (bound 8).
const RANKS: RankProduct[] = [
  { mask: 0b00011, bound: 12 },
  { mask: 0b11100, bound: 8 },
];

describe('partial columns: rank products', () => {
  it('replaces every full set of a rank variable\'s loops by its bound and merges the monomials', () => {
    // 2·p0·p1·q2 + 3·q2 − p0·q2·q3·q4 + 5·p0  →  (24 + 3)·q2 − 8·p0 + 5·p0
    const poly = new Map([[0b00111, 2], [0b00100, 3], [0b11101, -1], [0b00001, 5]]);
    expect([...foldRankProducts(poly, RANKS)].sort((a, b) => a[0] - b[0])).toEqual([[0b00001, -3], [0b00100, 27]]);
  });

  it('agrees with the polynomial at a tiling (p = 3·4, q = 2·1·4)', () => {
    const counts = [3, 4, 2, 1, 4];
    const at = (poly: ReadonlyMap<number, number>): number =>
      [...poly].reduce((sum, [mask, c]) => sum + c * counts.reduce((p, n, i) => ((mask >> i) & 1 ? p * n : p), 1), 0);
    const poly = new Map([[0b00111, 2], [0b00100, 3], [0b11101, -1], [0b11111, 0.5]]);
    // 2·12·2 + 3·2 − 3·8 + 0.5·96 = 48 + 6 − 24 + 48
    expect(at(poly)).toBe(78);
    expect(at(foldRankProducts(poly, RANKS))).toBe(78);
  });

  it('bounds a product of loops by each loop\'s maximum and each rank\'s bound', () => {
    const loopMax = Int32Array.of(12, 6, 8, 8, 4);
    expect(maxOfLoops(0b00011, RANKS, loopMax)).toBe(12); // 12·6 capped at 12
    expect(maxOfLoops(0b10010, RANKS, loopMax)).toBe(24); // 6 · 4
    expect(maxOfLoops(0, RANKS, loopMax)).toBe(1);
  });
});
