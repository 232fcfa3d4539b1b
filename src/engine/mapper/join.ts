/** Per-Einsum fronts, Pareto pruning and the final front (docs/mapper.md §5, §7.3); one join step is in join-step.ts. */
import { metricObjectives, paretoIndices } from './pareto.js';
import { frontObjectives, isSingleObjective, searchMetric, type MetricSet } from './pareto-metrics.js';
import { paretoMinimal } from './pareto-minimal.js';
import { peakUsage, rowState, stateColumns, type ReservationSpace } from './reservation-join.js';
import type { ReservationLayout } from './reservations.js';
import type { EinsumFront, FrontRow, MapperMetric, TemplateFront } from './types.js';

/** Runs whose rows carry reservations: the tracked memories and each template's reservation layout. */
export interface UsageTracking {
  readonly space: ReservationSpace;
  readonly layouts: ReadonlyMap<number, ReservationLayout>;
}

/** Lower job ids first: jobs are ordered simplest first, so ties go to the simplest mapping. */
export function comparePicks(a: FrontRow, b: FrontRow): number {
  for (let i = 0; i < Math.min(a.picks.length, b.picks.length); i++) {
    const d = a.picks[i]![0] - b.picks[i]![0] || a.picks[i]![1] - b.picks[i]![1];
    if (d !== 0) return d;
  }
  return a.picks.length - b.picks.length;
}

/** The Pareto-optimal rows; `poll` (a StopCheck tick) is called per row when the filter is quadratic. */
export function prune(unordered: readonly FrontRow[], metric: MapperMetric, poll?: () => void): FrontRow[] {
  const rows = [...unordered].sort(comparePicks);
  if (rows[0]?.res) return pruneWithUsage(rows, metric, (r) => stateColumns(r.res!), poll);
  const keep = paretoIndices(
    rows.map((r) => r.energy),
    rows.map((r) => r.latency),
    metric,
  );
  return keep.map((i) => rows[i]!);
}

/** Pareto over the metric's objectives and the given usage columns (rows already in pick order). */
function pruneWithUsage(rows: readonly FrontRow[], metric: MapperMetric, usage: (row: FrontRow) => ArrayLike<number>, poll?: () => void): FrontRow[] {
  const head = (row: FrontRow): number[] => metricObjectives(metric, row.energy, row.latency);
  const objectives = head(rows[0]!).length;
  const width = objectives + usage(rows[0]!).length;
  const values = new Float64Array(rows.length * width);
  rows.forEach((row, r) => {
    values.set(head(row), r * width);
    values.set(usage(row), r * width + objectives);
  });
  return paretoMinimal(values, width, [...rows.keys()], poll).sort((a, b) => a - b).map((r) => rows[r]!);
}

/** Pareto-prunes inside each compatibility group (rows of different groups are not comparable). */
function pruneByCompat(rows: readonly FrontRow[], metric: MapperMetric): FrontRow[] {
  const groups = new Map<string, FrontRow[]>();
  for (const row of rows) {
    const group = groups.get(row.compat);
    if (group) group.push(row);
    else groups.set(row.compat, [row]);
  }
  return [...groups.keys()].sort().flatMap((key) => prune(groups.get(key)!, metric));
}

/** Pareto front of one Einsum over all its templates (and computes). */
export function einsumFront(einsumIndex: number, einsum: string, fronts: readonly TemplateFront[], metric: MapperMetric, usage?: UsageTracking): EinsumFront {
  const rows: FrontRow[] = [];
  for (const f of fronts) {
    const layout = usage?.layouts.get(f.jobId);
    for (let r = 0; r < f.energy.length; r++) {
      const res = usage && layout && f.reservations ? { res: rowState(usage.space, layout, f.reservations, r) } : {};
      rows.push({ energy: f.energy[r]!, latency: f.latency[r]!, picks: [[f.jobId, r]], compat: f.compat[r] ?? '', ...res });
    }
  }
  return { einsumIndex, einsum, rows: pruneByCompat(rows, metric) };
}

/**
 * The final Pareto set after all Einsums are joined: over the chosen metrics, with each finite
 * memory's peak usage as objectives when RESOURCE_USAGE is chosen. A single objective keeps its
 * energy/latency front (EDP picks its point from it).
 */
export function finalFront(rows: readonly FrontRow[], metrics: MetricSet, space?: ReservationSpace): FrontRow[] {
  const usage = metrics.resourceUsage && space && rows[0]?.res ? (r: FrontRow) => peakUsage(space, r.res!) : undefined;
  if (!usage && isSingleObjective(metrics)) return prune(rows, searchMetric(metrics));
  const ordered = [...rows].sort(comparePicks);
  const columns = (r: FrontRow): number[] => [...frontObjectives(metrics, r.energy, r.latency), ...(usage ? usage(r) : [])];
  const width = columns(ordered[0] ?? { energy: 0, latency: 0, picks: [], compat: '' }).length;
  const values = new Float64Array(ordered.length * width);
  ordered.forEach((row, r) => values.set(columns(row), r * width));
  return paretoMinimal(values, width, [...ordered.keys()]).sort((a, b) => a - b).map((r) => ordered[r]!);
}
