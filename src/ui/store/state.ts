/** The whole explorer state: data of every slice plus their actions. */
import type { AnalysisActions, AnalysisData } from './analysis-slice.js';
import type { ImportActions, ImportData } from './import-slice.js';
import type { LinkActions, LinkData } from './link-slice.js';
import type { RunActions, RunData } from './run-slice.js';
import type { SelectionActions, SelectionData } from './selection-slice.js';
import type { SpecActions, SpecData } from './spec-slice.js';
import type { SweepActions, SweepData } from './sweep-slice.js';
import type { ViewActions, ViewData } from './view-slice.js';
import { DEFAULT_ANALYSIS } from './analysis-slice.js';
import { DEFAULT_IMPORT } from './import-slice.js';
import { DEFAULT_LINK } from './link-slice.js';
import { DEFAULT_RUN } from './run-slice.js';
import { DEFAULT_SELECTION } from './selection-slice.js';
import { DEFAULT_SPEC } from './spec-slice.js';
import { DEFAULT_SWEEP_DATA } from './sweep-slice.js';
import { DEFAULT_VIEW } from './view-slice.js';

export type ExplorerData = SpecData & RunData & SelectionData & ViewData & ImportData & SweepData & AnalysisData & LinkData;
export type ExplorerActions = SpecActions & RunActions & SelectionActions & ViewActions & ImportActions & SweepActions & AnalysisActions & LinkActions;
export type ExplorerState = ExplorerData & ExplorerActions;

export const DEFAULT_DATA: ExplorerData = {
  ...DEFAULT_SPEC,
  ...DEFAULT_RUN,
  ...DEFAULT_SELECTION,
  ...DEFAULT_VIEW,
  ...DEFAULT_IMPORT,
  ...DEFAULT_SWEEP_DATA,
  ...DEFAULT_ANALYSIS,
  ...DEFAULT_LINK,
};
