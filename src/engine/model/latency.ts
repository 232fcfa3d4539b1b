/** Component latency from per-instance action call counts and `total_latency`. */
import { failWith } from '../base/errors.js';
import type { ArchLeaf, LatencyAction, LatencyEvaluator } from './types.js';

/** AccelForge's default `total_latency`. */
export const DEFAULT_TOTAL_LATENCY = 'sum(a.n_calls / a.throughput for a in actions)';
const MAX_PORTS_LATENCY = 'max(a.n_calls / a.throughput for a in actions)';

const squashed = new Map<string, string>();

/** The expression without whitespace (memoised: the same few strings recur constantly). */
function squash(expression: string): string {
  let form = squashed.get(expression);
  if (form === undefined) {
    form = expression.replace(/\s+/g, '');
    if (squashed.size < 1000) squashed.set(expression, form);
  }
  return form;
}

const SUM_FORM = squash(DEFAULT_TOTAL_LATENCY);
const MAX_FORM = squash(MAX_PORTS_LATENCY);

/** How a component's `total_latency` combines its actions' call times, when it is a known form. */
export type LatencyForm = 'sum' | 'max' | 'constant' | 'none' | 'custom';

export function latencyForm(leaf: ArchLeaf): LatencyForm {
  const expression = leaf.totalLatency;
  if (expression === null) return 'none';
  if (typeof expression === 'number') return 'constant';
  const form = squash(expression);
  if (form === SUM_FORM) return 'sum';
  return form === MAX_FORM ? 'max' : 'custom';
}

function callTime(action: LatencyAction): number {
  return action.nCalls === 0 ? 0 : action.nCalls / action.throughput;
}

/** Latency actions with their call counts (actions not counted get 0 calls). */
export function latencyActions(leaf: ArchLeaf, nCalls: ReadonlyMap<string, number>): LatencyAction[] {
  return leaf.actions.map((a) => ({
    name: a.name,
    nCalls: (nCalls.get(a.name) ?? 0) * leaf.actionsScale,
    throughput: a.throughput,
    energy: a.energy,
    latency: a.latency ?? null,
  }));
}

/** Latency of one component in one Einsum, or null when it has no `total_latency`. */
export function componentLatency(
  leaf: ArchLeaf,
  actions: readonly LatencyAction[],
  einsum: string,
  evaluate: LatencyEvaluator | undefined,
): number | null {
  const expression = leaf.totalLatency;
  if (expression === null) return null;
  if (typeof expression === 'number') return expression;
  const form = squash(expression);
  if (form === SUM_FORM) return actions.reduce((sum, a) => sum + callTime(a), 0);
  if (form === MAX_FORM) return actions.reduce((max, a) => Math.max(max, callTime(a)), 0);
  if (evaluate) return evaluate(leaf, expression, actions, einsum);
  return failWith('model', `cannot evaluate total_latency of '${leaf.name}': no expression evaluator`, {
    hint: `expression: ${expression}`,
  });
}
