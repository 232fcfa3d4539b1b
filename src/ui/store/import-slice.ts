/** A Timeloop import: the converted spec replaces the design; its report and errors are shown. */
import type { ConversionReport, SpecError } from '../../engine/index.js';
import type { StoreSlice } from './slice.js';

/** Where a converted Timeloop spec lives in the design. */
export const IMPORTED_SPEC_PATH = 'timeloop/converted.yaml';

export interface TimeloopReportView {
  readonly report: ConversionReport;
  /** The Timeloop files that were converted. */
  readonly sources: readonly string[];
}

export interface ImportData {
  timeloopReport: TimeloopReportView | null;
  /** Errors of the last failed import (positions point into the Timeloop files). */
  importErrors: readonly SpecError[];
}

export interface ImportActions {
  /** Replaces the whole design by the converted spec and shows the report. */
  loadImportedDesign(yaml: string, view: TimeloopReportView): void;
  setImportErrors(errors: readonly SpecError[]): void;
  dismissTimeloopReport(): void;
}

export const DEFAULT_IMPORT: ImportData = { timeloopReport: null, importErrors: [] };

export const createImportSlice: StoreSlice<ImportActions> = (set) => ({
  loadImportedDesign: (yaml, view) =>
    set({
      files: { [IMPORTED_SPEC_PATH]: yaml },
      specFiles: [IMPORTED_SPEC_PATH],
      activeFile: IMPORTED_SPEC_PATH,
      variables: {},
      timeloopReport: view,
      importErrors: [],
    }),
  setImportErrors: (errors) => set({ importErrors: errors }),
  dismissTimeloopReport: () => set({ timeloopReport: null }),
});
