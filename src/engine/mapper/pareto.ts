/** Pareto kernels over (energy, latency) columns; deterministic tie-breaking. */
import type { MapperMetric } from './types.js';

/** Row indices of the Pareto set, sorted by (energy, latency, index); exact duplicates keep the first. */
export function paretoIndices(energy: ArrayLike<number>, latency: ArrayLike<number>, metric: MapperMetric, count = energy.length): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  if (metric === 'energy') return bestBy(order, energy, latency);
  if (metric === 'latency') return bestBy(order, latency, energy);
  order.sort((a, b) => energy[a]! - energy[b]! || latency[a]! - latency[b]! || a - b);
  const out: number[] = [];
  let bestLatency = Infinity;
  for (const i of order) {
    if (latency[i]! < bestLatency) {
      out.push(i);
      bestLatency = latency[i]!;
    }
  }
  return out;
}

/** 1-D: the rows with the minimum primary value; the secondary value breaks ties, then the index. */
function bestBy(order: number[], primary: ArrayLike<number>, secondary: ArrayLike<number>): number[] {
  let best = -1;
  for (const i of order) {
    if (best < 0 || primary[i]! < primary[best]! || (primary[i] === primary[best] && secondary[i]! < secondary[best]!)) best = i;
  }
  return best < 0 ? [] : [best];
}

/** The value the search minimises for a complete mapping. */
export function objective(metric: MapperMetric, energy: number, latency: number): number {
  if (metric === 'energy') return energy;
  if (metric === 'latency') return latency;
  return energy * latency;
}

/** The objectives a metric minimises, in Pareto-column order: EDP keeps energy and latency apart. */
export function metricObjectives(metric: MapperMetric, energy: number, latency: number): number[] {
  if (metric === 'edp') return [energy, latency];
  return [metric === 'latency' ? latency : energy];
}
