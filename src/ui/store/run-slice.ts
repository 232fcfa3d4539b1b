/** Engine activity: the latest check's errors, run status, progress, results and worker notices. */
import type { SpecError } from '../../engine/index.js';
import type { ResultSet } from '../features/results/points.js';
import type { StoreSlice } from './slice.js';

export type RunStatus = 'idle' | 'checking' | 'evaluating' | 'mapping' | 'cancelled' | 'failed';

export interface RunData {
  checkErrors: readonly SpecError[];
  /** True once a check finished for the current text (false while one is pending). */
  checkFresh: boolean;
  runStatus: RunStatus;
  /** 0..1 while a long call runs; null when nothing reports progress. */
  progress: number | null;
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
  setRunStatus(status: RunStatus, progress?: number | null): void;
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
  runStatus: 'idle',
  progress: null,
  notices: [],
  runErrors: [],
  results: null,
  resultsMessage: null,
  resultsStale: false,
};

export const createRunSlice: StoreSlice<RunActions> = (set) => ({
  setCheckErrors: (errors) => set({ checkErrors: errors, checkFresh: true }),
  markCheckStale: () => set({ checkFresh: false }),
  setRunStatus: (status, progress = null) => set({ runStatus: status, progress }),
  addNotice: (message) =>
    set((s) => ({ notices: s.notices.includes(message) ? s.notices : [...s.notices.slice(-4), message] })),
  dismissNotice: (index) => set((s) => ({ notices: s.notices.filter((_, i) => i !== index) })),
  setRunOutcome: ({ results, errors, message }) =>
    set((s) => ({
      results,
      runErrors: errors,
      resultsMessage: message,
      resultsStale: false,
      // A restored selection survives only if the new results still have that point.
      selectedPoint: results !== null && s.selectedPoint !== null && s.selectedPoint < results.points.length ? s.selectedPoint : null,
    })),
  markDesignEdited: () =>
    set((s) => ({
      ...(s.runErrors.length === 0 ? {} : { runErrors: [] }),
      ...(s.importErrors.length === 0 ? {} : { importErrors: [] }),
      ...(s.results === null || s.resultsStale ? {} : { resultsStale: true }),
    })),
});
