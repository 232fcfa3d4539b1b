import { describe, expect, it } from 'vitest';
import type { ModelEinsum } from '../../../src/engine/model/types.js';
import { mappingOf, run, simpleArch, tensor } from './builders.js';

describe('partially relevant rank variables (1-D convolution O[p] += I[p + r] · W[r])', () => {
  const conv: ModelEinsum = {
    name: 'Conv',
    rankBounds: { p: 8, r: 3 },
    tensors: [
      { ...tensor('I', []), projection: [{ rank: 'H', terms: [{ var: 'p', coeff: 1 }, { var: 'r', coeff: 1 }], constant: 0 }] },
      tensor('W', ['r']),
      tensor('O', ['p'], { output: true }),
    ],
    isCopyOperation: false,
    nInstances: 1,
    arch: simpleArch(),
    offPath: [],
  };
  const result = run([conv], mappingOf(`
mapping:
  nodes:
  - !Storage {tensors: [I, W, O], component: MainMemory}
  - !Temporal {rank_variable: p, tile_shape: 4}
  - !Storage {tensors: [I], component: GlobalBuffer}
  - !Temporal {rank_variable: p, tile_shape: 1}
  - !Temporal {rank_variable: r, tile_shape: 1}
  - !Compute {einsum: Conv, component: MAC}
`));

  it('fills halo tiles p + r - 1 per outer iteration', () => {
    // (4 + 3 - 1) values × 2 tiles × 8 bits.
    expect(result.actionCount('Conv', 'MainMemory', 'I', 'read')).toBe(6 * 2 * 8);
    expect(result.actionCount('Conv', 'GlobalBuffer', 'I', 'read')).toBe(24 * 8);
    expect(result.computeOps()).toBe(24);
  });

  it('lowers the reservation through at most one partially relevant loop', () => {
    const i = result.einsums[0]!.usage.find((u) => u.component === 'GlobalBuffer')!;
    expect(i).toMatchObject({ tensor: 'I', bits: 3 * 8, depth: 2 });
  });

  it('elides first output reads only across relevant loops', () => {
    expect(result.actionCount('Conv', 'MainMemory', 'O', 'write')).toBe(24 * 8);
    expect(result.actionCount('Conv', 'MainMemory', 'O', 'read')).toBe((24 - 8) * 8);
  });
});
