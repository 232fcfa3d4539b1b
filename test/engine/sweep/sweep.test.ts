import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../../src/cli/node-file-system.js';
import { expandSweep, makeKnob, runSweep, sweepToCsv, type SweepResult } from '../../../src/engine/sweep/index.js';

const EXAMPLES = new URL('../../../src/examples/', import.meta.url).pathname;
const SIMPLE = [EXAMPLES + 'arches/simple.yaml', EXAMPLES + 'workloads/basic/matmuls.yaml'];
const EYERISS = [EXAMPLES + 'arches/eyeriss.yaml', EXAMPLES + 'workloads/basic/matmuls.yaml'];
const GLB_SIZE = 'arch.nodes[name=GlobalBuffer].size';

describe('sweep grid', () => {
  it('crosses two knobs with the first outermost and routes variables and fields apart', () => {
    const points = expandSweep({
      specFiles: SIMPLE,
      variables: { M: 64 },
      knobs: [makeKnob('MainMemoryEnergy', [1, 2]), makeKnob(GLB_SIZE, [256, 512, 1024])],
      settings: {},
    });
    expect(points).toHaveLength(6);
    expect(points.map((p) => p.knobs.MainMemoryEnergy)).toEqual([1, 1, 1, 2, 2, 2]);
    expect(points[4]!.variables).toEqual({ M: 64, MainMemoryEnergy: 2 });
    expect(points[4]!.fields).toEqual([{ path: GLB_SIZE, value: 512 }]);
  });
});

describe('simple.yaml: GlobalBufferSize sweep on two 64×64 matmuls', () => {
  const streamed: number[] = [];
  const sweep = runSweep(
    new NodeFileSystem(),
    { specFiles: SIMPLE, variables: { N_EINSUMS: 2, M: 64, KN: 64 }, knobs: [makeKnob('GlobalBufferSize', [8192, 65536])], settings: { metric: 'energy' } },
    { onPoint: ({ point }, done, total) => streamed.push(point.index * 10 + done * 100 + total) },
  );

  it('finds the regression optimum 17235968 at both points (the GlobalBuffer is not used)', async () => {
    const result = await sweep;
    expect(result.cancelled).toBe(false);
    expect(result.points.map((p) => p.metrics?.energy)).toEqual([17235968, 17235968]);
    expect(result.points.every((p) => p.mappingYaml !== null && !p.mappingYaml.includes('GlobalBuffer'))).toBe(true);
    // MAC: 2 × 64³ computes at 1 each; everything else is MainMemory reads and writes.
    const first = result.points[0]!.metrics!;
    expect(first.computeOps).toBe(524288);
    expect(first.offChipMemory).toBe('MainMemory');
    expect(first.offChipAccesses).toBe(17235968 - 524288);
    expect(first.energyByComponent).toEqual({ MainMemory: 16711680, MAC: 524288, GlobalBuffer: 0 });
    expect(first.edp).toBe(17235968 * 524288);
  });

  it('streams every point to the callback in order', async () => {
    await sweep;
    expect(streamed).toEqual([0 + 100 + 2, 10 + 200 + 2]);
  });

  it('writes one CSV row per point with knob, metric and per-component columns', async () => {
    const csv = sweepToCsv(await sweep).trimEnd().split('\n');
    expect(csv).toHaveLength(3);
    const header = csv[0]!.split(',');
    expect(header.slice(0, 3)).toEqual(['GlobalBufferSize', 'energy', 'latency']);
    expect(header).toContain('energy_MainMemory');
    expect(header.at(-1)).toBe('error');
    const row = csv[1]!.split(',');
    expect(row).toHaveLength(header.length);
    expect(row[0]).toBe('8192');
    expect(row[header.indexOf('energy')]).toBe('17235968');
    expect(row[header.indexOf('energy_MainMemory')]).toBe('16711680');
  });

  it('stops when the signal aborts and keeps the finished points', async () => {
    const signal = { aborted: false };
    const result: SweepResult = await runSweep(
      new NodeFileSystem(),
      { specFiles: SIMPLE, variables: { N_EINSUMS: 1, M: 8, KN: 8 }, knobs: [makeKnob('GlobalBufferSize', [1024, 2048, 4096])], settings: {} },
      { signal, onPoint: () => { signal.aborted = true; } },
    );
    expect(result.cancelled).toBe(true);
    expect(result.points).toHaveLength(1);
  });
});

describe('eyeriss: GlobalBuffer size by field path on one 64×64×64 matmul', () => {
  it('maps every point: finite positive energy per compute, area growing with the size', async () => {
    const result = await runSweep(new NodeFileSystem(), {
      specFiles: EYERISS,
      variables: { N_EINSUMS: 1, M: 64, KN: 64 },
      knobs: [makeKnob(GLB_SIZE, [65536, 262144, 1048576])],
      settings: {},
    });
    expect(result.points.map((p) => p.errors)).toEqual([[], [], []]);
    const metrics = result.points.map((p) => p.metrics!);
    for (const m of metrics) {
      expect(Number.isFinite(m.energyPerCompute) && m.energyPerCompute > 0).toBe(true);
      expect(m.computeOps).toBe(64 ** 3);
    }
    expect(metrics[0]!.area).toBeLessThan(metrics[1]!.area);
    expect(metrics[1]!.area).toBeLessThan(metrics[2]!.area);
  }, 60_000);
});
