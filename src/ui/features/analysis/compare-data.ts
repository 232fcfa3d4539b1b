/** Pinned results and the rows of the comparison bars. */
import type { EvaluationData } from '../../../engine/index.js';

/** Headline numbers of one pinned design or mapping. */
export interface PinnedResult {
  readonly id: number;
  readonly label: string;
  readonly energy: number;
  readonly latency: number;
  readonly area: number;
  readonly leakPower: number;
}

export type CompareMetric = 'energy' | 'latency' | 'area';
export const COMPARE_METRICS: readonly CompareMetric[] = ['energy', 'latency', 'area'];
export const COMPARE_UNITS: Readonly<Record<CompareMetric, string>> = { energy: 'J', latency: 's', area: 'm²' };

/** A pin of `evaluation`; ids grow so a label stays unique after unpinning. */
export function pinOf(evaluation: EvaluationData, label: string, existing: readonly PinnedResult[]): PinnedResult {
  const id = existing.reduce((max, p) => Math.max(max, p.id), 0) + 1;
  const { energy, latency, area, leakPower } = evaluation.totals;
  return { id, label: `#${id} ${label}`, energy, latency, area, leakPower };
}

/** A short name for what is shown: the spec files' base names and the Pareto point, if any. */
export function pinLabel(specFiles: readonly string[], point: { index: number; of: number } | null): string {
  const names = specFiles.map((f) => (f.split('/').pop() ?? f).replace(/\.ya?ml$/, ''));
  const where = point === null || point.of <= 1 ? '' : ` · point ${point.index + 1}/${point.of}`;
  return `${names.join(' + ')}${where}`;
}

/** One bar per pin for one metric. */
export function compareRows(pins: readonly PinnedResult[], metric: CompareMetric): { name: string; value: number; id: number }[] {
  return pins.map((p) => ({ name: p.label, value: p[metric], id: p.id }));
}
