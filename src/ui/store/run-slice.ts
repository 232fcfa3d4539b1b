/** Engine activity: the latest check's errors, run status, progress, results and worker notices. */
import type { EvaluationData, SpecError } from '../../engine/index.js';
import type { MapRunEvent } from '../../worker/protocol.js';
import type { ResultSet } from '../features/results/points.js';
import { applyMapEvent, EMPTY_PROGRESS, type MapProgress } from '../features/run/map-progress.js';
import { pointAfterRun } from './link-slice.js';
import type { StoreSlice } from './slice.js';

export type RunStatus = 'idle' | 'checking' | 'evaluating' | 'mapping' | 'cancelled' | 'failed';

export interface RunData {
  checkErrors: readonly SpecError[];
  /** True once a check finished for the current text (false while one is pending). */
  checkFresh: boolean;
  /** The last check never finished (its worker hung and was replaced); the next edit checks again. */
  checkStalled: boolean;
  runStatus: RunStatus;
  /** A mapper run's live counts and newest front; null when nothing reports progress. */
  progress: MapProgress | null;
  /** Messages about the app itself (worker restarted, link ignored, feature missing), newest last. */
  notices: readonly string[];
  /** Errors of the last Evaluate / map run (cleared by the next edit). */
  runErrors: readonly SpecError[];
  /** The last run's points; null before any successful run. */
  results: ResultSet | null;
  /** Why the results area is empty after a run (e.g. the spec has no mapping). */
  resultsMessage: string | null;
  /** The design changed since the results were computed. */
  resultsStale: boolean;
}

export interface RunActions {
  setCheckErrors(errors: readonly SpecError[]): void;
  markCheckStale(): void;
  markCheckStalled(): void;
  setRunStatus(status: RunStatus, progress?: MapProgress | null): void;
  /** A mapper run starts: status 'mapping' with empty progress. */
  startMapping(): void;
  /** Folds one mapper event into the progress (ignored when no mapper run is going). */
  applyMapEvent(event: MapRunEvent): void;
  /** A front point's evaluation arrived; dropped if `results` were replaced meanwhile. */
  setPointEvaluation(results: ResultSet, index: number, evaluation: EvaluationData): void;
  addNotice(message: string): void;
  dismissNotice(index: number): void;
  /** A finished run: its points, or its errors and a message for the results area. */
  setRunOutcome(outcome: { results: ResultSet | null; errors: readonly SpecError[]; message: string | null }): void;
  /** An edit happened: run and import errors point into old text and results describe the old design. */
  markDesignEdited(): void;
}

export const DEFAULT_RUN: RunData = {
  checkErrors: [],
  checkFresh: false,
  checkStalled: false,
  runStatus: 'idle',
  progress: null,
  notices: [],
  runErrors: [],
  results: null,
  resultsMessage: null,
  resultsStale: false,
};

export const createRunSlice: StoreSlice<RunActions> = (set, get) => ({
  setCheckErrors: (errors) => set({ checkErrors: errors, checkFresh: true, checkStalled: false }),
  markCheckStale: () => set({ checkFresh: false, checkStalled: false }),
  markCheckStalled: () => set({ checkStalled: true }),
  setRunStatus: (status, progress = null) => set({ runStatus: status, progress }),
  startMapping: () => set({ runStatus: 'mapping', progress: EMPTY_PROGRESS, linkRun: null }),
  applyMapEvent: (event) => set((s) => (s.runStatus === 'mapping' && s.progress !== null ? { progress: applyMapEvent(s.progress, event) } : {})),
  setPointEvaluation: (results, index, evaluation) =>
    set((s) => {
      if (s.results !== results || results.points[index] === undefined) return {};
      const points = results.points.map((p, i) => (i === index ? { ...p, evaluation } : p));
      return { results: { ...results, points } };
    }),
  addNotice: (message) =>
    set((s) => ({ notices: s.notices.includes(message) ? s.notices : [...s.notices.slice(-4), message] })),
  dismissNotice: (index) => set((s) => ({ notices: s.notices.filter((_, i) => i !== index) })),
  setRunOutcome: ({ results, errors, message }) => {
    // A restored selection survives only if the new results still have that point; a link's point is found by its key.
    const { selectedPoint, linkPoint, notice } = pointAfterRun(get(), results);
    set({ results, runErrors: errors, resultsMessage: message, resultsStale: false, linkRun: null, selectedPoint, linkPoint });
    if (notice !== null) get().addNotice(notice);
  },
  markDesignEdited: () =>
    set((s) => ({
      ...(s.runErrors.length === 0 ? {} : { runErrors: [] }),
      ...(s.importErrors.length === 0 ? {} : { importErrors: [] }),
      ...(s.results === null || s.resultsStale ? {} : { resultsStale: true }),
    })),
});
