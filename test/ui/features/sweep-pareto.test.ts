/** Sweep design points marked Pareto-optimal over energy, latency and area (docs/sweeps.md). */
import { describe, expect, it } from 'vitest';
import { paretoDesigns } from '../../../src/ui/features/sweep/sweep-data.js';
import type { SweepPointView } from '../../../src/ui/store/sweep-slice.js';

function design(index: number, energy: number, latency: number, area: number): SweepPointView {
  return {
    point: {
      index, knobs: { size: index }, ok: true, errors: [], mappingYaml: 'mapping: []\n', seconds: 0.1,
      metrics: { energy, latency, edp: energy * latency, computeOps: 1, energyPerCompute: energy, area, leakPower: 0, energyByComponent: {}, offChipMemory: 'M', offChipAccesses: 0 },
    },
    variables: {}, fields: {}, evaluation: null,
  };
}

function failed(index: number): SweepPointView {
  return { point: { index, knobs: {}, ok: false, errors: [], metrics: null, mappingYaml: null, seconds: 0 }, variables: {}, fields: {}, evaluation: null };
}

describe('paretoDesigns', () => {
  it('keeps the designs no other design beats on all of energy, latency and area', () => {
    const points = [
      design(0, 10, 5, 3), // best energy
      design(1, 12, 4, 3), // best latency
      design(2, 12, 5, 3), // beaten by 0 (less energy, same rest) and by 1
      design(3, 20, 9, 1), // worst energy and latency but the smallest area
      design(4, 10, 5, 3), // ties 0: neither beats the other
      failed(5),
    ];
    expect([...paretoDesigns(points)].sort()).toEqual([0, 1, 3, 4]);
  });

  it('marks nothing before any point finished', () => {
    expect(paretoDesigns([failed(0)]).size).toBe(0);
  });
});
