/**
 * Metric sets (docs/mapper.md §4): which of energy, latency, EDP and resource usage the answer is
 * the Pareto set over. The search itself keeps energy and latency apart whenever both matter.
 */
import { specError, SpecErrorException } from '../base/errors.js';
import { METRICS } from '../spec/schema/mapper.js';
import type { MapperMetric } from './types.js';

export interface MetricSet {
  readonly energy: boolean;
  readonly latency: boolean;
  readonly edp: boolean;
  /** Peak bits of every finite memory are objectives too. */
  readonly resourceUsage: boolean;
}

/** The names `--metrics` accepts, with their `mapper.metrics` bits. */
export const METRIC_NAMES: Readonly<Record<string, number>> = {
  energy: METRICS.ENERGY,
  latency: METRICS.LATENCY,
  edp: METRICS.ENERGY_DELAY_PRODUCT,
  resource_usage: METRICS.RESOURCE_USAGE,
  dynamic_energy: METRICS.DYNAMIC_ENERGY,
  leak_energy: METRICS.LEAK_ENERGY,
};

/**
 * The metric set of a `mapper.metrics` bitmask. ACTIONS and DETAILED_MEMORY_USAGE are reports,
 * not objectives. Dynamic and leak energy apart need per-row split energies the search does not
 * keep yet, so they are refused rather than silently replaced by total energy.
 */
export function metricSetOf(bits: number): MetricSet {
  if (bits & (METRICS.DYNAMIC_ENERGY | METRICS.LEAK_ENERGY)) {
    throw new SpecErrorException(
      specError('mapper', 'mapper.metrics: DYNAMIC_ENERGY (4) and LEAK_ENERGY (8) are not supported as objectives yet', {
        path: ['mapper', 'metrics'],
        hint: 'Use ENERGY (2), the sum of dynamic and leak energy, with LATENCY (1), ENERGY_DELAY_PRODUCT (128) or RESOURCE_USAGE (16).',
      }),
    );
  }
  const set = {
    energy: (bits & METRICS.ENERGY) !== 0,
    latency: (bits & METRICS.LATENCY) !== 0,
    edp: (bits & METRICS.ENERGY_DELAY_PRODUCT) !== 0,
    resourceUsage: (bits & METRICS.RESOURCE_USAGE) !== 0,
  };
  // Resource usage alone still needs a figure to trade against: energy, as the default.
  return set.energy || set.latency || set.edp ? set : { ...set, energy: true };
}

/** The metric set a single `--metric` stands for. */
export function metricSetOfMetric(metric: MapperMetric, resourceUsage = false): MetricSet {
  return { energy: metric === 'energy', latency: metric === 'latency', edp: metric === 'edp', resourceUsage };
}

/** What the search and the join prune on: energy and latency apart whenever both matter. */
export function searchMetric(set: MetricSet): MapperMetric {
  if (set.edp || (set.energy && set.latency)) return 'edp';
  return set.latency ? 'latency' : 'energy';
}

/** One answer (no front): a single figure is minimised. */
export function isSingleObjective(set: MetricSet): boolean {
  return !set.resourceUsage && [set.energy, set.latency, set.edp].filter(Boolean).length === 1;
}

/** The final front's columns (usage columns, when chosen, come after these). */
export function frontObjectives(set: MetricSet, energy: number, latency: number): number[] {
  const out: number[] = [];
  if (set.energy) out.push(energy);
  if (set.latency) out.push(latency);
  if (set.edp) out.push(energy * latency);
  return out;
}
