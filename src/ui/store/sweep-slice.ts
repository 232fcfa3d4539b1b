/** Design-space sweeps: the definition (shared in links), the streamed run, and the opened point. */
import type { SpecError } from '../../engine/index.js';
import type { ResolvedKnob, SweepPointEvent } from '../../worker/sweep-protocol.js';
import { pointFromEvaluation } from '../features/results/points.js';
import type { FieldEdit } from '../features/sweep/field-text.js';
import type { StoreSlice } from './slice.js';
import type { VariableValue } from './spec-slice.js';

/** What the sweep chart plots; `perCompute` divides it by the compute operations. */
export type SweepMetric = 'energy' | 'latency' | 'edp' | 'area' | 'leakPower' | 'offChipAccesses';

export const SWEEP_METRICS: readonly SweepMetric[] = ['energy', 'latency', 'edp', 'area', 'leakPower', 'offChipAccesses'];

/** One knob as typed: a Jinja variable name or a field path, and a values expression (`1,2,4`, `lin:A:B:N`, `log:A:B:N`). */
export interface SweepKnobDraft {
  readonly key: string;
  readonly values: string;
}

export interface SweepDefinition {
  /** One or two knobs; with two the chart is a heatmap, the first knob along y. */
  readonly knobs: readonly SweepKnobDraft[];
  readonly metric: SweepMetric;
  readonly perCompute: boolean;
  /** Per-component curves next to the total (line chart, energy and latency). */
  readonly breakdown: boolean;
}

export const DEFAULT_SWEEP: SweepDefinition = { knobs: [{ key: '', values: '' }], metric: 'energy', perCompute: false, breakdown: true };

export type SweepStatus = 'running' | 'done' | 'cancelled' | 'failed';

/** A finished point as the views need it. */
export type SweepPointView = Omit<SweepPointEvent, 'kind' | 'done' | 'total'>;

export interface SweepRunView {
  readonly status: SweepStatus;
  /** The knobs as the engine expanded them; empty until the run starts. */
  readonly knobs: readonly ResolvedKnob[];
  readonly total: number;
  /** Finished points in arrival order (which is grid order). */
  readonly points: readonly SweepPointView[];
  readonly errors: readonly SpecError[];
}

/** A point opened from the chart, and where its field values went in the spec text. */
export interface OpenedSweepPoint {
  /** Grid index. */
  readonly index: number;
  readonly edits: readonly FieldEdit[];
  /** Field knobs the spec text does not spell out; they apply to the point only. */
  readonly missed: readonly string[];
}

export interface SweepData {
  sweep: SweepDefinition;
  /** The sweep builder is shown in place of the spec editor. */
  sweepShown: boolean;
  sweepRun: SweepRunView | null;
  /** The point shown in the result views, or null. */
  sweepOpened: OpenedSweepPoint | null;
}

export interface SweepActions {
  setSweepKnob(at: number, patch: Partial<SweepKnobDraft>): void;
  addSweepKnob(): void;
  removeSweepKnob(at: number): void;
  setSweepView(patch: Partial<Pick<SweepDefinition, 'metric' | 'perCompute' | 'breakdown'>>): void;
  setSweepDefinition(definition: SweepDefinition): void;
  showSweep(shown: boolean): void;
  sweepRunStarted(): void;
  sweepGridKnown(knobs: readonly ResolvedKnob[], total: number): void;
  addSweepPoint(point: SweepPointView): void;
  sweepRunEnded(status: SweepStatus, errors?: readonly SpecError[]): void;
  /**
   * Shows a finished point: its variable knob values go into the variables, its field knob values
   * into the spec text, its mapping into the results.
   */
  openSweepPoint(index: number): Promise<void>;
}

export const DEFAULT_SWEEP_DATA: SweepData = { sweep: DEFAULT_SWEEP, sweepShown: false, sweepRun: null, sweepOpened: null };

export const createSweepSlice: StoreSlice<SweepActions> = (set, get) => {
  const setKnobs = (knobs: (current: readonly SweepKnobDraft[]) => readonly SweepKnobDraft[]) =>
    set((s) => ({ sweep: { ...s.sweep, knobs: knobs(s.sweep.knobs) } }));
  const setRun = (patch: (run: SweepRunView) => Partial<SweepRunView>) =>
    set((s) => (s.sweepRun === null ? {} : { sweepRun: { ...s.sweepRun, ...patch(s.sweepRun) } }));
  return {
    setSweepKnob: (at, patch) => setKnobs((knobs) => knobs.map((k, i) => (i === at ? { ...k, ...patch } : k))),
    addSweepKnob: () => setKnobs((knobs) => (knobs.length >= 2 ? knobs : [...knobs, { key: '', values: '' }])),
    removeSweepKnob: (at) => setKnobs((knobs) => (knobs.length <= 1 ? knobs : knobs.filter((_, i) => i !== at))),
    setSweepView: (patch) => set((s) => ({ sweep: { ...s.sweep, ...patch } })),
    setSweepDefinition: (definition) => set({ sweep: definition }),
    showSweep: (shown) => set({ sweepShown: shown }),
    sweepRunStarted: () => set({ sweepRun: { status: 'running', knobs: [], total: 0, points: [], errors: [] }, sweepOpened: null }),
    sweepGridKnown: (knobs, total) => setRun(() => ({ knobs, total })),
    addSweepPoint: (point) => setRun((run) => ({ points: [...run.points, point] })),
    sweepRunEnded: (status, errors = []) => setRun(() => ({ status, errors })),
    openSweepPoint: async (index) => {
      const point = get().sweepRun?.points.find((p) => p.point.index === index);
      if (point === undefined) return;
      const { pointFieldEdits } = await import('../features/sweep/field-text.js');
      const state = get();
      const variables = pointVariables(state.variables, state.sweepRun?.knobs ?? [], point);
      const { files, edits, missed } = pointFieldEdits(state.files, state.specFiles, point.fields);
      // Field values go into the text as a typed edit would (the editor's undo reverts them);
      // the design edit marks results stale (auto-check), then the point's results land fresh.
      for (const [path, text] of Object.entries(files)) state.setFileText(path, text);
      set({ variables });
      set({
        sweepOpened: { index, edits, missed },
        results: point.evaluation === null ? null : { source: 'mapper', points: [pointFromEvaluation(point.evaluation)] },
        runErrors: point.point.errors,
        resultsMessage: point.evaluation === null ? 'This sweep point failed; see Problems below.' : null,
        resultsStale: false,
        selectedPoint: null,
      });
    },
  };
};

/** The design's variables with the point's variable-knob values (field knobs go into the text instead). */
export function pointVariables(
  current: Readonly<Record<string, VariableValue>>,
  knobs: readonly ResolvedKnob[],
  point: SweepPointView,
): Record<string, VariableValue> {
  const next: Record<string, VariableValue> = { ...current };
  for (const knob of knobs) {
    const value = point.point.knobs[knob.key];
    if (knob.kind === 'variable' && value !== undefined) next[knob.key] = value;
  }
  return next;
}
