import { describe, expect, it } from 'vitest';
import type { EvaluationData } from '../../../src/engine/index.js';
import { loadLocal, saveLocal } from '../../../src/ui/store/local-save.js';
import { createExplorerStore } from '../../../src/ui/store/store.js';
import { DEFAULT_SWEEP, pointVariables, type SweepPointView } from '../../../src/ui/store/sweep-slice.js';
import type { ResolvedKnob } from '../../../src/worker/sweep-protocol.js';

const KNOBS: ResolvedKnob[] = [
  { key: 'KN', kind: 'variable', values: [16, 32] },
  { key: 'arch.nodes[name=GlobalBuffer].size', kind: 'field', values: [256] },
];

const EVALUATION: EvaluationData = {
  totals: { energy: 5000, latency: 2, edp: 10000, computeOps: 1000, energyPerCompute: 5, area: 1e-6, leakPower: 0 },
  energy: [], actions: [], latency: [], memoryUsage: [], einsums: [], mappingYaml: 'mapping: []\n', loopTree: [],
};

function sweepPoint(index: number, kn: number, evaluation: EvaluationData | null): SweepPointView {
  return {
    point: { index, knobs: { KN: kn, 'arch.nodes[name=GlobalBuffer].size': 256 }, ok: evaluation !== null, errors: [], metrics: null, mappingYaml: null, seconds: 1 },
    variables: { N_EINSUMS: 1, KN: kn },
    fields: { 'arch.nodes[name=GlobalBuffer].size': 256 },
    evaluation,
  };
}

describe('sweep definition', () => {
  it('starts with one blank knob and allows one or two', () => {
    const store = createExplorerStore();
    expect(store.getState().sweep).toEqual(DEFAULT_SWEEP);
    store.getState().removeSweepKnob(0);
    expect(store.getState().sweep.knobs).toHaveLength(1);
    store.getState().addSweepKnob();
    store.getState().addSweepKnob();
    expect(store.getState().sweep.knobs).toHaveLength(2);
    store.getState().setSweepKnob(1, { key: 'KN', values: '8, 16' });
    store.getState().removeSweepKnob(0);
    expect(store.getState().sweep.knobs).toEqual([{ key: 'KN', values: '8, 16' }]);
    store.getState().setSweepView({ metric: 'area', perCompute: true });
    expect(store.getState().sweep).toMatchObject({ metric: 'area', perCompute: true, breakdown: true });
  });

  it('is autosaved with whether the builder is open', () => {
    const items = new Map<string, string>();
    const storage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
    const store = createExplorerStore();
    store.getState().setSweepKnob(0, { key: 'KN', values: 'log:8:64:4' });
    store.getState().showSweep(true);
    saveLocal(storage, store.getState());
    expect(loadLocal(storage)).toMatchObject({ sweep: { ...DEFAULT_SWEEP, knobs: [{ key: 'KN', values: 'log:8:64:4' }] }, sweepShown: true });
  });
});

describe('sweep run', () => {
  it('collects streamed points and ends with a status', () => {
    const store = createExplorerStore();
    const s = () => store.getState();
    s().sweepRunStarted();
    s().sweepGridKnown(KNOBS, 2);
    s().addSweepPoint(sweepPoint(0, 16, EVALUATION));
    s().sweepRunEnded('cancelled');
    expect(s().sweepRun).toEqual({ status: 'cancelled', knobs: KNOBS, total: 2, points: [sweepPoint(0, 16, EVALUATION)], errors: [] });
  });

  it('ignores points when no run was started', () => {
    const store = createExplorerStore();
    store.getState().addSweepPoint(sweepPoint(0, 16, EVALUATION));
    expect(store.getState().sweepRun).toBeNull();
  });
});

describe('openSweepPoint', () => {
  it('puts the variable knob values into the design and the point into fresh results', async () => {
    const store = createExplorerStore({ variables: { N_EINSUMS: 1, KN: 64 } });
    // Like auto-check: any variable edit marks the shown results stale.
    store.subscribe((state, prev) => {
      if (state.variables !== prev.variables) state.markDesignEdited();
    });
    const s = () => store.getState();
    s().setRunOutcome({ results: { source: 'evaluate', points: [] }, errors: [], message: null });
    s().sweepRunStarted();
    s().sweepGridKnown(KNOBS, 2);
    s().addSweepPoint(sweepPoint(0, 16, EVALUATION));
    s().addSweepPoint(sweepPoint(1, 32, null));
    await s().openSweepPoint(0);
    expect(s().variables).toEqual({ N_EINSUMS: 1, KN: 16 });
    expect(s().sweepOpened).toEqual({ index: 0, edits: [], missed: ['arch.nodes[name=GlobalBuffer].size'] });
    expect(s().resultsStale).toBe(false);
    expect(s().results).toEqual({ source: 'mapper', points: [{ energy: 5000, latency: 2, edp: 10000, evaluation: EVALUATION }] });
    await s().openSweepPoint(1);
    expect(s().variables).toEqual({ N_EINSUMS: 1, KN: 32 });
    expect(s().results).toBeNull();
    expect(s().resultsMessage).toBe('This sweep point failed; see Problems below.');
    await s().openSweepPoint(7);
    expect(s().sweepOpened?.index).toBe(1);
  });

  it('writes field knob values into the spec text through setFileText, keeping other edits', async () => {
    const arch = '# my note\narch:\n  nodes:\n  - !Memory\n    name: GlobalBuffer  # shared\n    size: 1024 * 1024  # 1 Mbit\n';
    const store = createExplorerStore({ files: { 'arch.yaml': arch }, specFiles: ['arch.yaml'], variables: { N_EINSUMS: 1, KN: 64 } });
    const typed: string[] = [];
    store.subscribe((state, prev) => {
      if (state.files !== prev.files) typed.push(state.files['arch.yaml']!);
      if (state.files !== prev.files || state.variables !== prev.variables) state.markDesignEdited();
    });
    const s = () => store.getState();
    s().setRunOutcome({ results: { source: 'evaluate', points: [] }, errors: [], message: null });
    s().sweepRunStarted();
    s().sweepGridKnown(KNOBS, 2);
    s().addSweepPoint(sweepPoint(0, 16, EVALUATION));
    await s().openSweepPoint(0);
    const expected = arch.replace('1024 * 1024', '256');
    expect(s().files['arch.yaml']).toBe(expected);
    expect(typed).toEqual([expected]);
    expect(s().sweepOpened).toEqual({
      index: 0,
      edits: [{ path: 'arch.nodes[name=GlobalBuffer].size', file: 'arch.yaml', value: 256, line: 6, col: 11 }],
      missed: [],
    });
    expect(s().resultsStale).toBe(false);
    // Opening it again changes nothing: the text already holds the value.
    await s().openSweepPoint(0);
    expect(typed).toHaveLength(1);
  });

  it('leaves field knobs out of the variables', () => {
    expect(pointVariables({ M: 8 }, KNOBS, sweepPoint(0, 32, null))).toEqual({ M: 8, KN: 32 });
  });
});
