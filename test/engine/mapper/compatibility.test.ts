import { describe, expect, it } from 'vitest';
import { compatibilityKey, parseCompatibility, restrictCompatibility } from '../../../src/engine/mapper/compatibility.js';
import type { TemplateJob, TemplateNode } from '../../../src/engine/mapper/index.js';

/** Matmul1 of a chain: T1[m, n1] × W1[n1, n2] → T2[m, n2]; T1 and T2 are fusable. */
function job(nodes: TemplateNode[]): TemplateJob {
  const tensor = (name: string, ranks: [string, string][]) => ({
    name,
    projection: ranks.map(([rank, v]) => ({ rank, terms: [{ var: v, coeff: 1 }], constant: 0 })),
    bitsPerValue: 8,
    output: name === 'T2',
    persistent: false,
    backingStorageSizeScale: 1,
  });
  const modelEinsum = {
    name: 'Matmul1',
    rankBounds: { m: 64, n1: 64, n2: 64 },
    tensors: [tensor('T1', [['M', 'm'], ['N1', 'n1']]), tensor('W1', [['N1', 'n1'], ['N2', 'n2']]), tensor('T2', [['M', 'm'], ['N2', 'n2']])],
    isCopyOperation: false,
    nInstances: 1,
    arch: [],
    offPath: [],
  };
  return {
    id: 0, einsumIndex: 1, einsum: 'Matmul1', compute: 'MAC', nodes, fusableTensors: ['T1', 'T2'], modelEinsum,
    tensorUse: [], checks: [], minUsage: [], metric: 'edp', maxFusedLoops: 1, maxFusedLoopsPerRankVariable: 1,
  };
}

const storage = (component: string, tensor: string, backing = true): TemplateNode => ({ kind: 'storage', component, tensor, backing, persistent: false });
const temporal = (rankVariable: string, fused: boolean): TemplateNode => ({ kind: 'temporal', rankVariable, fused });

describe('compatibility keys', () => {
  const fused = job([storage('MainMemory', 'W1'), storage('MainMemory', 'T2'), temporal('m', true), storage('GlobalBuffer', 'T1'), temporal('m', false)]);

  it('name each fusable tensor\'s backing memory and the non-trivial loops above it by tensor rank', () => {
    expect(compatibilityKey(fused, Int32Array.of(4, 16))).toBe('T1@GlobalBuffer:M=4;T2@MainMemory:');
  });

  it('drop trivial loops, so a bound-1 fused loop is the same as no loop', () => {
    expect(compatibilityKey(fused, Int32Array.of(1, 64))).toBe('T1@GlobalBuffer:;T2@MainMemory:');
  });

  it('split into tensors and restrict to the live ones', () => {
    const parts = parseCompatibility('T1@GlobalBuffer:M=4;T2@MainMemory:');
    expect(parts.get('T1')).toBe('T1@GlobalBuffer:M=4');
    expect(restrictCompatibility(parts, new Set(['T2']))).toBe('T2@MainMemory:');
  });
});
