/** Wires store, persistence, engine client and auto-check together for the browser. */
import { createBrowserEngineClient, type EngineClient } from '../worker/client.js';
import { BUNDLED_FILES } from './features/examples/bundle.js';
import { getExamples } from './features/examples/catalogue.js';
import { createDefaultDesign } from './features/examples/default-design.js';
import { startAutoCheck } from './features/run/auto-check.js';
import { runEvaluate } from './features/run/evaluate-run.js';
import { runMapper } from './features/run/map-run.js';
import type { ExplorerData } from './store/state.js';
import { createExplorerStore, type ExplorerStore } from './store/store.js';
import { applyLink, restoreState, startSync } from './store/sync.js';

/** localStorage can throw (privacy modes, sandboxed frames); then the session is not saved. */
function safeStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  try {
    const storage = window.localStorage;
    storage.getItem('probe');
    return storage;
  } catch {
    return { getItem: () => null, setItem: () => {} };
  }
}

export function startExplorer(): { store: ExplorerStore; client: EngineClient } {
  const storage = safeStorage();
  const restored = restoreState({ hash: location.hash, storage, bundled: BUNDLED_FILES });
  const initial: Partial<ExplorerData> = { ...restored.data };
  if (initial.specFiles === undefined || initial.specFiles.length === 0) {
    Object.assign(initial, createDefaultDesign(getExamples(), BUNDLED_FILES));
  }
  const store = createExplorerStore(initial);
  if (restored.linkProblem !== null) {
    store.getState().addNotice(`The link in the address bar was not loaded: ${restored.linkProblem}`);
  }
  startSync(store, {
    storage,
    bundled: BUNDLED_FILES,
    replaceHash: (hash) => history.replaceState(history.state, '', hash),
  });
  window.addEventListener('hashchange', () => {
    const problem = applyLink(store, location.hash, BUNDLED_FILES);
    if (problem !== null) store.getState().addNotice(`The link was not loaded: ${problem}`);
  });
  const client = createBrowserEngineClient({ onNotice: (message) => store.getState().addNotice(message) });
  startAutoCheck(store, { client, bundled: BUNDLED_FILES, examples: getExamples() });
  // Results are never stored; a link that selects a point recomputes them (by the same kind of
  // run: the mapper is deterministic) so the point reappears.
  const env = { client, bundled: BUNDLED_FILES, examples: getExamples() };
  if (restored.pointFrom !== undefined) void runMapper(store, env, restored.pointFrom === 'mapper-unfused');
  else if (store.getState().selectedPoint !== null) void runEvaluate(store, env);
  return { store, client };
}
