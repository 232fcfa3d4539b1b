/** The sweep Run and Cancel buttons' work: stream the points of the store's sweep into the store. */
import type { EngineClient } from '../../../worker/client.js';
import type { SweepRequest } from '../../../worker/sweep-protocol.js';
import type { ExplorerState } from '../../store/state.js';
import type { ExplorerStore } from '../../store/store.js';
import type { RunEnv } from '../run/evaluate-run.js';
import { buildDesign } from '../run/design.js';

/** The request for the store's design, mapper settings and sweep knobs (blank knobs dropped). */
export function sweepRequest(state: ExplorerState, env: Omit<RunEnv, 'client'>): SweepRequest {
  const { metric, maxFusedLoops, timeLimitSeconds } = state.mapper;
  return {
    design: buildDesign(state, env.bundled, env.examples),
    knobs: state.sweep.knobs.filter((k) => k.key.trim() !== '').map((k) => ({ key: k.key.trim(), values: k.values })),
    settings: { metric, maxFusedLoops, timeLimitSeconds },
  };
}

/** Runs the sweep; a newer sweep or Cancel ends this one (its points so far stay). */
export async function runSweepFromStore(store: ExplorerStore, env: RunEnv): Promise<void> {
  const request = sweepRequest(store.getState(), env);
  store.getState().sweepRunStarted();
  const outcome = await env.client.runSweep(request, (event) => {
    const actions = store.getState();
    if (event.kind === 'start') actions.sweepGridKnown(event.knobs, event.total);
    else actions.addSweepPoint({ point: event.point, variables: event.variables, fields: event.fields, evaluation: event.evaluation });
  });
  const actions = store.getState();
  if (outcome.status === 'stale' || outcome.status === 'cancelled') return;
  if (outcome.status === 'crashed' || outcome.status === 'failed') {
    actions.addNotice(`Sweep failed: ${outcome.message}`);
    actions.sweepRunEnded('failed');
    return;
  }
  const { errors, stopped } = outcome.value;
  actions.sweepRunEnded(errors.length > 0 ? 'failed' : stopped ? 'cancelled' : 'done', errors);
}

/** Stops the running sweep at once (its worker is restarted); finished points stay. */
export function cancelSweep(store: ExplorerStore, client: EngineClient): void {
  client.cancel('sweep');
  if (store.getState().sweepRun?.status === 'running') store.getState().sweepRunEnded('cancelled');
}
