import { describe, expect, it } from 'vitest';
import { parseAffine, parseConstraints, AffineSyntaxError } from '../../../src/engine/evaluate/affine.js';
import { propagateBounds, rangeOf } from '../../../src/engine/evaluate/iteration-space.js';

describe('parseAffine', () => {
  it('reads strided projections', () => {
    expect(parseAffine('p0*2+r0')).toEqual({
      terms: [
        { variable: 'p0', coefficient: 2 },
        { variable: 'r0', coefficient: 1 },
      ],
      constant: 0,
    });
  });
  it('rejects products of variables', () => {
    expect(() => parseAffine('p*q')).toThrow(AffineSyntaxError);
  });
});

describe('propagateBounds', () => {
  it('reads a box constraint', () => {
    const bounds = propagateBounds(['m'], parseConstraints('0 <= m  < 64'));
    expect(bounds.get('m')).toEqual({ lo: 0, hi: 63 });
  });

  it('bounds a halo projection like mobilenet Depthwise0 (P0: p1 + r0, P0 = 28)', () => {
    const constraints = [
      ...parseConstraints('0 <= r0 < 3'),
      ...parseConstraints('0 <= p1 + r0 < 28'),
      ...parseConstraints('0 <= p1 < 28'),
    ];
    const bounds = propagateBounds(['p1', 'r0'], constraints);
    expect(bounds.get('p1')).toEqual({ lo: 0, hi: 27 });
    expect(bounds.get('r0')).toEqual({ lo: 0, hi: 2 });
    expect(rangeOf(parseAffine('p1 + r0'), bounds)).toEqual({ lo: 0, hi: 29 });
  });

  it('gives strided extents 2*(P-1)+R', () => {
    const bounds = propagateBounds(['p0', 'r0'], [...parseConstraints('0 <= p0 < 112'), ...parseConstraints('0 <= r0 < 3')]);
    const range = rangeOf(parseAffine('p0 * 2 + r0'), bounds);
    expect(range.hi - range.lo + 1).toBe(2 * 111 + 3);
  });

  it('leaves an unconstrained variable unbounded', () => {
    const bounds = propagateBounds(['m', 'n'], parseConstraints('0 <= m < 4'));
    expect(bounds.get('n')).toEqual({ lo: -Infinity, hi: Infinity });
  });
});
