/** Layout and display choices. */
import type { StoreSlice } from './slice.js';

/** How breakdown bars are grouped. */
export type BreakdownBy = 'component' | 'einsum' | 'tensor';

export interface ViewData {
  breakdownBy: BreakdownBy;
  /** Editor column width as a fraction of the window (0.25..0.75). */
  editorFraction: number;
}

export interface ViewActions {
  setBreakdownBy(by: BreakdownBy): void;
  setEditorFraction(fraction: number): void;
}

export const DEFAULT_VIEW: ViewData = { breakdownBy: 'component', editorFraction: 0.5 };

export const createViewSlice: StoreSlice<ViewActions> = (set) => ({
  setBreakdownBy: (by) => set({ breakdownBy: by }),
  setEditorFraction: (fraction) => set({ editorFraction: Math.min(0.75, Math.max(0.25, fraction)) }),
});
