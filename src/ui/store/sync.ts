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
  limitLinkPayload,
  type ShareState,
} from '../share/codec.js';
import { linkPointOf } from '../share/point-ref.js';
import type { SharePayload } from '../share/schema.js';
import { loadLocal, saveLocal } from './local-save.js';
import { keysWith } from './persistence.js';
import { hasDesign, recentEntry, sameDesign, withRecent, type RecentDesign } from './recent-designs.js';
import { DEFAULT_DATA, type ExplorerData } from './state.js';
import type { ExplorerStore } from './store.js';

/** Said whenever a link replaced a different design. */
export const LINK_SHOWN_NOTICE = 'Showing the design from a link. Your previous design is saved in Recent.';

export interface RestoreEnv {
  readonly hash: string;
  readonly storage: Pick<Storage, 'getItem'>;
  /** Bundled example texts by path: the defaults a link's files are diffed against. */
  readonly bundled: Readonly<Record<string, string>>;
  /** The clock for Recent entries (tests fix it). */
  readonly now?: () => number;
}

export interface Restored {
  readonly data: Partial<ExplorerData>;
  /** Why the link in the URL was ignored, if it was. */
  readonly linkProblem: string | null;
  /** What the user should know about the opened link (which design shows, capped limits). */
  readonly notices: readonly string[];
}

/** What opening a link changes: its design and view, its pending run, and the design it puts aside. */
interface OpenedLink {
  readonly data: Partial<ExplorerData>;
  readonly notices: string[];
}

/**
 * Opens a decoded link over `current`: a different design already there goes to Recent first, the
 * link's time limit is capped, and a selected mapper point only offers a run (`linkRun`).
 */
function openLink(payload: SharePayload, current: Partial<ExplorerData>, bundled: RestoreEnv['bundled'], now: number): OpenedLink {
  const limited = limitLinkPayload(payload);
  const linked = applySharePayload(limited.payload, bundled);
  const data: Partial<ExplorerData> = { ...linked, linkRun: limited.payload.view?.pointFrom ?? null, linkPoint: linkPointOf(limited.payload) };
  const notices = [...limited.notices];
  if (hasDesign(current) && hasDesign(linked) && !sameDesign(current, linked)) {
    const kept: RecentDesign = recentEntry({ ...DEFAULT_DATA, ...current } satisfies ShareState, bundled, now);
    data.recentDesigns = withRecent(current.recentDesigns ?? [], kept);
    notices.unshift(LINK_SHOWN_NOTICE);
  }
  return { data, notices };
}

export function restoreState(env: RestoreEnv): Restored {
  const local = loadLocal(env.storage);
  if (!hasShareFragment(env.hash)) return { data: local, linkProblem: null, notices: [] };
  const decoded = decodeShareFragment(env.hash);
  if (!decoded.ok) return { data: local, linkProblem: decoded.message, notices: [] };
  const opened = openLink(decoded.payload, local, env.bundled, (env.now ?? Date.now)());
  return { data: { ...local, ...opened.data }, linkProblem: null, notices: opened.notices };
}

export interface SyncEnv {
  readonly storage: Pick<Storage, 'setItem'>;
  readonly bundled: Readonly<Record<string, string>>;
  /** Replaces the fragment without adding a history entry. */
  readonly replaceHash: (hash: string) => void;
  /** Each autosave's outcome: why it failed, or null. */
  readonly onSaved?: (problem: string | null) => void;
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
    // Saved before reporting: an optional call would skip evaluating its argument.
    const problem = saveLocal(env.storage, state);
    env.onSaved?.(problem);
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
 * does not reload), keeping a different design in Recent. Returns the problem when the link cannot
 * be read; what the user should know goes to the notices.
 */
export function applyLink(store: ExplorerStore, hash: string, bundled: SyncEnv['bundled'], now = Date.now()): string | null {
  if (!hasShareFragment(hash) || hash === currentShareFragment(store.getState(), bundled)) return null;
  const decoded = decodeShareFragment(hash);
  if (!decoded.ok) return decoded.message;
  const opened = openLink(decoded.payload, store.getState(), bundled, now);
  store.setState(opened.data);
  for (const notice of opened.notices) store.getState().addNotice(notice);
  return null;
}

/** The Recent list with the design showing now put first (unchanged when nothing is showing). */
export function recentWithShown(store: ExplorerStore, bundled: SyncEnv['bundled'], now = Date.now()): readonly RecentDesign[] {
  const state = store.getState();
  if (state.specFiles.length === 0) return state.recentDesigns;
  return withRecent(state.recentDesigns, recentEntry(state, bundled, now));
}

/** Shows a Recent design; the one showing goes to Recent first, so switching back and forth loses nothing. */
export function restoreRecentDesign(store: ExplorerStore, entry: RecentDesign, bundled: SyncEnv['bundled'], now = Date.now()): void {
  const decoded = decodeShareFragment(entry.fragment);
  if (!decoded.ok) {
    store.getState().addNotice(`That recent design could not be restored: ${decoded.message}`);
    return;
  }
  store.setState({ ...applySharePayload(decoded.payload, bundled), linkRun: null, linkPoint: null, recentDesigns: recentWithShown(store, bundled, now) });
}
