/** Re-checks the design ~300 ms after the last edit; only the newest check's errors are shown. */
import type { EngineClient } from '../../../worker/client.js';
import type { ExplorerStore } from '../../store/store.js';
import type { ExampleEntry } from '../examples/catalogue.js';
import { buildDesign } from './design.js';

export const CHECK_DEBOUNCE_MS = 300;

export interface AutoCheckEnv {
  readonly client: EngineClient;
  readonly bundled: Readonly<Record<string, string>>;
  readonly examples: readonly ExampleEntry[];
  readonly debounceMs?: number;
}

/** Starts checking (once now, then after edits); returns a stop function. */
export function startAutoCheck(store: ExplorerStore, env: AutoCheckEnv): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const runCheck = async () => {
    timer = null;
    const design = buildDesign(store.getState(), env.bundled, env.examples);
    const outcome = await env.client.checkDesign(design);
    const actions = store.getState();
    if (outcome.status === 'ok') actions.setCheckErrors(outcome.value.errors);
    else if (outcome.status === 'failed') actions.addNotice(`Spec check failed: ${outcome.message}`);
    // The client already told the user why (crash or no answer in time); the next edit checks again.
    else if (outcome.status === 'crashed') actions.markCheckStalled();
  };
  const schedule = () => {
    store.getState().markCheckStale();
    store.getState().markDesignEdited();
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => void runCheck(), env.debounceMs ?? CHECK_DEBOUNCE_MS);
  };
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.files !== prev.files || state.specFiles !== prev.specFiles || state.variables !== prev.variables) {
      schedule();
    }
  });
  schedule();
  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}
