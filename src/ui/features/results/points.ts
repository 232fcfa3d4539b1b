/** Result points: one mapping each (the evaluated spec mapping, or a point of the mapper's Pareto front). */
import type { DesignFiles, EvaluationData, MapDesignResult } from '../../../engine/index.js';

export type PointSource = 'evaluate' | 'mapper';

/** One point of the Pareto chart; a mapper front point is evaluated only once it is opened. */
export interface ResultPoint {
  readonly energy: number;
  readonly latency: number;
  readonly edp: number;
  /** null until the point's mapping was evaluated (see `mappingYaml`). */
  readonly evaluation: EvaluationData | null;
  /** A mapper front point's mapping, re-evaluated on demand. */
  readonly mappingYaml?: string;
  /** Runs with memory usage as an objective: peak bits held in each finite memory. */
  readonly usage?: Readonly<Record<string, number>>;
  /** The architecture's area (m²), the same for every mapping of one design. */
  readonly area?: number;
  /** A mapper front point's mapping key: what a share link names it by. */
  readonly mappingKey?: string;
}

/** A point whose breakdowns can be drawn. */
export type EvaluatedPoint = ResultPoint & { readonly evaluation: EvaluationData };

/** Best energy and latency of one mapper run, for the fused versus unfused comparison. */
export interface RunSummary {
  readonly front: readonly { readonly energy: number; readonly latency: number }[];
  /** The mapper's chosen mapping (by its metric), or null when the run failed. */
  readonly best: { readonly energy: number; readonly latency: number; readonly edp: number } | null;
  readonly seconds: number | null;
  /** Why the run has no result. */
  readonly error: string | null;
}

export interface FusedComparison {
  readonly fused: RunSummary;
  readonly unfused: RunSummary;
}

export interface ResultSet {
  readonly source: PointSource;
  readonly points: readonly ResultPoint[];
  /** The point shown when none is selected (the mapper's choice); default: lowest energy. */
  readonly defaultIndex?: number;
  /** The design the points were computed from, so opening a point later evaluates the same spec. */
  readonly design?: DesignFiles;
  readonly comparison?: FusedComparison;
  /** A mapper run with every tensor kept in the outermost memory. */
  readonly unfused?: boolean;
}

export const NO_MAPPING_MESSAGE = 'This spec has no mapping: add a mapping: section or use Find mappings';

export function pointFromEvaluation(evaluation: EvaluationData): ResultPoint {
  const { energy, latency, edp } = evaluation.totals;
  return { energy, latency, edp, evaluation };
}

/** Every point of the mapper's final front; only the chosen one comes evaluated. */
export function pointsFromMapping(mapped: MapDesignResult): ResultPoint[] {
  if (mapped.front.length === 0) return mapped.evaluation === null ? [] : [pointFromEvaluation(mapped.evaluation)];
  const area = mapped.evaluation?.totals.area;
  const extras = (p: MapDesignResult['front'][number]) => ({ ...(p.usage ? { usage: p.usage } : {}), ...(area !== undefined ? { area } : {}) });
  return mapped.front.map((p, i) => {
    const evaluation = i === mapped.bestIndex ? mapped.evaluation : null;
    if (evaluation !== null) return { ...pointFromEvaluation(evaluation), ...extras(p), mappingYaml: p.mappingYaml, mappingKey: p.mappingKey };
    return { energy: p.energy, latency: p.latency, edp: p.energy * p.latency, ...extras(p), evaluation: null, mappingYaml: p.mappingYaml, mappingKey: p.mappingKey };
  });
}

export function isEvaluated(point: ResultPoint | null | undefined): point is EvaluatedPoint {
  return point !== null && point !== undefined && point.evaluation !== null;
}

/** Index of the point with the lowest energy (ties: first), or null when there are none. */
export function bestEnergyIndex(points: readonly ResultPoint[]): number | null {
  let best: number | null = null;
  points.forEach((p, i) => {
    if (best === null || p.energy < points[best]!.energy) best = i;
  });
  return best;
}

/** The point the result views show: the selected one if it exists, else `fallback`, else the lowest-energy one. */
export function shownPointIndex(points: readonly ResultPoint[], selected: number | null, fallback?: number): number | null {
  const valid = (i: number | null | undefined): i is number => i !== null && i !== undefined && i >= 0 && i < points.length;
  if (valid(selected)) return selected;
  if (valid(fallback)) return fallback;
  return bestEnergyIndex(points);
}
