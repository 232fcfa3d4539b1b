/** Opening a mapper front point: its mapping is evaluated in the worker the first time it is shown. */
import type { EngineClient } from '../../../worker/client.js';
import type { ExplorerStore } from '../../store/store.js';
import type { ResultSet } from '../results/points.js';

export const POINT_FAILED_MESSAGE = 'This Pareto point could not be re-evaluated';

/**
 * Evaluates point `index` of `results` unless it already is; the answer lands only if the store
 * still holds the same results (a newer run or a newer click wins).
 */
export async function loadPointEvaluation(store: ExplorerStore, client: EngineClient, results: ResultSet, index: number): Promise<void> {
  const point = results.points[index];
  if (point === undefined || point.evaluation !== null || point.mappingYaml === undefined || results.design === undefined) return;
  const outcome = await client.evaluatePoint(results.design, point.mappingYaml);
  const actions = store.getState();
  if (outcome.status === 'stale' || outcome.status === 'cancelled') return;
  if (outcome.status !== 'ok') {
    actions.addNotice(`${POINT_FAILED_MESSAGE}: ${outcome.message}`);
    return;
  }
  const { evaluation, errors } = outcome.value;
  if (evaluation === null) {
    actions.addNotice(`${POINT_FAILED_MESSAGE}: ${errors[0]?.message ?? 'unknown error'}`);
    return;
  }
  actions.setPointEvaluation(results, index, evaluation);
}
