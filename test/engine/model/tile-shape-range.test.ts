import { describe, expect, it } from 'vitest';
import { evaluateMapping } from '../../../src/engine/model/index.js';
import { mappingOf, matmul, simpleArch } from './builders.js';

const withMTile = (tile: string) => `
mapping:
  nodes:
  - !Storage {tensors: [T0, W0, T1], component: MainMemory}
  - !Storage {tensors: [T0, W0, T1], component: GlobalBuffer}
  - !Temporal {rank_variable: m, tile_shape: ${tile}}
  - !Temporal {rank_variable: m, tile_shape: 1}
  - !Temporal {rank_variable: n0, tile_shape: 1}
  - !Temporal {rank_variable: n1, tile_shape: 1}
  - !Compute {einsum: Matmul0, component: MAC}
`;

function tileError(tile: string) {
  const result = evaluateMapping({ einsums: [matmul(0, 64, 32, simpleArch({ gbSize: 1e5 }))], mapping: mappingOf(withMTile(tile)) });
  if (result.ok) throw new Error(`tile_shape ${tile} was accepted`);
  return result.errors[0]!;
}

describe('mapping loop tile_shape range', () => {
  it('refuses fractional and non-positive tiles at the tile_shape, with the range rule', () => {
    const half = tileError('0.5');
    expect(half.message).toBe('`tile_shape: 0.5` must be ≥ 1');
    expect(half.path).toEqual(['mapping', 'nodes', 2, 'tile_shape']);
    expect(tileError('2.5').message).toBe('`tile_shape: 2.5` must be a whole number');
    expect(tileError('0').message).toBe('`tile_shape: 0` must be ≥ 1');
  });

  it("refuses a tile larger than the rank variable's size, and accepts the size itself", () => {
    const big = tileError('1e300');
    expect(big.message).toBe('`tile_shape: 1e+300` is larger than rank variable m, whose size is 64');
    expect(big.hint).toMatch(/from 1 to 64/);
    expect(tileError('65').message).toBe('`tile_shape: 65` is larger than rank variable m, whose size is 64');
    const result = evaluateMapping({ einsums: [matmul(0, 64, 32, simpleArch({ gbSize: 1e5 }))], mapping: mappingOf(withMTile('64')) });
    expect(result.ok).toBe(true);
  });
});
