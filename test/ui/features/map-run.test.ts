/**
 * The mapper flows of the explorer against a scripted engine: progress folded from events, a
 * three-point front whose points open lazily, and the fused versus unfused comparison.
 */
import { describe, expect, it } from 'vitest';
import type { EvaluationData, MapDesignOptions, MapDesignResult } from '../../../src/engine/index.js';
import type { MapProgressEvent } from '../../../src/engine/api.js';
import { fusionGain } from '../../../src/ui/features/results/FusedComparisonView.js';
import { shownPointIndex } from '../../../src/ui/features/results/points.js';
import { applyMapEvent, EMPTY_PROGRESS, progressFraction, progressSummary, type MapProgress } from '../../../src/ui/features/run/map-progress.js';
import { runFusedComparison, runMapper } from '../../../src/ui/features/run/map-run.js';
import { loadPointEvaluation } from '../../../src/ui/features/run/point-run.js';
import { createExplorerStore } from '../../../src/ui/store/store.js';
import { createEngineClient } from '../../../src/worker/client.js';
import type { EngineApi, TransportFactory } from '../../../src/worker/protocol.js';

function evaluation(energy: number, latency: number, mappingYaml: string): EvaluationData {
  return {
    totals: { energy, latency, edp: energy * latency, computeOps: 1, energyPerCompute: energy, area: 0, leakPower: 0 },
    energy: [], actions: [], latency: [], memoryUsage: [], einsums: [], mappingYaml, loopTree: [],
  };
}

const EVENTS: MapProgressEvent[] = [
  { type: 'templates', einsum: 'A', count: 2 },
  { type: 'template-done', einsum: 'A', jobId: 0, evaluated: 100, kept: 3, pruned: { loopBounds: 0, fusedLoops: 0, minUsage: 0, capacity: 0, pareto: 97 } },
  { type: 'template-done', einsum: 'A', jobId: 1, evaluated: 50, kept: 2, pruned: { loopBounds: 0, fusedLoops: 0, minUsage: 0, capacity: 0, pareto: 48 } },
  { type: 'einsum-front', einsum: 'A', front: [{ energy: 1, latency: 9 }, { energy: 3, latency: 2 }] },
  { type: 'templates', einsum: 'B', count: 1 },
  { type: 'template-done', einsum: 'B', jobId: 2, evaluated: 1200, kept: 1, pruned: { loopBounds: 0, fusedLoops: 0, minUsage: 0, capacity: 0, pareto: 1199 } },
  { type: 'einsum-front', einsum: 'B', front: [{ energy: 5, latency: 5 }] },
  { type: 'join-step', step: 1, einsum: 'B', front: [{ energy: 6, latency: 14 }, { energy: 8, latency: 7 }] },
];

/** Fused: a three-point front, the middle one chosen; unfused: one point, twice the energy. */
function mapped(unfused: boolean): MapDesignResult {
  const front = unfused ? [{ energy: 20, latency: 10, mappingYaml: 'u0', mappingKey: 'k-u0' }] : [
    { energy: 6, latency: 14, mappingYaml: 'm0', mappingKey: 'k-m0' },
    { energy: 8, latency: 7, mappingYaml: 'm1', mappingKey: 'k-m1' },
    { energy: 12, latency: 6, mappingYaml: 'm2', mappingKey: 'k-m2' },
  ];
  const best = unfused ? 0 : 1;
  const chosen = front[best]!;
  return { errors: [], evaluation: evaluation(chosen.energy, chosen.latency, chosen.mappingYaml), pareto: [chosen], front, bestIndex: best, stats: { templates: 3, evaluated: 1350, seconds: 0.5 } };
}

function scriptedEngine() {
  const options: MapDesignOptions[] = [];
  const evaluated: string[] = [];
  const snapshots: (MapProgress | null)[] = [];
  const api: Partial<EngineApi> = {
    mapDesign: async (_design, opts, onEvent) => {
      options.push(opts);
      for (const event of EVENTS) onEvent?.(event);
      return mapped(opts.unfused === true);
    },
    evaluatePoint: async (_design, yaml) => {
      evaluated.push(yaml);
      const point = mapped(false).front.find((p) => p.mappingYaml === yaml)!;
      return { errors: [], evaluation: evaluation(point.energy, point.latency, yaml), noMapping: false };
    },
  };
  const factory: TransportFactory = () => ({ api: api as EngineApi, inProcess: true, terminate: () => {} });
  return { client: createEngineClient(factory), options, evaluated, snapshots };
}

