/** Wires store, persistence, engine client and auto-check together for the browser. */
import { createBrowserEngineClient, type EngineClient } from '../worker/client.js';
import { BUNDLED_FILES } from './features/examples/bundle.js';
import { getExamples } from './features/examples/catalogue.js';
import { createDefaultDesign } from './features/examples/default-design.js';
import { startAutoCheck } from './features/run/auto-check.js';
import { runEvaluate } from './features/run/evaluate-run.js';
import { AUTOSAVE_BLOCKED } from './store/local-save.js';
import type { ExplorerData } from './store/state.js';
import { createExplorerStore, type ExplorerStore } from './store/store.js';
import { applyLink, restoreState, startSync } from './store/sync.js';

/** localStorage can throw (privacy modes, sandboxed frames); null then, and the user is told. */
function safeStorage(): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    const storage = window.localStorage;
    storage.getItem('probe');
    return storage;
  } catch {
    return null;
  }
}

const BLOCKED_STORAGE: Pick<Storage, 'getItem' | 'setItem'> = {
  getItem: () => null,
  setItem: () => {
    throw new Error('storage is blocked');
  },
};

export function startExplorer(): { store: ExplorerStore; client: EngineClient } {
  const storage = safeStorage() ?? BLOCKED_STORAGE;
  const restored = restoreState({ hash: location.hash, storage, bundled: BUNDLED_FILES });
  const initial: Partial<ExplorerData> = { ...restored.data };
  if (initial.specFiles === undefined || initial.specFiles.length === 0) {
    Object.assign(initial, createDefaultDesign(getExamples(), BUNDLED_FILES));
  }
  const store = createExplorerStore(initial);
  if (restored.linkProblem !== null) {
    store.getState().addNotice(`The link in the address bar was not loaded: ${restored.linkProblem}`);
  }
  for (const notice of restored.notices) store.getState().addNotice(notice);
  if (storage === BLOCKED_STORAGE) store.getState().setAutosaveProblem(AUTOSAVE_BLOCKED);
  startSync(store, {
    storage,
    bundled: BUNDLED_FILES,
    replaceHash: (hash) => history.replaceState(history.state, '', hash),
    onSaved: (problem) => store.getState().setAutosaveProblem(problem),
  });
  window.addEventListener('hashchange', () => {
    const problem = applyLink(store, location.hash, BUNDLED_FILES);
    if (problem !== null) store.getState().addNotice(`The link was not loaded: ${problem}`);
  });
  const client = createBrowserEngineClient({ onNotice: (message) => store.getState().addNotice(message) });
  startAutoCheck(store, { client, bundled: BUNDLED_FILES, examples: getExamples() });
  // Results are never stored. A link to the spec's own evaluated mapping evaluates it again (one
  // model pass); a link to a mapper point never starts the mapper by itself: the results panel
  // offers the run (linkRun).
  const env = { client, bundled: BUNDLED_FILES, examples: getExamples() };
  const { selectedPoint, linkRun } = store.getState();
  if (selectedPoint !== null && linkRun === null) void runEvaluate(store, env);
  return { store, client };
}
