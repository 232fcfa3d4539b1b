/** Pure reshaping of streamed sweep points into what the chart, the heatmap and the list show. */
import type { ResolvedKnob, SweepValue } from '../../../worker/sweep-protocol.js';
import type { SweepMetric, SweepPointView } from '../../store/sweep-slice.js';
import { formatSI } from '../results/format.js';

export const METRIC_LABELS: Readonly<Record<SweepMetric, string>> = {
  energy: 'energy',
  latency: 'latency',
  edp: 'EDP',
  area: 'area',
  leakPower: 'leak power',
  offChipAccesses: 'off-chip reads + writes',
};

export const METRIC_UNITS: Readonly<Record<SweepMetric, string>> = {
  energy: 'J', latency: 's', edp: 'J·s', area: 'm²', leakPower: 'W', offChipAccesses: '',
};

/** Unit of a plotted metric, `/op` appended when divided by compute operations. */
export function metricUnit(metric: SweepMetric, perCompute: boolean): string {
  const unit = METRIC_UNITS[metric];
  return perCompute ? `${unit}/op` : unit;
}

/** The metric of a finished point, or null when the point failed or divides by zero ops. */
export function metricValue(point: SweepPointView, metric: SweepMetric, perCompute: boolean): number | null {
  const m = point.point.metrics;
  if (m === null) return null;
  const total = metric === 'offChipAccesses' ? m.offChipAccesses : m[metric];
  if (!perCompute) return total;
  return m.computeOps > 0 ? total / m.computeOps : null;
}

/** Per-component values of a point: energy by component, or latency by component (summed over Einsums). */
export function componentValues(point: SweepPointView, metric: SweepMetric, perCompute: boolean): Record<string, number> {
  const m = point.point.metrics;
  if (m === null) return {};
  const divisor = perCompute && m.computeOps > 0 ? m.computeOps : 1;
  const out: Record<string, number> = {};
  if (metric === 'energy') {
    for (const [component, energy] of Object.entries(m.energyByComponent)) out[component] = energy / divisor;
  } else if (metric === 'latency') {
    for (const record of point.evaluation?.latency ?? []) out[record.component] = (out[record.component] ?? 0) + record.latency / divisor;
  }
  return out;
}

/** Metrics with per-component curves. */
export function hasBreakdown(metric: SweepMetric): boolean {
  return metric === 'energy' || metric === 'latency';
}

export interface LineRow {
  readonly index: number;
  readonly x: number;
  readonly total: number | null;
  readonly [component: string]: number | null;
}

export interface LineSeries {
  /** Rows sorted by knob value; only points whose knob value is a number. */
  readonly rows: readonly LineRow[];
  /** Components with a non-zero value somewhere, in first-seen order. */
  readonly components: readonly string[];
}

/** True when every value of the knob is a number (else the x axis lists the values in order). */
export function isNumericKnob(knob: ResolvedKnob): boolean {
  return knob.values.every((v) => typeof v === 'number');
}

/** One row per finished point of a one-knob sweep; x is the knob value, or its position for text values. */
export function lineSeries(points: readonly SweepPointView[], knob: ResolvedKnob, metric: SweepMetric, perCompute: boolean, breakdown: boolean): LineSeries {
  const numeric = isNumericKnob(knob);
  const components: string[] = [];
  const rows: LineRow[] = [];
  for (const p of points) {
    const value = p.point.knobs[knob.key];
    if (value === undefined) continue;
    const x = numeric ? (value as number) : knob.values.indexOf(value);
    const parts = breakdown && hasBreakdown(metric) ? componentValues(p, metric, perCompute) : {};
    for (const [name, v] of Object.entries(parts)) if (v !== 0 && !components.includes(name)) components.push(name);
    rows.push({ ...parts, index: p.point.index, x, total: metricValue(p, metric, perCompute) });
  }
  rows.sort((a, b) => a.x - b.x);
  return { rows, components };
}

/** For a log axis: values that are not positive become gaps. */
export function positiveOnly(rows: readonly LineRow[], keys: readonly string[]): LineRow[] {
  return rows.map((row) => {
    const out: Record<string, number | null> = { ...row };
    for (const key of keys) if ((out[key] ?? 0) <= 0) out[key] = null;
    return out as LineRow;
  });
}

/** Log axes suit positive values spanning more than a factor of 20. */
export function prefersLogScale(values: readonly number[]): boolean {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length < 2 || finite.some((v) => v <= 0)) return false;
  return Math.max(...finite) / Math.min(...finite) > 20;
}

/** The objectives a sweep's design points are compared on (docs/sweeps.md): lower is better on each. */
const PARETO_OBJECTIVES = ['energy', 'latency', 'area'] as const;

/**
 * Indices of the finished points no other finished point beats: at most as much energy, latency
 * and area, and less of one. Points with equal objectives are all kept.
 */
export function paretoDesigns(points: readonly SweepPointView[]): ReadonlySet<number> {
  const rows = points.flatMap((p) => (p.point.metrics === null ? [] : [{ index: p.point.index, values: PARETO_OBJECTIVES.map((k) => p.point.metrics![k]) }]));
  const beats = (a: readonly number[], b: readonly number[]) => a.every((v, i) => v <= b[i]!) && a.some((v, i) => v < b[i]!);
  return new Set(rows.filter((r) => !rows.some((o) => beats(o.values, r.values))).map((r) => r.index));
}

export interface HeatCell {
  readonly index: number;
  readonly row: number;
  readonly col: number;
  readonly point: SweepPointView | null;
  readonly value: number | null;
}

/** The two-knob grid, first knob along rows; cells of points not finished yet have `point` null. */
export function heatCells(knobs: readonly ResolvedKnob[], points: readonly SweepPointView[], metric: SweepMetric, perCompute: boolean): HeatCell[] {
  const cols = knobs[1]?.values.length ?? 1;
  const rows = knobs[0]?.values.length ?? 0;
  const byIndex = new Map(points.map((p) => [p.point.index, p]));
  return Array.from({ length: rows * cols }, (_, index) => {
    const point = byIndex.get(index) ?? null;
    return { index, row: Math.floor(index / cols), col: index % cols, point, value: point ? metricValue(point, metric, perCompute) : null };
  });
}

/** 0..1 position of a value between min and max (log scale when the range calls for it). */
export function colorPosition(value: number, values: readonly number[]): number {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return 0;
  const log = prefersLogScale(finite);
  const f = (v: number) => (log ? Math.log(v) : v);
  const lo = f(Math.min(...finite));
  const hi = f(Math.max(...finite));
  return hi === lo ? 0.5 : (f(value) - lo) / (hi - lo);
}

/** A blue (low) → yellow → red (high) colour for a 0..1 position. */
export function heatColor(position: number): string {
  const t = Math.min(1, Math.max(0, position));
  const hue = 220 - 220 * t;
  return `hsl(${Math.round(hue)}, 70%, ${Math.round(55 + 10 * Math.sin(Math.PI * t))}%)`;
}

/** A knob value for people: numbers with SI-ish digits, strings and booleans as they are. */
export function knobText(value: SweepValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value !== 'number') return String(value);
  return formatSI(value, '');
}

/** A number as the spec's expressions read it (written into spec text). */
export function numberText(value: number): string {
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return String(value);
}
