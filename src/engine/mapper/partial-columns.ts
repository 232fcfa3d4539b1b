/**
 * Pareto columns of partial tile choices (docs/mapper.md §3.6, without a CAS). After some rank
 * variables are chosen, each objective polynomial splits into groups of monomials with the same
 * unchosen part U ≥ 1; the chosen parts of a group sum to one column. A row no worse in every
 * column (and equal in every "diff" key) is no worse for every completion, so the other can go.
 */
import { CompiledPoly, loopProduct, type Poly, type TemplatePolys } from '../model/index.js';
import { loopRankVariables } from './tile-shapes.js';
import type { MapperMetric, TemplateJob } from './types.js';

/** The loops of one rank variable (a bit set) and the product of their trip counts. */
export interface RankProduct {
  readonly mask: number;
  readonly bound: number;
}

/** Each rank variable's loops: their trip counts always multiply to the rank's bound. */
export function rankProducts(job: TemplateJob): RankProduct[] {
  const masks = new Map<string, number>();
  loopRankVariables(job).forEach((v, i) => masks.set(v, (masks.get(v) ?? 0) | (1 << i)));
  return [...masks].map(([v, mask]) => ({ mask, bound: job.modelEinsum.rankBounds[v] ?? 1 }));
}

/** The largest product of the trip counts of the loops in `mask`: per loop its maximum, per rank variable at most its bound. */
export function maxOfLoops(mask: number, ranks: readonly RankProduct[], loopMax: Int32Array): number {
  let product = 1;
  for (const r of ranks) {
    const loops = mask & r.mask;
    if (loops === 0) continue;
    let each = 1;
    for (let i = 0; i < 32; i++) if ((loops >>> i) & 1) each *= loopMax[i]!;
    product *= Math.min(each, r.bound);
  }
  return product;
}

/**
 * `poly` with every full set of one rank variable's loops replaced by the rank's bound (exact
 * under perfect tiling), so monomials that differ only in such sets share a column.
 */
export function foldRankProducts(poly: Poly, ranks: readonly RankProduct[]): Poly {
  const out = new Map<number, number>();
  for (const [mask, coeff] of poly) {
    let m = mask;
    let c = coeff;
    for (const r of ranks) {
      if ((m & r.mask) === r.mask) {
        m &= ~r.mask;
        c *= r.bound;
      }
    }
    const sum = (out.get(m) ?? 0) + c;
    if (sum === 0) out.delete(m);
    else out.set(m, sum);
  }
  return out;
}

/** Per power-gateable spatial dimension: the product of the template's spatial loops on it. */
function gateableSpatialUse(job: TemplateJob): Poly[] {
  const loops = job.nodes.filter((n) => n.kind !== 'storage');
  return job.modelEinsum.arch.flatMap((leaf) =>
    leaf.spatial
      .filter((dim) => dim.powerGateable)
      .map((dim) => loopProduct(loops.flatMap((n, i) => (n.kind === 'spatial' && n.component === leaf.name && n.dim === dim.name ? [i] : []))))
      .filter((poly) => [...poly.keys()].some((mask) => mask !== 0)),
  );
}

/** What the pruning of one step compares; all lists index the template's loop list. */
export interface StepColumns {
  /** Columns to minimise (known parts of objective and capacity polynomials, ≤ products). */
  readonly minimise: readonly CompiledPoly[];
  /** Loop products that must match exactly (fused tiles, min_usage and other exact checks). */
  readonly exact: readonly (readonly number[])[];
  /** Lower bounds on each memory's occupancy over all completions, with the memory size. */
  readonly capacity: readonly { readonly memory: string; readonly bound: CompiledPoly; readonly size: number }[];
}

/** Splits `poly` by the unchosen part of its monomials; keeps the groups that vary with the chosen loops. */
function knownColumns(poly: Poly, known: number): Poly[] {
  const groups = new Map<number, Map<number, number>>();
  for (const [mask, coeff] of poly) {
    const unknown = mask & ~known;
    const group = groups.get(unknown) ?? new Map<number, number>();
    group.set(mask & known, (group.get(mask & known) ?? 0) + coeff);
    groups.set(unknown, group);
  }
  return [...groups.values()].filter((g) => [...g.keys()].some((m) => m !== 0));
}

/**
 * A lower bound of `poly` over completions: unchosen products are at least 1, and at most the
 * product of their rank variables' bounds (used for negative coefficients).
 */
function lowerBound(poly: Poly, known: number, maxOfUnknown: (mask: number) => number): Poly {
  const out = new Map<number, number>();
  for (const [mask, coeff] of poly) {
    const unknown = mask & ~known;
    const factor = coeff < 0 && unknown !== 0 ? maxOfUnknown(unknown) : 1;
    out.set(mask & known, (out.get(mask & known) ?? 0) + coeff * factor);
  }
  return out;
}

/** Columns for the step where the loops in `known` are chosen and those in `unknown` are not. */
export function stepColumns(
  job: TemplateJob,
  polys: TemplatePolys,
  metric: MapperMetric,
  known: number,
  loopMax: Int32Array,
  fusedLoops: readonly number[],
): StepColumns {
  const objectives: Poly[] = [];
  if (metric !== 'latency' || polys.leaks) objectives.push(polys.dynamicEnergy);
  if (metric !== 'energy' || polys.leaks) objectives.push(...polys.calls);
  objectives.push(...polys.occupancy.map((o) => o.poly));
  // Leak through a power-gateable dimension grows with the instances used there.
  if (polys.leaks) objectives.push(...gateableSpatialUse(job));
  const ranks = rankProducts(job);
  const maxOfUnknown = (mask: number): number => maxOfLoops(mask, ranks, loopMax);
  const minimise = objectives.flatMap((p) => knownColumns(foldRankProducts(p, ranks), known)).map((p) => new CompiledPoly(p));
  const isKnown = (i: number): boolean => ((known >>> i) & 1) === 1;
  // Checks whose loops are all chosen still count: only complete rows are checked against them.
  const open = (loops: readonly number[]): boolean => loops.some(isKnown);
  const exact: number[][] = fusedLoops.filter(isKnown).map((i) => [i]);
  const exactLoops = new Set<string>();
  for (const check of job.minUsage) {
    if (!open(check.loops)) continue;
    exact.push(check.loops.filter(isKnown));
    exactLoops.add(check.loops.join(','));
  }
  for (const check of job.checks) {
    if (check.each || !open(check.loops) || exactLoops.has(check.loops.join(','))) continue;
    const loops = check.loops.filter(isKnown);
    if (check.operator === '<=' || check.operator === '<') minimise.push(new CompiledPoly(loopProduct(loops)));
    else exact.push(loops);
  }
  const capacity = polys.occupancy.map((o) => ({ memory: o.memory, bound: new CompiledPoly(lowerBound(foldRankProducts(o.poly, ranks), known, maxOfUnknown)), size: o.size }));
  return { minimise, exact, capacity };
}
