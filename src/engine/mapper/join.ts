/** Per-Einsum fronts and the join across Einsums (mapper.md §5, §7.5). */
import { parseCompatibility, restrictCompatibility } from './compatibility.js';
import { paretoIndices } from './pareto.js';
import type { EinsumFront, FrontRow, MapperMetric, TemplateFront } from './types.js';

/** Lower job ids first: jobs are ordered simplest first, so ties go to the simplest mapping. */
export function comparePicks(a: FrontRow, b: FrontRow): number {
  for (let i = 0; i < Math.min(a.picks.length, b.picks.length); i++) {
    const d = a.picks[i]![0] - b.picks[i]![0] || a.picks[i]![1] - b.picks[i]![1];
    if (d !== 0) return d;
  }
  return a.picks.length - b.picks.length;
}

function prune(unordered: readonly FrontRow[], metric: MapperMetric): FrontRow[] {
  const rows = [...unordered].sort(comparePicks);
  const keep = paretoIndices(
    rows.map((r) => r.energy),
    rows.map((r) => r.latency),
    metric,
  );
  return keep.map((i) => rows[i]!);
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
export function einsumFront(einsumIndex: number, einsum: string, fronts: readonly TemplateFront[], metric: MapperMetric): EinsumFront {
  const rows: FrontRow[] = [];
  for (const f of fronts) {
    for (let r = 0; r < f.energy.length; r++) {
      rows.push({ energy: f.energy[r]!, latency: f.latency[r]!, picks: [[f.jobId, r]], compat: f.compat[r] ?? '' });
    }
  }
  return { einsumIndex, einsum, rows: pruneByCompat(rows, metric) };
}

/** Every shared tensor's backing memory and fused loops must agree. */
function compatible(left: ReadonlyMap<string, string>, right: ReadonlyMap<string, string>): boolean {
  for (const [tensor, part] of right) {
    const other = left.get(tensor);
    if (other !== undefined && other !== part) return false;
  }
  return true;
}

/**
 * Joins the next Einsum's front onto the prefix front. Energies and latencies add (Einsums run one
 * after another); the result keeps the compatibility of the tensors in `live` (used later).
 */
export function joinFronts(left: readonly FrontRow[], right: EinsumFront, metric: MapperMetric, live: ReadonlySet<string> = new Set()): FrontRow[] {
  const rightParts = right.rows.map((r) => parseCompatibility(r.compat));
  const out: FrontRow[] = [];
  for (const l of left) {
    const leftParts = parseCompatibility(l.compat);
    right.rows.forEach((r, i) => {
      const parts = rightParts[i]!;
      if (!compatible(leftParts, parts)) return;
      const merged = new Map([...leftParts, ...parts]);
      out.push({ energy: l.energy + r.energy, latency: l.latency + r.latency, picks: [...l.picks, ...r.picks], compat: restrictCompatibility(merged, live) });
    });
  }
  return pruneByCompat(out, metric);
}

/** The final Pareto set after all Einsums are joined. */
export function finalFront(rows: readonly FrontRow[], metric: MapperMetric): FrontRow[] {
  return prune(rows, metric);
}
