/** The explorer store. Components use `useExplorer(selector)`; nothing else imports zustand. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createAnalysisSlice } from './analysis-slice.js';
import { createImportSlice } from './import-slice.js';
import { createLinkSlice } from './link-slice.js';
import { createRunSlice } from './run-slice.js';
import { createSelectionSlice } from './selection-slice.js';
import { createSpecSlice } from './spec-slice.js';
import { createSweepSlice } from './sweep-slice.js';
import type { ExplorerData, ExplorerState } from './state.js';
import { DEFAULT_DATA } from './state.js';
import { createViewSlice } from './view-slice.js';

export type ExplorerStore = StoreApi<ExplorerState>;

/** A fresh store; `initial` overrides the defaults (restored autosave, decoded link, tests). */
export function createExplorerStore(initial: Partial<ExplorerData> = {}): ExplorerStore {
  return createStore<ExplorerState>()((set, get) => ({
    ...DEFAULT_DATA,
    ...initial,
    ...createSpecSlice(set, get),
    ...createRunSlice(set, get),
    ...createSelectionSlice(set, get),
    ...createViewSlice(set, get),
    ...createImportSlice(set, get),
    ...createSweepSlice(set, get),
    ...createAnalysisSlice(set, get),
    ...createLinkSlice(set, get),
  }));
}
