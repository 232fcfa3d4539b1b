import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../../src/cli/node-file-system.js';
import { makeKnob, runSweep, skiSlope, type SweepPointResult, type SweepResult } from '../../../src/engine/sweep/index.js';
import type { PointMetrics } from '../../../src/engine/sweep/index.js';

function point(index: number, size: number, offChipAccesses: number | null): SweepPointResult {
  const metrics = offChipAccesses === null ? null : ({ offChipAccesses } as PointMetrics);
  return { index, knobs: { GLB: size }, ok: metrics !== null, errors: [], metrics, mappingYaml: null, seconds: 0 };
}

describe('ski slope', () => {
  it('sorts by size, skips failures and keeps the running minimum as the staircase', () => {
    const sweep: SweepResult = {
      knobs: [makeKnob('GLB', [1])],
      cancelled: false,
      points: [point(0, 4096, 300), point(1, 256, 1000), point(2, 1024, 500), point(3, 2048, 600), point(4, 512, null)],
    };
    expect(skiSlope(sweep, 'GLB')).toEqual([
      { size: 256, offChipAccesses: 1000, lowestSoFar: 1000 },
      { size: 1024, offChipAccesses: 500, lowestSoFar: 500 },
      { size: 2048, offChipAccesses: 600, lowestSoFar: 500 },
      { size: 4096, offChipAccesses: 300, lowestSoFar: 300 },
    ]);
  });
});

describe('ski slope of simple.yaml (two 64×64 matmuls, off-chip accesses cost 2)', () => {
  const EXAMPLES = new URL('../../../src/examples/', import.meta.url).pathname;
  const sweepFor = (unfused: boolean) =>
    runSweep(new NodeFileSystem(), {
      specFiles: [EXAMPLES + 'arches/simple.yaml', EXAMPLES + 'workloads/basic/matmuls.yaml'],
      variables: { N_EINSUMS: 2, M: 64, KN: 64, MainMemoryEnergy: 2 },
      knobs: [makeKnob('GlobalBufferSize', [8192, 524288])],
      settings: { metric: 'energy', unfused },
    });

  it('falls to the compulsory traffic once the buffer is large: fused T0, W0, W1 in and T2 out', async () => {
    const fused = skiSlope(await sweepFor(false), 'GlobalBufferSize');
    expect(fused.map((p) => p.size)).toEqual([8192, 524288]);
    expect(fused[0]!.offChipAccesses).toBeGreaterThan(fused[1]!.offChipAccesses);
    // Four 64×64 tensors of 8 bits, one bit per MainMemory action.
    expect(fused[1]!.lowestSoFar).toBe(4 * 64 * 64 * 8);
  }, 60_000);

  it('unfused, the intermediate T1 also goes off chip and back', async () => {
    const unfused = skiSlope(await sweepFor(true), 'GlobalBufferSize');
    expect(unfused[1]!.lowestSoFar).toBe(6 * 64 * 64 * 8);
  }, 60_000);
});
