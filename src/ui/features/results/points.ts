/** Result points: one evaluated mapping each (the evaluated spec mapping now, the mapper's Pareto front later). */
import type { EvaluationData } from '../../../engine/index.js';

export type PointSource = 'evaluate' | 'mapper';

/** One point of the Pareto chart with everything the result views need to show it. */
export interface ResultPoint {
  readonly energy: number;
  readonly latency: number;
  readonly edp: number;
  readonly evaluation: EvaluationData;
}

export interface ResultSet {
  readonly source: PointSource;
  readonly points: readonly ResultPoint[];
}

export const NO_MAPPING_MESSAGE = 'This spec has no mapping: add a mapping: section or use Find mappings';

export function pointFromEvaluation(evaluation: EvaluationData): ResultPoint {
  const { energy, latency, edp } = evaluation.totals;
  return { energy, latency, edp, evaluation };
}

/** Index of the point with the lowest energy (ties: first), or null when there are none. */
export function bestEnergyIndex(points: readonly ResultPoint[]): number | null {
  let best: number | null = null;
  points.forEach((p, i) => {
    if (best === null || p.energy < points[best]!.energy) best = i;
  });
  return best;
}

/** The point the result views show: the selected one if it exists, else the lowest-energy one. */
export function shownPointIndex(points: readonly ResultPoint[], selected: number | null): number | null {
  if (selected !== null && selected >= 0 && selected < points.length) return selected;
  return bestEnergyIndex(points);
}
