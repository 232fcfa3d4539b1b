import { describe, expect, it } from 'vitest';
import type { EvaluationData } from '../../../src/engine/index.js';
import { specError } from '../../../src/engine/base/errors.js';
import { energyBars, forLogAxis, latencyBars, logDomain, memoryBars, resultsCsv, tensorOrder } from '../../../src/ui/features/results/chart-data.js';
import { formatPercent, formatSI } from '../../../src/ui/features/results/format.js';
import { NO_MAPPING_MESSAGE, pointFromEvaluation, shownPointIndex } from '../../../src/ui/features/results/points.js';
import { EVALUATE_FAILED_MESSAGE, runEvaluate } from '../../../src/ui/features/run/evaluate-run.js';
import { applySharePayload, createSharePayload, decodeShareFragment, encodeShareFragment } from '../../../src/ui/share/codec.js';
import { createExplorerStore } from '../../../src/ui/store/store.js';
import { createEngineClient } from '../../../src/worker/client.js';
import type { EvaluateDesignFn } from '../../../src/worker/engine-api.js';
import { createInProcessTransportFactory } from '../../../src/worker/in-process-transport.js';

const leaf = { tensors: [], component: null, rankVariable: null, tileShape: null, detail: null, persistent: false, children: [] };

/** Two Einsums, 100 MACs each: energies chosen so sums are easy to check by hand. */
const DATA: EvaluationData = {
  totals: { energy: 1000, latency: 300, edp: 300000, computeOps: 200, energyPerCompute: 5, area: 0, leakPower: 0 },
  energy: [
    { einsum: 'E0', component: 'DRAM', tensor: 'A', action: 'read', energy: 400 },
    { einsum: 'E0', component: 'Buf', tensor: 'A', action: 'write', energy: 100 },
    { einsum: 'E0', component: 'Buf', tensor: 'B', action: 'read', energy: 200 },
    { einsum: 'E1', component: 'MAC', tensor: null, action: 'compute', energy: 300 },
    { einsum: 'E1', component: 'Buf', tensor: null, action: 'leak', energy: 0 },
  ],
  actions: [
    { einsum: 'E0', component: 'DRAM', tensor: 'A', action: 'read', count: 40 },
    { einsum: 'E1', component: 'MAC', tensor: null, action: 'compute', count: 100 },
  ],
  latency: [
    { einsum: 'E0', component: 'MAC', latency: 100 },
    { einsum: 'E1', component: 'MAC', latency: 200 },
    { einsum: 'E0', component: 'DRAM', latency: 50 },
  ],
  memoryUsage: [
    { component: 'Buf', fraction: 0.25 },
    { einsum: 'E0', component: 'Buf', tensor: 'B', fraction: 0.25 },
  ],
  einsums: [],
  mappingYaml: 'mapping:\n  nodes: []\n',
  loopTree: [{ ...leaf, kind: 'storage', tensors: ['B', 'A'], component: 'DRAM', children: [{ ...leaf, kind: 'compute', detail: 'E0', component: 'MAC' }] }],
};

describe('formatSI', () => {
  it('picks the SI prefix and keeps four significant digits', () => {
    expect(formatSI(17629184, 'J')).toBe('17.63 MJ');
    expect(formatSI(524288, 's')).toBe('524.3 ks');
    expect(formatSI(0.5e-12, 'J/MAC')).toBe('500 fJ/MAC');
    expect(formatSI(999.99, 'J')).toBe('1 kJ');
    expect(formatSI(0, 's')).toBe('0 s');
    expect(formatPercent(0.256)).toBe('25.6 %');
  });
});

describe('chart data', () => {
  it('groups energy by component and stacks it by tensor, skipping zero entries', () => {
    const bars = energyBars(DATA, 'component', 'tensor', false);
    expect(bars.total).toBe(1000);
    expect(bars.keys).toEqual(['A', 'B', '(no tensor)']);
    expect(bars.rows).toEqual([
      { name: 'DRAM', A: 400 },
      { name: 'Buf', A: 100, B: 200 },
      { name: 'MAC', '(no tensor)': 300 },
    ]);
  });

  it('normalises per compute operation and stacks by action', () => {
    const bars = energyBars(DATA, 'einsum', 'action', true);
    expect(bars.total).toBe(5);
    expect(bars.rows).toEqual([
      { name: 'E0', read: 3, write: 0.5 },
      { name: 'E1', compute: 1.5 },
    ]);
  });

  it('stacks latency per component by Einsum and keeps the total latency', () => {
    const bars = latencyBars(DATA);
    expect(bars.rows).toEqual([{ name: 'MAC', E0: 100, E1: 200 }, { name: 'DRAM', E0: 50 }]);
    expect(bars.total).toBe(300);
  });

  it('drops non-positive segments for a log axis and pads its domain', () => {
    const logged = forLogAxis(latencyBars({ ...DATA, latency: [...DATA.latency, { einsum: 'E1', component: 'DRAM', latency: 0 }] }));
    expect(logged.rows).toEqual([{ name: 'MAC', E0: 100, E1: 200 }, { name: 'DRAM', E0: 50 }]);
    expect(logged.domain).toEqual([25, 400]);
  });

  it('shows peak memory usage per level in percent', () => {
    expect(memoryBars(DATA)).toEqual([{ name: 'Buf', percent: 25 }]);
  });

  it('orders tensors as the mapping first holds them, for one colour per tensor', () => {
    expect(tensorOrder(DATA)).toEqual(['B', 'A']);
  });

  it('pads a log domain around a single point', () => {
    expect(logDomain([100])).toEqual([50, 200]);
    expect(logDomain([0])).toEqual([1, 10]);
  });

  it('writes a CSV joining counts and energies', () => {
    expect(resultsCsv(DATA).split('\n').slice(0, 3)).toEqual([
      'einsum,component,tensor,action,count,energy_J',
      'E0,DRAM,A,read,40,400',
      'E0,Buf,A,write,0,100',
    ]);
  });
});

