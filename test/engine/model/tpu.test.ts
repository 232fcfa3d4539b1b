import { describe, expect, it } from 'vitest';
import type { ArchLeaf } from '../../../src/engine/model/types.js';
import { compute, dim, leaf, mappingOf, matmul, memory, run } from './builders.js';
import { expectMatchesRegression, regressionEntry } from './regression.js';
import { sequentialMapping, tpuBranch } from './reference-mappings.js';

const MAX_PORTS = 'max(a.n_calls / a.throughput for a in actions)';

/** examples/arches/tpu_v4i.yaml flattened for the MAC, evaluated for a matmul (T_i, W_i → T_i+1). */
function tpuArch(i: number): ArchLeaf[] {
  const inputs = [`T${i}`, `W${i}`];
  return [
    memory('MainMemory', 7.03e-12, 7.03e-12, 8 * 614e9),
    leaf('GlobalBuffer', 'memory', {
      size: 1024 * 1024 * 128 * 8,
      totalLatency: MAX_PORTS,
      actions: [
        { name: 'read', energy: 1.88e-12, throughput: 8 * 2048e9, bitsPerAction: null, valuesPerAction: {} },
        { name: 'write', energy: 2.36e-12, throughput: 8 * 1024e9, bitsPerAction: null, valuesPerAction: {} },
      ],
    }),
    memory('LocalBuffer', 0.249e-12, 0.293e-12, Infinity, {
      size: 1024 * 1024 * 4 * 8,
      spatial: [dim('Z', 4, [])],
    }),
    leaf('ProcessingElement', 'container', {
      spatial: [dim('reuse_input', 128, inputs), dim('reuse_output', 128, [`T${i + 1}`])],
    }),
    memory('Register', 0, 0, Infinity, { size: 8 }),
    compute('MAC', 0.084e-12, 1.05e9),
  ];
}

const OFF_PATH = [{ name: 'ScalarUnit', totalLeakPower: 0, totalArea: 8.7e-6, powerGateable: false }];

function tpuRun(fused: boolean) {
  const einsums = [0, 1].map((i) => matmul(i, 64, 64, tpuArch(i), { offPath: OFF_PATH }));
  return run(einsums, mappingOf(sequentialMapping([tpuBranch(0, fused), tpuBranch(1, fused)])));
}

describe('docs/model.md §10.3 tpu_v4i|matmuls|KN=64,M=64,N_EINSUMS=2', () => {
  it('unfused: matches every regression figure', () => {
    const result = tpuRun(false);
    expect(Math.abs(result.energy() / 2.144731136e-6 - 1)).toBeLessThan(1e-12);
    expect(Math.abs(result.latency() / 4.00260586e-8 - 1)).toBeLessThan(1e-8);
    expectMatchesRegression(result, regressionEntry('tpu_v4i|matmuls|KN=64,M=64,N_EINSUMS=2|unfused'));
  });

  it('fused (T1 backed by GlobalBuffer): matches every regression figure', () => {
    const result = tpuRun(true);
    expect(Math.abs(result.energy() / 1.822949376e-6 - 1)).toBeLessThan(1e-12);
    expect(Math.abs(result.latency() / 3.047619047619e-8 - 1)).toBeLessThan(1e-9);
    expectMatchesRegression(result, regressionEntry('tpu_v4i|matmuls|KN=64,M=64,N_EINSUMS=2|fused'));
  });
});
