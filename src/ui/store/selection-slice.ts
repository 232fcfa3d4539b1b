/** What the user picked inside results: a Pareto point and an Einsum. */
import type { StoreSlice } from './slice.js';

export interface SelectionData {
  /** Index of the selected Pareto point, or null. */
  selectedPoint: number | null;
  /** Name of the Einsum whose details are shown, or null for all. */
  selectedEinsum: string | null;
  /** A spec position the editor should scroll to; `nonce` makes repeated clicks count. */
  editorReveal: { readonly file: string; readonly line: number; readonly col: number; readonly nonce: number } | null;
}

export interface SelectionActions {
  selectPoint(index: number | null): void;
  selectEinsum(name: string | null): void;
  revealInEditor(file: string, line: number, col: number): void;
}

export const DEFAULT_SELECTION: SelectionData = { selectedPoint: null, selectedEinsum: null, editorReveal: null };

export const createSelectionSlice: StoreSlice<SelectionActions> = (set) => ({
  selectPoint: (index) => set({ selectedPoint: index }),
  selectEinsum: (name) => set({ selectedEinsum: name }),
  revealInEditor: (file, line, col) =>
    set((s) => ({ editorReveal: { file, line, col, nonce: (s.editorReveal?.nonce ?? 0) + 1 }, activeFile: file })),
});
