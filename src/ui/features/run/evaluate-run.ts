/** The Evaluate button's work: evaluate the spec's mapping in the worker and store the outcome. */
import type { EngineClient } from '../../../worker/client.js';
import type { ExplorerStore } from '../../store/store.js';
import type { ExampleEntry } from '../examples/catalogue.js';
import { NO_MAPPING_MESSAGE, pointFromEvaluation } from '../results/points.js';
import { buildDesign } from './design.js';

export interface RunEnv {
  readonly client: EngineClient;
  readonly bundled: Readonly<Record<string, string>>;
  readonly examples: readonly ExampleEntry[];
}

export const EVALUATE_FAILED_MESSAGE = 'The evaluation found problems in the spec; see Problems below.';

/** Evaluates the current design; cancel and newer runs are handled by the client's 'run' channel. */
export async function runEvaluate(store: ExplorerStore, env: RunEnv): Promise<void> {
  const state = store.getState();
  state.setRunStatus('evaluating');
  const outcome = await env.client.evaluateDesign(buildDesign(state, env.bundled, env.examples));
  const actions = store.getState();
  if (outcome.status === 'stale' || outcome.status === 'cancelled') return;
  if (outcome.status === 'crashed' || outcome.status === 'failed') {
    actions.addNotice(`Evaluate failed: ${outcome.message}`);
    actions.setRunStatus('failed');
    return;
  }
  const { errors, evaluation, noMapping } = outcome.value;
  if (evaluation === null) {
    actions.setRunOutcome({ results: null, errors: noMapping ? [] : errors, message: noMapping ? NO_MAPPING_MESSAGE : EVALUATE_FAILED_MESSAGE });
    actions.setRunStatus(noMapping ? 'idle' : 'failed');
    return;
  }
  actions.setRunOutcome({ results: { source: 'evaluate', points: [pointFromEvaluation(evaluation)] }, errors: [], message: null });
  actions.setRunStatus('idle');
}