const ENV = { bundled: {}, examples: [] };

describe('map progress', () => {
  it('counts templates, evaluated and kept per Einsum and the join steps', () => {
    const progress = EVENTS.reduce(applyMapEvent, EMPTY_PROGRESS);
    expect(progress.einsums).toEqual([
      { einsum: 'A', templates: 2, done: 2, evaluated: 150, kept: 5, pruned: 145, front: 2 },
      { einsum: 'B', templates: 1, done: 1, evaluated: 1200, kept: 1, pruned: 1199, front: 1 },
    ]);
    expect(progress.joinSteps).toBe(1);
    expect(progress.live).toEqual({ label: 'Einsums up to B joined', points: [{ energy: 6, latency: 14 }, { energy: 8, latency: 7 }], final: false });
    expect(progressSummary(progress)).toBe('3/3 templates · 1.4k evaluated · 6 kept · join 1/1');
    expect(progressFraction(EVENTS.slice(0, 2).reduce(applyMapEvent, EMPTY_PROGRESS))).toBe(0.5);
  });
});

describe('runMapper', () => {
  it('streams progress into the store, then keeps every front point with the chosen one shown', async () => {
    const engine = scriptedEngine();
    const store = createExplorerStore({ mapper: { metric: 'edp', maxFusedLoops: 2, timeLimitSeconds: 60 } });
    const seen: string[] = [];
    store.subscribe((s) => {
      if (s.progress?.live && s.runStatus === 'mapping') seen.push(`${s.runStatus} ${s.progress.live.label} ${s.progress.live.points.length}`);
    });
    await runMapper(store, { client: engine.client, ...ENV });
    expect(seen).toContain('mapping A alone 2');
    expect(seen.at(-1)).toBe('mapping Einsums up to B joined 2');
    const state = store.getState();
    expect(state.runStatus).toBe('idle');
    expect(state.progress?.einsums.map((e) => `${e.einsum} ${e.done}/${e.templates}`)).toEqual(['A 2/2', 'B 1/1']);
    expect(engine.options).toEqual([{ metric: 'edp', maxFusedLoops: 2, timeLimitSeconds: 60, resourceUsage: true }]);
    const results = state.results!;
    expect(results.points.map((p) => [p.energy, p.latency, p.evaluation === null])).toEqual([[6, 14, true], [8, 7, false], [12, 6, true]]);
    expect(shownPointIndex(results.points, state.selectedPoint, results.defaultIndex)).toBe(1);
  });

  it('evaluates a clicked point once, and drops the answer if the results changed meanwhile', async () => {
    const engine = scriptedEngine();
    const store = createExplorerStore();
    await runMapper(store, { client: engine.client, ...ENV });
    const results = store.getState().results!;
    await loadPointEvaluation(store, engine.client, results, 2);
    const opened = store.getState().results!;
    expect(opened.points[2]?.evaluation?.totals.energy).toBe(12);
    await loadPointEvaluation(store, engine.client, opened, 2);
    await loadPointEvaluation(store, engine.client, opened, 1);
    expect(engine.evaluated).toEqual(['m2']);
    await loadPointEvaluation(store, engine.client, results, 0);
    expect(engine.evaluated).toEqual(['m2', 'm0']);
    expect(store.getState().results!.points[0]?.evaluation).toBeNull();
  });
});

describe('runFusedComparison', () => {
  it('maps fused then unfused and keeps both fronts and best points', async () => {
    const engine = scriptedEngine();
    const store = createExplorerStore();
    await runFusedComparison(store, { client: engine.client, ...ENV });
    expect(engine.options.map((o) => o.unfused)).toEqual([false, true]);
    const results = store.getState().results!;
    expect(results.points).toHaveLength(3);
    const comparison = results.comparison!;
    expect(comparison.fused.best).toEqual({ energy: 8, latency: 7, edp: 56 });
    expect(comparison.unfused.best).toEqual({ energy: 20, latency: 10, edp: 200 });
    expect(comparison.unfused.front).toEqual([{ energy: 20, latency: 10 }]);
    expect(fusionGain(comparison, 'energy')).toBe(2.5);
    expect(fusionGain(comparison, 'edp')).toBeCloseTo(200 / 56, 12);
  });
});
