/**
 * Pruning for RESOURCE_USAGE joins, where per-group Pareto fronts alone multiply out (a fused
 * transformer pairs every tiling of V with every tiling of K and Q). Complete mappings that
 * fuse nothing are joined first; they are cheap and lie in the same mapspace. A partial row is
 * then dropped when one of them beats a lower bound of every completion of the row: energy and
 * latency only grow by at least the remaining Einsums' minima, and peak usage never shrinks.
 */
import { mostLoops, parseCompatibility } from './compatibility.js';
import { joinFronts, type JoinBound, type JoinLimits } from './join-step.js';
import { metricObjectives } from './pareto.js';
import { peakUsage, type ReservationSpace } from './reservation-join.js';
import type { EinsumFront, FrontRow, MapperMetric } from './types.js';

/** Objective values a row is compared on: the metric's objectives, then bits per memory. */
function objectives(metric: MapperMetric, energy: number, latency: number, usage: readonly number[]): number[] {
  return [...metricObjectives(metric, energy, latency), ...usage];
}

/** ≤ everywhere and < somewhere. */
function strictlyDominates(a: readonly number[], b: readonly number[]): boolean {
  let strict = false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]! > b[i]! * (1 + 1e-12)) return false;
    if (a[i]! < b[i]!) strict = true;
  }
  return strict;
}

/** The most fused loops any tensor of a row sits under. */
function fusedLoopsOf(row: FrontRow): number {
  return mostLoops(parseCompatibility(row.compat).values());
}

/** Complete mappings made only of rows `eligible` accepts, with their objective values. */
function joinSubset(fronts: readonly EinsumFront[], metric: MapperMetric, space: ReservationSpace, liveAfter: (k: number) => ReadonlySet<string>, eligible: (row: FrontRow) => boolean, limits: JoinLimits | undefined, bound?: (k: number) => JoinBound): number[][] {
  let joined: FrontRow[] = [{ energy: 0, latency: 0, picks: [], compat: '' }];
  for (let k = 0; k < fronts.length && joined.length > 0; k++) {
    joined = joinFronts(joined, { ...fronts[k]!, rows: fronts[k]!.rows.filter(eligible) }, metric, liveAfter(k), space, bound?.(k), limits);
  }
  return joined.map((r) => objectives(metric, r.energy, r.latency, peakUsage(space, r.res!)));
}

/**
 * Reference mappings: those that fuse nothing, then (when rows fuse deeper) those with at most
 * one fused loop, joined under the first set's bounds. Both lie in the mapspace being joined.
 */
function referencePoints(fronts: readonly EinsumFront[], metric: MapperMetric, space: ReservationSpace, liveAfter: (k: number) => ReadonlySet<string>, limits: JoinLimits | undefined): number[][] {
  const unfused = joinSubset(fronts, metric, space, liveAfter, (r) => r.res !== undefined && r.res.tensors.size === 0, limits);
  if (unfused.length === 0 || !fronts.some((f) => f.rows.some((r) => fusedLoopsOf(r) > 1))) return unfused;
  const bound = boundsFrom(unfused, fronts, metric, space);
  return [...unfused, ...joinSubset(fronts, metric, space, liveAfter, (r) => r.res !== undefined && fusedLoopsOf(r) <= 1, limits, bound)];
}

/** Per join step k, a filter for rows that have joined Einsums 0..k; undefined when there is no reference. */
export function usageBounds(fronts: readonly EinsumFront[], metric: MapperMetric, space: ReservationSpace, liveAfter: (k: number) => ReadonlySet<string>, limits?: JoinLimits): ((k: number) => JoinBound) | undefined {
  const reference = referencePoints(fronts, metric, space, liveAfter, limits);
  return reference.length === 0 ? undefined : boundsFrom(reference, fronts, metric, space);
}

/** Per join step k, the filter that drops rows some reference point beats for every completion. */
function boundsFrom(reference: readonly number[][], fronts: readonly EinsumFront[], metric: MapperMetric, space: ReservationSpace): (k: number) => JoinBound {
  const n = fronts.length;
  const restEnergy = new Float64Array(n + 1);
  const restLatency = new Float64Array(n + 1);
  const restUsage: number[][] = Array.from({ length: n + 1 }, () => space.memories.map(() => 0));
  const L = space.levels;
  for (let k = n - 1; k >= 0; k--) {
    const rows = fronts[k]!.rows;
    // A reduce, not Math.min(...rows): spreading a large front overflows the call stack.
    const least = (of: (row: FrontRow) => number): number => rows.reduce((min, row) => Math.min(min, of(row)), Infinity);
    restEnergy[k] = restEnergy[k + 1]! + least((r) => r.energy);
    restLatency[k] = restLatency[k + 1]! + least((r) => r.latency);
    restUsage[k] = space.memories.map((_, m) => Math.max(restUsage[k + 1]![m]!, least((r) => r.res?.spine[m * L + L - 1] ?? 0)));
  }
  const peaks = new WeakMap<FrontRow, number[]>();
  const peakOf = (row: FrontRow): number[] => {
    let peak = peaks.get(row);
    if (!peak) peaks.set(row, (peak = row.res ? peakUsage(space, row.res) : space.memories.map(() => 0)));
    return peak;
  };
  const beaten = (k: number, energy: number, latency: number, usage: readonly number[]): boolean => {
    const rest = restUsage[k + 1]!;
    const bound = objectives(metric, energy + restEnergy[k + 1]!, latency + restLatency[k + 1]!, usage.map((bits, m) => Math.max(bits, rest[m]!)));
    return reference.some((point) => strictlyDominates(point, bound));
  };
  return (k) => ({
    // The pair's peak is at least the prefix's peak and the right row's own total.
    mayPair: (left, right) => !beaten(k, left.energy + right.energy, left.latency + right.latency, peakOf(left).map((bits, m) => Math.max(bits, right.res?.spine[m * L + L - 1] ?? 0))),
    keep: (row) => !row.res || !beaten(k, row.energy, row.latency, peakOf(row)),
  });
}
