/**
 * Where each piece of state lives. `url`: in share links and autosaved; `local`: autosaved in this
 * browser only; `none`: gone on reload. Adding a store key without a row here fails to compile.
 */
import type { ExplorerData } from './state.js';

export type Persistence = 'url' | 'local' | 'none';

export const PERSISTENCE = {
  files: 'url',
  specFiles: 'url',
  activeFile: 'url',
  variables: 'url',
  mapper: 'url',
  checkErrors: 'none',
  checkFresh: 'none',
  checkStalled: 'none',
  runStatus: 'none',
  progress: 'none',
  notices: 'none',
  runErrors: 'none',
  results: 'none',
  resultsMessage: 'none',
  resultsStale: 'none',
  selectedPoint: 'url',
  selectedEinsum: 'url',
  breakdownBy: 'url',
  stackBy: 'url',
  perCompute: 'url',
  logScale: 'url',
  paretoX: 'url',
  paretoY: 'url',
  editorReveal: 'none',
  editorFraction: 'local',
  timeloopReport: 'none',
  importErrors: 'none',
  sweep: 'url',
  sweepShown: 'url',
  sweepRun: 'none',
  sweepOpened: 'none',
  analysisTab: 'none',
  skiSlope: 'none',
  skiMemory: 'none',
  rooflineMemory: 'none',
  pins: 'none',
  recentDesigns: 'local',
  autosaveProblem: 'none',
  linkRun: 'none',
  linkPoint: 'none',
} as const satisfies { readonly [K in keyof ExplorerData]: Persistence };

export type PersistedKey<P extends Persistence> = {
  [K in keyof ExplorerData]: (typeof PERSISTENCE)[K] extends P ? K : never;
}[keyof ExplorerData];

/** Keys written to localStorage: everything except `none`. */
export type SavedKey = PersistedKey<'url' | 'local'>;
export type SavedData = Pick<ExplorerData, SavedKey>;

export function keysWith(kinds: readonly Persistence[]): (keyof ExplorerData)[] {
  return (Object.keys(PERSISTENCE) as (keyof ExplorerData)[]).filter((k) =>
    kinds.includes(PERSISTENCE[k]),
  );
}

/** The part of the state that survives a reload. */
export function pickSaved(state: ExplorerData): SavedData {
  const out: Record<string, unknown> = {};
  for (const key of keysWith(['url', 'local'])) out[key] = state[key];
  return out as SavedData;
}
