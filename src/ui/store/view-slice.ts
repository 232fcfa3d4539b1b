/** Layout and display choices. */
import type { StoreSlice } from './slice.js';

/** How breakdown bars are grouped along the x axis. */
export type BreakdownBy = 'component' | 'einsum' | 'tensor';
/** What the energy bars are stacked by. */
export type StackBy = 'tensor' | 'action';
/** A Pareto chart axis. */
export type ParetoAxis = 'energy' | 'latency' | 'edp';

export interface ViewData {
  breakdownBy: BreakdownBy;
  stackBy: StackBy;
  /** Energy per compute operation (pJ/MAC) instead of total energy. */
  perCompute: boolean;
  /** Log value axes on the breakdown charts. */
  logScale: boolean;
  paretoX: ParetoAxis;
  paretoY: ParetoAxis;
  /** Editor column width as a fraction of the window (0.25..0.75). */
  editorFraction: number;
}

export interface ViewActions {
  setBreakdownBy(by: BreakdownBy): void;
  setEditorFraction(fraction: number): void;
  setView(patch: Partial<Pick<ViewData, 'stackBy' | 'perCompute' | 'logScale' | 'paretoX' | 'paretoY'>>): void;
}

export const DEFAULT_VIEW: ViewData = {
  breakdownBy: 'component',
  stackBy: 'tensor',
  perCompute: false,
  logScale: false,
  paretoX: 'latency',
  paretoY: 'energy',
  editorFraction: 0.5,
};

export const createViewSlice: StoreSlice<ViewActions> = (set) => ({
  setBreakdownBy: (by) => set({ breakdownBy: by }),
  setEditorFraction: (fraction) => set({ editorFraction: Math.min(0.75, Math.max(0.25, fraction)) }),
  setView: (patch) => set(patch),
});
