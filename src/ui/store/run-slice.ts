/** Engine activity: the latest check's errors, run status and progress, worker notices. */
import type { SpecError } from '../../engine/index.js';
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
}

export interface RunActions {
  setCheckErrors(errors: readonly SpecError[]): void;
  markCheckStale(): void;
  setRunStatus(status: RunStatus, progress?: number | null): void;
  addNotice(message: string): void;
  dismissNotice(index: number): void;
}

export const DEFAULT_RUN: RunData = {
  checkErrors: [],
  checkFresh: false,
  runStatus: 'idle',
  progress: null,
  notices: [],
};

export const createRunSlice: StoreSlice<RunActions> = (set) => ({
  setCheckErrors: (errors) => set({ checkErrors: errors, checkFresh: true }),
  markCheckStale: () => set({ checkFresh: false }),
  setRunStatus: (status, progress = null) => set({ runStatus: status, progress }),
  addNotice: (message) =>
    set((s) => ({ notices: s.notices.includes(message) ? s.notices : [...s.notices.slice(-4), message] })),
  dismissNotice: (index) => set((s) => ({ notices: s.notices.filter((_, i) => i !== index) })),
});
