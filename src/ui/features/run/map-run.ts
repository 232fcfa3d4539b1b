/** The Run mapper button's work: map the design in the worker and store its best mapping. */
import type { ExplorerStore } from '../../store/store.js';
import { pointFromEvaluation } from '../results/points.js';
import { buildDesign } from './design.js';
import type { RunEnv } from './evaluate-run.js';

export const MAP_FAILED_MESSAGE = 'The mapper found no valid mapping or the spec has problems; see Problems below.';

/** Maps the current design with the mapper settings of the store. */
export async function runMapper(store: ExplorerStore, env: RunEnv): Promise<void> {
  const state = store.getState();
  state.setRunStatus('mapping');
  const { metric, maxFusedLoops, timeLimitSeconds } = state.mapper;
  const outcome = await env.client.mapDesign(buildDesign(state, env.bundled, env.examples), { metric, maxFusedLoops, timeLimitSeconds });
  const actions = store.getState();
  if (outcome.status === 'stale' || outcome.status === 'cancelled') return;
  if (outcome.status === 'crashed' || outcome.status === 'failed') {
    actions.addNotice(`Mapper failed: ${outcome.message}`);
    actions.setRunStatus('failed');
    return;
  }
  const { errors, evaluation, stats } = outcome.value;
  if (evaluation === null) {
    actions.setRunOutcome({ results: null, errors, message: MAP_FAILED_MESSAGE });
    actions.setRunStatus('failed');
    return;
  }
  actions.setRunOutcome({ results: { source: 'mapper', points: [pointFromEvaluation(evaluation)] }, errors: [], message: null });
  if (stats) actions.addNotice(`Mapper: ${stats.templates} templates, ${stats.evaluated} tile shapes evaluated in ${stats.seconds.toFixed(1)} s.`);
  actions.setRunStatus('idle');
}
