import { describe, expect, it } from 'vitest';
import { mappingOf, matmul, run, simpleArch } from './builders.js';
import { expectMatchesRegression, regressionEntry } from './regression.js';

/** docs/model.md §10.2: every tensor in MainMemory, MAC fed directly. */
function mainMemoryOnly(einsums: number): string {
  const branches = Array.from({ length: einsums }, (_, i) => `
    - !Nested
      nodes:
      - !Storage {tensors: [T${i}, W${i}, T${i + 1}], component: MainMemory}
      - !Temporal {rank_variable: m, tile_shape: 1}
      - !Temporal {rank_variable: n${i}, tile_shape: 1}
      - !Temporal {rank_variable: n${i + 1}, tile_shape: 1}
      - !Compute {einsum: Matmul${i}, component: MAC}`).join('');
  return `
mapping:
  nodes:
  - !Sequential
    nodes:${branches}
`;
}

describe('docs/model.md §10.2 simple|matmuls|KN=64,M=64,N_EINSUMS=2', () => {
  const arch = simpleArch();
  const einsums = [matmul(0, 64, 64, arch), matmul(1, 64, 64, arch)];
  const result = run(einsums, mappingOf(mainMemoryOnly(2)));

  it('gives energy 17235968 and latency 524288', () => {
    expect(result.energy()).toBe(17235968);
    expect(result.latency()).toBe(524288);
    expect(result.latencyByEinsum().get('Matmul1')).toBe(262144);
    expect(result.latencyByComponent()).toEqual(new Map([['MainMemory', 0], ['MAC', 524288]]));
    expect(result.energyBy(['component', 'action']).get('MainMemory|write')).toBe(2 * 2097152);
  });

  it('matches every regression figure of the fused and unfused entries', () => {
    expectMatchesRegression(result, regressionEntry('simple|matmuls|KN=64,M=64,N_EINSUMS=2|fused'));
    expectMatchesRegression(result, regressionEntry('simple|matmuls|KN=64,M=64,N_EINSUMS=2|unfused'));
  });

  it('scales to three 128³ matmuls', () => {
    const three = [0, 1, 2].map((i) => matmul(i, 128, 128, arch));
    const r = run(three, mappingOf(mainMemoryOnly(3)));
    expect(r.energy()).toBe(207224832);
    expect(r.latency()).toBe(6291456);
  });
});
