/** Pure reshaping of an evaluation into rows the charts and the CSV download use. */
import type { EnergyRecord, EvaluationData } from '../../../engine/index.js';
import type { BreakdownBy, ParetoAxis, StackBy } from '../../store/view-slice.js';
import type { ResultPoint } from './points.js';

/** One bar: its label plus one numeric field per stack key. */
export type BarRow = { readonly name: string } & Readonly<Record<string, number | string>>;

export interface StackedBars {
  readonly rows: readonly BarRow[];
  /** Stack keys in first-seen order. */
  readonly keys: readonly string[];
  /** Sum over all bars. */
  readonly total: number;
}

export const NO_TENSOR = '(no tensor)';

function keyOf(record: EnergyRecord, by: BreakdownBy | StackBy): string {
  if (by === 'tensor') return record.tensor ?? NO_TENSOR;
  return record[by];
}

/** Energy grouped along x by `groupBy` and stacked by `stackBy`; `scale` divides every value. */
export function energyBars(data: EvaluationData, groupBy: BreakdownBy, stackBy: StackBy, perCompute: boolean): StackedBars {
  const divisor = perCompute && data.totals.computeOps > 0 ? data.totals.computeOps : 1;
  const groups = new Map<string, Map<string, number>>();
  const keys: string[] = [];
  let total = 0;
  for (const record of data.energy) {
    if (record.energy === 0) continue;
    const group = keyOf(record, groupBy);
    const stack = keyOf(record, stackBy);
    if (!keys.includes(stack)) keys.push(stack);
    const bar = groups.get(group) ?? new Map<string, number>();
    bar.set(stack, (bar.get(stack) ?? 0) + record.energy / divisor);
    groups.set(group, bar);
    total += record.energy / divisor;
  }
  const rows = [...groups].map(([name, stacks]) => ({ name, ...Object.fromEntries(stacks) }) as BarRow);
  return { rows, keys, total };
}

/** Latency per component, one bar segment per Einsum (Einsums run one after another). */
export function latencyBars(data: EvaluationData): StackedBars {
  const groups = new Map<string, Map<string, number>>();
  const keys: string[] = [];
  for (const record of data.latency) {
    if (!keys.includes(record.einsum)) keys.push(record.einsum);
    const bar = groups.get(record.component) ?? new Map<string, number>();
    bar.set(record.einsum, (bar.get(record.einsum) ?? 0) + record.latency);
    groups.set(record.component, bar);
  }
  const rows = [...groups].map(([name, stacks]) => ({ name, ...Object.fromEntries(stacks) }) as BarRow);
  return { rows, keys, total: data.totals.latency };
}

/** Peak occupancy per memory level, as a percentage. */
export function memoryBars(data: EvaluationData): { name: string; percent: number }[] {
  return data.memoryUsage
    .filter((m) => m.einsum === undefined)
    .map((m) => ({ name: m.component, percent: m.fraction * 100 }));
}

/** For a log axis: drops non-positive segments (log 0 is undefined) and gives the padded domain. */
export function forLogAxis(bars: StackedBars): { rows: BarRow[]; domain: [number, number] } {
  const values: number[] = [];
  const rows = bars.rows.map((row) => {
    const kept: Record<string, number | string> = { name: row.name };
    for (const key of bars.keys) {
      const v = row[key];
      if (typeof v === 'number' && v > 0) {
        kept[key] = v;
        values.push(v);
      }
    }
    return kept as BarRow;
  });
  return { rows, domain: logDomain(values) };
}

export function axisValue(point: ResultPoint, axis: ParetoAxis): number {
  return point[axis];
}

export const AXIS_UNITS: Readonly<Record<ParetoAxis, string>> = { energy: 'J', latency: 's', edp: 'J·s' };

/** A log-axis domain around the values, padded so a single point sits inside the plot. */
export function logDomain(values: readonly number[]): [number, number] {
  const positive = values.filter((v) => v > 0);
  if (positive.length === 0) return [1, 10];
  return [Math.min(...positive) / 2, Math.max(...positive) * 2];
}

/** Tensors in the order they first appear in the mapping, for one colour per tensor everywhere. */
export function tensorOrder(data: EvaluationData): string[] {
  const seen: string[] = [];
  const visit = (nodes: EvaluationData['loopTree']) => {
    for (const node of nodes) {
      if (node.kind === 'storage' || node.kind === 'toll') for (const t of node.tensors) if (!seen.includes(t)) seen.push(t);
      visit(node.children);
    }
  };
  visit(data.loopTree);
  for (const e of data.energy) if (e.tensor !== null && !seen.includes(e.tensor)) seen.push(e.tensor);
  return seen;
}

const CSV_COLUMNS = ['einsum', 'component', 'tensor', 'action', 'count', 'energy_J'] as const;

/** Action counts joined with their energies, one row per (einsum, component, tensor, action). */
export function resultsCsv(data: EvaluationData): string {
  const counts = new Map(data.actions.map((a) => [`${a.einsum}|${a.component}|${a.tensor ?? ''}|${a.action}`, a.count]));
  const lines = data.energy.map((e) => {
    const count = counts.get(`${e.einsum}|${e.component}|${e.tensor ?? ''}|${e.action}`) ?? 0;
    return [e.einsum, e.component, e.tensor ?? '', e.action, String(count), String(e.energy)].map(csvCell).join(',');
  });
  return [CSV_COLUMNS.join(','), ...lines].join('\n') + '\n';
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
