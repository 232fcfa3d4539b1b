import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { specError } from '../../../src/engine/base/errors.js';
import type { MapDesignResult } from '../../../src/engine/index.js';
import { defaultSkiMemory, RUN_OFF_FACTOR, skiMemories, skiPoints, skiXMax, staircase, type SkiSlopeRun } from '../../../src/ui/features/analysis/ski-slope-data.js';
import { openSkiPoint, runSkiSlope, skiCurveOf } from '../../../src/ui/features/analysis/ski-slope-run.js';
import { snowcatDesign } from '../../../src/ui/features/analysis/snowcat-preset.js';
import { createExplorerStore } from '../../../src/ui/store/store.js';
import type { EngineClient } from '../../../src/worker/client.js';

interface OraclePoint {
  readonly usage_bits: number;
  readonly accesses: number;
}
const ORACLE = JSON.parse(readFileSync(new URL('../../fixtures/oracle/skislope_snowcat.json', import.meta.url), 'utf8')) as {
  cases: Record<string, { points: OraclePoint[] }>;
};
const SNOWCAT_FUSED = ORACLE.cases['snowcat|matmuls|KN=4096,M=4096,N_EINSUMS=1|fused']!.points;

/** The engine lists a front lowest energy first, i.e. biggest buffer first. */
const FRONT = [...SNOWCAT_FUSED].reverse().map((p) => ({ energy: p.accesses, latency: 0, usage: { GlobalBuffer: p.usage_bits } }));

describe('ski-slope points', () => {
  it('keeps the 36 corners of the snowcat 4096³ front, smallest buffer first', () => {
    const points = skiPoints(FRONT, 'GlobalBuffer');
    expect(points).toHaveLength(36);
    expect(points[0]).toEqual({ usage: 24, accesses: 1099645845504, index: 35 });
    expect(points[35]).toEqual({ usage: 134250504, accesses: 402653184, index: 0 });
  });

  it('drops points a smaller buffer already beats, and points without usage of the memory', () => {
    const front: { energy: number; latency: number; usage: Record<string, number> }[] = [
      { energy: 10, latency: 1, usage: { GlobalBuffer: 100 } },
      { energy: 50, latency: 1, usage: { GlobalBuffer: 200 } }, // bigger buffer, more accesses: dominated
      { energy: 80, latency: 1, usage: { GlobalBuffer: 10 } },
      { energy: 5, latency: 1, usage: { Other: 1 } },
    ];
    expect(skiPoints(front, 'GlobalBuffer')).toEqual([
      { usage: 10, accesses: 80, index: 2 },
      { usage: 100, accesses: 10, index: 0 },
    ]);
  });

  it('draws steps through the corners and a flat run-off to the right of the last', () => {
    const points = [
      { usage: 10, accesses: 80, index: 1 },
      { usage: 100, accesses: 10, index: 0 },
    ];
    const xMax = skiXMax([points]);
    expect(xMax).toBe(100 * RUN_OFF_FACTOR);
    expect(staircase(points, xMax)).toEqual([
      { x: 10, y: 80 },
      { x: 100, y: 10 },
      { x: 800, y: 10 },
    ]);
    expect(staircase([], 1)).toEqual([]);
  });

  it('lists memories outermost first and defaults to GlobalBuffer, else the outermost', () => {
    const curves: SkiSlopeRun['curves'] = {
      fused: { front: [{ energy: 1, latency: 0, usage: { L2: 5, GlobalBuffer: 3 } }], results: null, seconds: null, error: null },
      unfused: { front: [{ energy: 1, latency: 0, usage: { L2: 5, RegFile: 1 } }], results: null, seconds: null, error: null },
    };
    expect(skiMemories(curves)).toEqual(['L2', 'GlobalBuffer', 'RegFile']);
    expect(defaultSkiMemory(['L2', 'GlobalBuffer'], null)).toBe('GlobalBuffer');
    expect(defaultSkiMemory(['L2', 'RegFile'], null)).toBe('L2');
    expect(defaultSkiMemory(['L2', 'RegFile'], 'RegFile')).toBe('RegFile');
    expect(defaultSkiMemory(['L2', 'RegFile'], 'Gone')).toBe('L2');
    expect(defaultSkiMemory([], null)).toBeNull();
  });
});

describe('ski-slope runs', () => {
  const design = { files: { 'a.yaml': 'x' }, specFiles: ['a.yaml'], variables: {} };
  const mapped: MapDesignResult = {
    errors: [],
    evaluation: null,
    pareto: [],
    front: [
      { energy: 10, latency: 2, mappingYaml: 'm0', mappingKey: 'k0', usage: { GlobalBuffer: 100 } },
      { energy: 80, latency: 1, mappingYaml: 'm1', mappingKey: 'k1', usage: { GlobalBuffer: 10 } },
    ],
    bestIndex: 0,
    stats: { templates: 1, evaluated: 2, seconds: 0.5 },
  };

  it('turns a mapper run into a curve whose points open like Pareto points', () => {
    const curve = skiCurveOf(mapped, design);
    expect(curve.front.map((p) => p.usage?.GlobalBuffer)).toEqual([100, 10]);
    expect(curve.results?.points.map((p) => p.mappingYaml)).toEqual(['m0', 'm1']);
    expect(curve.seconds).toBe(0.5);
    const store = createExplorerStore();
    openSkiPoint(store, curve, 1);
    expect(store.getState().results).toBe(curve.results);
    expect(store.getState().selectedPoint).toBe(1);
  });

  it('reports a failed run with the first error', () => {
    const curve = skiCurveOf({ ...mapped, front: [], bestIndex: -1, errors: [specError('mapping', 'no valid mapping')] }, design);
    expect(curve.results).toBeNull();
    expect(curve.error).toBe('no valid mapping');
  });

  it('the snowcat preset is snowcat plus one 4096³ matmul', () => {
    const preset = snowcatDesign({ 'arches/snowcat.yaml': 'A', 'workloads/basic/matmuls.yaml': 'W' });
    expect(preset.specFiles).toEqual(['arches/snowcat.yaml', 'workloads/basic/matmuls.yaml']);
    expect(preset.files).toEqual({ 'arches/snowcat.yaml': 'A', 'workloads/basic/matmuls.yaml': 'W' });
    expect(preset.variables).toEqual({ N_EINSUMS: 1, M: 4096, KN: 4096 });
  });
});

describe('runSkiSlope', () => {
  it('maps fused then unfused with memory usage as an objective and keeps both curves', async () => {
    const calls: unknown[] = [];
    const front = [{ energy: 10, latency: 1, mappingYaml: 'm', mappingKey: 'k', usage: { GlobalBuffer: 8 } }];
    const client = {
      mapDesign: async (_design: unknown, options: unknown) => {
        calls.push(options);
        return { status: 'ok', generation: 1, value: { errors: [], evaluation: null, pareto: [], front, bestIndex: 0, stats: null } };
      },
    };
    const store = createExplorerStore({ files: { 'a.yaml': 'x' }, specFiles: ['a.yaml'], variables: {} });
    await runSkiSlope(store, { client: client as unknown as EngineClient, bundled: {}, examples: [] });
    expect(calls).toEqual([
      { metric: 'energy', resourceUsage: true },
      { metric: 'energy', resourceUsage: true, unfused: true },
    ]);
    const run = store.getState().skiSlope;
    expect(run?.status).toBe('done');
    expect(run?.curves.fused?.front).toHaveLength(1);
    expect(run?.curves.unfused?.front).toHaveLength(1);
    expect(store.getState().runStatus).toBe('idle');
  });
});
