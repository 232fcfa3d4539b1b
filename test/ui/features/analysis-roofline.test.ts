import { describe, expect, it } from 'vitest';
import type { EvaluationData } from '../../../src/engine/index.js';
import { attainable, intensityRange, roofLine, rooflineOf, tensorMemories } from '../../../src/ui/features/analysis/roofline-data.js';

/**
 * E0: 1000 computes in 10; MainMemory moves 200 (latency 4 → 50 per unit); MAC busy 10 → 100 per unit.
 * E1: 500 computes in 8; MainMemory moves 400 (latency 8 → 50 per unit); MAC busy 5 → 100 per unit.
 */
const DATA: EvaluationData = {
  totals: { energy: 0, latency: 18, edp: 0, computeOps: 1500, energyPerCompute: 0, area: 0, leakPower: 0 },
  energy: [],
  actions: [
    { einsum: 'E0', component: 'MainMemory', tensor: 'A', action: 'read', count: 150 },
    { einsum: 'E0', component: 'MainMemory', tensor: 'Z', action: 'write', count: 50 },
    { einsum: 'E0', component: 'Buffer', tensor: 'A', action: 'read', count: 1000 },
    { einsum: 'E0', component: 'MAC', tensor: null, action: 'compute', count: 1000 },
    { einsum: 'E1', component: 'MainMemory', tensor: 'Z', action: 'read', count: 400 },
    { einsum: 'E1', component: 'Buffer', tensor: 'Z', action: 'read', count: 250 },
    { einsum: 'E1', component: 'MAC', tensor: null, action: 'compute', count: 500 },
  ],
  latency: [
    { einsum: 'E0', component: 'MainMemory', latency: 4 },
    { einsum: 'E0', component: 'Buffer', latency: 1 },
    { einsum: 'E0', component: 'MAC', latency: 10 },
    { einsum: 'E1', component: 'MainMemory', latency: 8 },
    { einsum: 'E1', component: 'Buffer', latency: 0 },
    { einsum: 'E1', component: 'MAC', latency: 5 },
  ],
  memoryUsage: [],
  einsums: [
    { einsum: 'E0', energy: 0, latency: 10, computeOps: 1000, energyPerCompute: 0 },
    { einsum: 'E1', energy: 0, latency: 8, computeOps: 500, energyPerCompute: 0 },
  ],
  mappingYaml: '',
  loopTree: [],
};

describe('roofline', () => {
  it('places each Einsum at computes per off-chip access and computes per latency', () => {
    const r = rooflineOf(DATA, null);
    expect(r.memories).toEqual(['MainMemory', 'Buffer']);
    expect(r.offChip).toBe('MainMemory');
    expect(r.points).toEqual([
      { einsum: 'E0', computes: 1000, accesses: 200, latency: 10, intensity: 5, performance: 100 },
      { einsum: 'E1', computes: 500, accesses: 400, latency: 8, intensity: 1.25, performance: 62.5 },
    ]);
  });

  it('takes the roofs from the compute units and the off-chip memory rates', () => {
    const r = rooflineOf(DATA, null);
    expect(r.peakCompute).toBe(100);
    expect(r.bandwidth).toBe(50);
    expect(attainable(r, 1)).toBe(50);
    expect(attainable(r, 5)).toBe(100);
    // Ridge at 100 / 50 = 2 computes per access.
    expect(roofLine(r, 0.1, 100)).toEqual([
      { x: 0.1, y: 5 },
      { x: 2, y: 100 },
      { x: 100, y: 100 },
    ]);
    expect(intensityRange(r)).toEqual([0.125, 50]);
  });

  it('uses the picked memory, and has no bandwidth roof where that memory never takes time', () => {
    const r = rooflineOf(DATA, 'Buffer');
    expect(r.offChip).toBe('Buffer');
    expect(r.points.map((p) => p.intensity)).toEqual([1, 2]);
    // E0: 1000 / 1; E1 takes no Buffer time.
    expect(r.bandwidth).toBe(1000);
    expect(rooflineOf(DATA, 'Nope').offChip).toBe('MainMemory');
    const flat = { peakCompute: 100, bandwidth: null };
    expect(attainable(flat, 0.001)).toBe(100);
    expect(roofLine(flat, 1, 10)).toEqual([
      { x: 1, y: 100 },
      { x: 10, y: 100 },
    ]);
  });

  it('an Einsum with no off-chip traffic has no finite intensity', () => {
    const onlyCompute = { ...DATA, actions: DATA.actions.filter((a) => !(a.einsum === 'E1' && a.component === 'MainMemory')) };
    expect(rooflineOf(onlyCompute, null).points[1]?.intensity).toBeNull();
    expect(tensorMemories(onlyCompute)).toEqual(['MainMemory', 'Buffer']);
  });
});
