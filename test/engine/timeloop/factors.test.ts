import { describe, expect, it } from 'vitest';
import { parseFactors, parsePermutation } from '../../../src/engine/timeloop/factors.js';

describe('Timeloop factor and permutation syntax', () => {
  it('reads v0.4 strings, timeloopfe comma lists, legacy `N1` and YAML lists', () => {
    expect(parseFactors('R=3 P=16')).toEqual([{ dim: 'R', op: '=', value: 3 }, { dim: 'P', op: '=', value: 16 }]);
    expect(parseFactors('R=1,P=1,K=16')).toEqual([
      { dim: 'R', op: '=', value: 1 }, { dim: 'P', op: '=', value: 1 }, { dim: 'K', op: '=', value: 16 }]);
    expect(parseFactors('C1 M8')).toEqual([{ dim: 'C', op: '=', value: 1 }, { dim: 'M', op: '=', value: 8 }]);
    expect(parseFactors(['M<=4', 'N >= 2', 'Q=0'])).toEqual([
      { dim: 'M', op: '<=', value: 4 }, { dim: 'N', op: '>=', value: 2 }, { dim: 'Q', op: '=', value: 0 }]);
  });

  it('reads permutations inner → outer, one letter per dimension or list items', () => {
    expect(parsePermutation('NPQR SCM', [])).toEqual(['N', 'P', 'Q', 'R', 'S', 'C', 'M']);
    expect(parsePermutation(['C', 'M'], [])).toEqual(['C', 'M']);
  });

  it('places unlisted dimensions between the two halves of an `_` permutation', () => {
    expect(parsePermutation('RS_M', ['C', 'M', 'R', 'S', 'P'])).toEqual(['R', 'S', 'C', 'P', 'M']);
  });
});
