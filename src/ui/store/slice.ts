/** Slice plumbing shared by the store files. */
import type { ExplorerState } from './state.js';

type SetState = (
  partial: Partial<ExplorerState> | ((state: ExplorerState) => Partial<ExplorerState>),
) => void;

/** A slice contributes actions; its data defaults live next to it as a DEFAULT_* constant. */
export type StoreSlice<Actions> = (set: SetState, get: () => ExplorerState) => Actions;
