/**
 * Restores state at startup (autosave, then the link's fragment on top) and keeps localStorage and
 * the URL fragment in step with the store. Environment access is injected so tests run in Node.
 */
import {
  applySharePayload,
  createSharePayload,
  decodeShareFragment,
  encodeShareFragment,
  hasShareFragment,
} from '../share/codec.js';
import { loadLocal, saveLocal } from './local-save.js';
import { keysWith } from './persistence.js';
import type { ExplorerData } from './state.js';
import type { ExplorerStore } from './store.js';

export interface RestoreEnv {
  readonly hash: string;
  readonly storage: Pick<Storage, 'getItem'>;
  /** Bundled example texts by path: the defaults a link's files are diffed against. */
  readonly bundled: Readonly<Record<string, string>>;
}

export interface Restored {
  readonly data: Partial<ExplorerData>;
  /** Why the link in the URL was ignored, if it was. */
  readonly linkProblem: string | null;
  /** How the link's selected point was computed, so opening it recomputes the same results. */
  readonly pointFrom?: 'mapper' | 'mapper-unfused';
}

export function restoreState(env: RestoreEnv): Restored {
  const local = loadLocal(env.storage);
  if (!hasShareFragment(env.hash)) return { data: local, linkProblem: null };
  const decoded = decodeShareFragment(env.hash);
  if (!decoded.ok) return { data: local, linkProblem: decoded.message };
  const pointFrom = decoded.payload.view?.pointFrom;
  return { data: { ...local, ...applySharePayload(decoded.payload, env.bundled) }, linkProblem: null, ...(pointFrom ? { pointFrom } : {}) };
}

export interface SyncEnv {
  readonly storage: Pick<Storage, 'setItem'>;
  readonly bundled: Readonly<Record<string, string>>;
  /** Replaces the fragment without adding a history entry. */
  readonly replaceHash: (hash: string) => void;
  readonly debounceMs?: number;
}

/** The current share fragment for the store's state. */
export function currentShareFragment(state: ExplorerData, bundled: SyncEnv['bundled']): string {
  return encodeShareFragment(createSharePayload(state, bundled));
}

/** Writes autosave and URL on every change (debounced); returns the unsubscribe function. */
export function startSync(store: ExplorerStore, env: SyncEnv): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const state = store.getState();
    saveLocal(env.storage, state);
    env.replaceHash(currentShareFragment(state, env.bundled));
  };
  const savedKeys = keysWith(['url', 'local']);
  const unsubscribe = store.subscribe((state, prev) => {
    if (!savedKeys.some((key) => state[key] !== prev[key])) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, env.debounceMs ?? 250);
  });
  const onHide = () => {
    if (timer !== null) {
      clearTimeout(timer);
      flush();
    }
  };
  globalThis.addEventListener?.('pagehide', onHide);
  return () => {
    unsubscribe();
    globalThis.removeEventListener?.('pagehide', onHide);
    if (timer !== null) clearTimeout(timer);
  };
}

/**
 * Loads a link pasted into the address bar of an open tab (only the fragment changes, so the page
 * does not reload). Returns the problem when the link cannot be read.
 */
export function applyLink(store: ExplorerStore, hash: string, bundled: SyncEnv['bundled']): string | null {
  if (!hasShareFragment(hash) || hash === currentShareFragment(store.getState(), bundled)) return null;
  const decoded = decodeShareFragment(hash);
  if (!decoded.ok) return decoded.message;
  store.setState(applySharePayload(decoded.payload, bundled));
  return null;
}
