/** Analysis views: the open tab, the ski-slope runs, the chosen on-chip memory and the pinned results. */
import type { SkiSlopeRun } from '../features/analysis/ski-slope-data.js';
import type { PinnedResult } from '../features/analysis/compare-data.js';
import type { StoreSlice } from './slice.js';

export type AnalysisTab = 'ski-slope' | 'roofline' | 'area' | 'compare';

export interface AnalysisData {
  analysisTab: AnalysisTab;
  /** The latest ski-slope run (fused and unfused curves), or null before any. */
  skiSlope: SkiSlopeRun | null;
  /** The memory whose usage is the ski slope's x axis; null = the default (GlobalBuffer, else outermost finite). */
  skiMemory: string | null;
  /** The off-chip memory of the roofline; null = the outermost memory. */
  rooflineMemory: string | null;
  /** Results pinned for the comparison bars, oldest first. */
  pins: readonly PinnedResult[];
}

export interface AnalysisActions {
  setAnalysisTab(tab: AnalysisTab): void;
  setSkiSlope(run: SkiSlopeRun | null): void;
  /** Changes the run only if it is still the one `previous` names (a newer run wins). */
  updateSkiSlope(previous: SkiSlopeRun, next: SkiSlopeRun): void;
  setSkiMemory(memory: string | null): void;
  setRooflineMemory(memory: string | null): void;
  pinResult(pin: PinnedResult): void;
  unpinResult(id: number): void;
  clearPins(): void;
}

export const DEFAULT_ANALYSIS: AnalysisData = { analysisTab: 'ski-slope', skiSlope: null, skiMemory: null, rooflineMemory: null, pins: [] };

export const createAnalysisSlice: StoreSlice<AnalysisActions> = (set) => ({
  setAnalysisTab: (tab) => set({ analysisTab: tab }),
  setSkiSlope: (run) => set({ skiSlope: run }),
  updateSkiSlope: (previous, next) => set((s) => (s.skiSlope === previous ? { skiSlope: next } : {})),
  setSkiMemory: (memory) => set({ skiMemory: memory }),
  setRooflineMemory: (memory) => set({ rooflineMemory: memory }),
  pinResult: (pin) => set((s) => ({ pins: [...s.pins, pin] })),
  unpinResult: (id) => set((s) => ({ pins: s.pins.filter((p) => p.id !== id) })),
  clearPins: () => set({ pins: [] }),
});