describe('result points', () => {
  it('shows the selected point, else the lowest-energy one', () => {
    const a = pointFromEvaluation(DATA);
    const b = { ...a, energy: 10 };
    expect(shownPointIndex([a, b], null)).toBe(1);
    expect(shownPointIndex([a, b], 0)).toBe(0);
    expect(shownPointIndex([a, b], 5)).toBe(1);
    expect(shownPointIndex([], null)).toBeNull();
  });
});

describe('runEvaluate', () => {
  const env = (evaluateDesign: EvaluateDesignFn) => ({
    client: createEngineClient(createInProcessTransportFactory({ evaluateDesign })),
    bundled: {},
    examples: [],
  });

  it('stores one point and keeps a restored selection', async () => {
    const store = createExplorerStore({ selectedPoint: 0 });
    await runEvaluate(store, env(() => ({ errors: [], evaluation: DATA, noMapping: false })));
    const s = store.getState();
    expect(s.results?.points.map((p) => p.energy)).toEqual([1000]);
    expect(s.selectedPoint).toBe(0);
    expect(s.runStatus).toBe('idle');
  });

  it('marks results out of date after an edit, and fresh after the next run', async () => {
    const store = createExplorerStore();
    store.getState().markDesignEdited();
    expect(store.getState().resultsStale).toBe(false);
    await runEvaluate(store, env(() => ({ errors: [], evaluation: DATA, noMapping: false })));
    store.getState().markDesignEdited();
    expect(store.getState().resultsStale).toBe(true);
    await runEvaluate(store, env(() => ({ errors: [], evaluation: DATA, noMapping: false })));
    expect(store.getState().resultsStale).toBe(false);
  });

  it('explains a missing mapping and lists other errors', async () => {
    const store = createExplorerStore({ selectedPoint: 0 });
    await runEvaluate(store, env(() => ({ errors: [specError('mapping', 'no mapping')], evaluation: null, noMapping: true })));
    expect(store.getState().resultsMessage).toBe(NO_MAPPING_MESSAGE);
    expect(store.getState().runErrors).toEqual([]);
    expect(store.getState().selectedPoint).toBeNull();
    await runEvaluate(store, env(() => ({ errors: [specError('mapping', 'bad loop')], evaluation: null, noMapping: false })));
    expect(store.getState().resultsMessage).toBe(EVALUATE_FAILED_MESSAGE);
    expect(store.getState().runErrors.map((e) => e.message)).toEqual(['bad loop']);
    expect(store.getState().runStatus).toBe('failed');
  });
});

describe('share link view state', () => {
  it('round-trips the selected point and non-default display choices', () => {
    const state = {
      files: {}, specFiles: ['a.yaml'], variables: {}, mapper: { metric: 'energy', maxFusedLoops: 2, timeLimitSeconds: 60 },
      breakdownBy: 'component', selectedEinsum: null, activeFile: 'a.yaml', selectedPoint: 0,
      stackBy: 'action', perCompute: true, logScale: false, paretoX: 'latency', paretoY: 'edp',
    } as const;
    const payload = createSharePayload(state, { 'a.yaml': 'x' });
    expect(payload.view).toEqual({ point: { index: 0 }, stackBy: 'action', perCompute: true, paretoY: 'edp' });
    const decoded = decodeShareFragment(encodeShareFragment(payload));
    if (!decoded.ok) throw new Error(decoded.message);
    expect(applySharePayload(decoded.payload, { 'a.yaml': 'x' })).toMatchObject({
      selectedPoint: 0, stackBy: 'action', perCompute: true, logScale: false, paretoX: 'latency', paretoY: 'edp',
    });
  });
});
