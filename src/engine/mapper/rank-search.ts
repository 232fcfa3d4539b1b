/**
 * Tile-shape search one rank variable at a time (docs/mapper.md §3.5): after each rank variable's
 * choices are added, partial rows that another partial row beats in every Pareto column of
 * partial-columns.ts are dropped, so later rank variables multiply a small set.
 */
import type { TemplatePolys } from '../model/index.js';
import { stepColumns, type StepColumns } from './partial-columns.js';
import { paretoMinimal } from './pareto-minimal.js';
import { LastRankFigures } from './last-rank.js';
import type { RankChains } from './tile-shapes.js';
import type { MemoryBudget } from './memory-budget.js';
import { checksOk, fusedFlags, fusedLoopsOk, loopMaxima, type AssignmentVisitor } from './tile-enumerate.js';
import { crossRankChecks, setChain, signatureGroups, viableChains, watchedLoopSets } from './chain-groups.js';
import type { MapperMetric, PruneCounts, TemplateJob } from './types.js';

/** Below this many partial rows, pruning costs more than it saves (as in AccelForge). */
const PRUNE_AT = 1000;
const MIN_GROWTH = 4;
const SLACK = 1 + 1e-9;

export interface RankSearchOptions {
  readonly polys: TemplatePolys;
  readonly metric: MapperMetric;
  /** Skips a partial assignment when it returns true (e.g. it cannot reach a min_usage level). */
  readonly skip?: (bounds: Int32Array, assigned: Uint8Array) => boolean;
  /** Called once per row and chain group (a StopCheck tick); throwing from it stops the search. */
  readonly poll?: () => void;
  /** Told about each partial choice whose tiles cannot fit a memory whatever the rest. */
  readonly onOverflow?: (memory: string, bits: number, size: number) => void;
  /** Partial rows are Pareto-pruned once there are more than this many (default 1000). */
  readonly pruneAt?: number;
  /** Checked whenever the partial rows grow (mapper.memory_limit). */
  readonly budget?: MemoryBudget;
}

/** Growable rows of (tiles, trip counts). */
class Rows {
  tiles: Int32Array;
  bounds: Int32Array;
  count = 0;

  constructor(readonly width: number, capacity = 64, private readonly budget?: MemoryBudget) {
    budget?.check(3 * 2 * 4 * width * capacity, 'the partial tile choices of one template');
    this.tiles = new Int32Array(width * capacity);
    this.bounds = new Int32Array(width * capacity);
  }

  push(tiles: Int32Array, bounds: Int32Array): void {
    if ((this.count + 1) * this.width > this.tiles.length) {
      // Two tables of 4-byte numbers, and the step's previous rows beside them (about as many).
      this.budget?.check(3 * 2 * 4 * (this.tiles.length * 2 + this.width), 'the partial tile choices of one template');
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(a.length * 2 + this.width);
        b.set(a);
        return b;
      };
      this.tiles = grow(this.tiles);
      this.bounds = grow(this.bounds);
    }
    this.tiles.set(tiles, this.count * this.width);
    this.bounds.set(bounds, this.count * this.width);
    this.count++;
  }

  keep(indices: readonly number[]): void {
    indices.forEach((r, k) => {
      this.tiles.copyWithin(k * this.width, r * this.width, (r + 1) * this.width);
      this.bounds.copyWithin(k * this.width, r * this.width, (r + 1) * this.width);
    });
    this.count = indices.length;
  }
}

/** Visits every complete assignment that survives the checks, bounds and partial Pareto pruning. */
export function searchByRank(
  job: TemplateJob,
  chains: readonly RankChains[],
  nLoops: number,
  pruned: PruneCounts,
  visit: AssignmentVisitor,
  options: RankSearchOptions,
): void {
  const fused = fusedFlags(job);
  const fusedLoops = [...fused.keys()].filter((i) => fused[i] === 1);
  const loopMax = loopMaxima(chains, job.modelEinsum.rankBounds, nLoops);
  const assigned = new Uint8Array(nLoops);
  const tiles = new Int32Array(nLoops);
  const bounds = new Int32Array(nLoops);
  let rows = new Rows(nLoops);
  rows.push(tiles, bounds);
  let known = 0;
  const order = chains
    .map((rc) => dominantChains(job, viableChains(job, rc, nLoops, pruned, options.skip), nLoops, pruned, options.polys, options.metric, loopMax, fusedLoops, options.poll))
    .sort((a, b) => a.chains.length - b.chains.length);
  const crossChecks = crossRankChecks(job, chains);
  const hasFused = fusedLoops.length > 0;
  const watched = watchedLoopSets(job, crossChecks);
  for (let k = 0; k < order.length; k++) {
    const rc = order[k]!;
    for (const i of rc.loops) {
      assigned[i] = 1;
      known |= 1 << i;
    }
    const last = k === order.length - 1;
    const columns = stepColumns(job, options.polys, options.metric, known, loopMax, fusedLoops);
    const next = new Rows(nLoops, Math.min(1 << 16, rows.count * rc.chains.length + 1), options.budget);
    const bound = job.modelEinsum.rankBounds[rc.rankVariable] ?? 1;
    const groups = signatureGroups(rc, watched, fused, nLoops, bound);
    const lastRank = last ? new LastRankSearch(job, options, rc, columns, groups, nLoops) : undefined;
    for (let r = 0; r < rows.count; r++) {
      options.poll?.();
      tiles.set(rows.tiles.subarray(r * nLoops, (r + 1) * nLoops));
      bounds.set(rows.bounds.subarray(r * nLoops, (r + 1) * nLoops));
      lastRank?.startRow(bounds);
      for (let g = 0; g < groups.length; g++) {
        const group = groups[g]!;
        options.poll?.();
        setChain(rc.loops, group[0]!, bound, tiles, bounds);
        if (!checksOk(crossChecks, bounds, assigned, last)) pruned.loopBounds += group.length;
        else if (hasFused && !fusedLoopsOk(job, chains, fused, bounds, assigned)) pruned.fusedLoops += group.length;
        else if (options.skip?.(bounds, assigned)) pruned.minUsage += group.length;
        else {
          if (lastRank) {
            lastRank.addGroup(g, pruned);
            continue;
          }
          for (const chain of group) {
            setChain(rc.loops, chain, bound, tiles, bounds);
            if (!fits(columns, bounds, options.onOverflow)) pruned.capacity++;
            else next.push(tiles, bounds);
          }
        }
      }
      lastRank?.visitUnbeaten(tiles, bounds, pruned, visit);
    }
    if (last) return;
    // Pruning pays only when the rank variables still to come multiply the rows.
    const growth = order.slice(k + 1).reduce((g, rest) => g * rest.chains.length, 1);
    if (next.count > (options.pruneAt ?? PRUNE_AT) && growth >= MIN_GROWTH && !futile(next, columns)) {
      const kept = paretoRows(next, columns, options.poll);
      pruned.pareto += next.count - kept.length;
      next.keep(kept);
    }
    rows = next;
    options.poll?.();
  }
}

/** The last rank variable's chains for one row at a time: capacity, then the row's unbeaten chains. */
class LastRankSearch {
  private readonly figures: LastRankFigures;
  private readonly groupChains: readonly Int32Array[];
  private readonly bound: number;

  constructor(job: TemplateJob, private readonly options: RankSearchOptions, private readonly rc: RankChains, columns: StepColumns, groups: readonly Int32Array[][], nLoops: number) {
    this.figures = new LastRankFigures(job, options.polys, rc, columns.exact, nLoops);
    const index = new Map(rc.chains.map((chain, j) => [chain, j] as const));
    this.groupChains = groups.map((group) => Int32Array.from(group, (chain) => index.get(chain)!));
    this.bound = job.modelEinsum.rankBounds[rc.rankVariable] ?? 1;
  }

  startRow(bounds: Int32Array): void {
    this.figures.setRow(bounds);
    this.figures.clearFront();
  }

  /** Offers each chain of group `g` (by index in the step's groups) to the row's front. */
  addGroup(g: number, pruned: PruneCounts): void {
    const figures = this.figures;
    for (const j of this.groupChains[g]!) {
      this.options.poll?.();
      const verdict = figures.offer(j);
      if (verdict === 'overflow') {
        const { memory, size } = figures.memory(figures.overflowMemory);
        this.options.onOverflow?.(memory, figures.overflowBits, size);
        pruned.capacity++;
      } else if (verdict === 'beaten') pruned.pareto++;
    }
  }

  /** Visits the row's unbeaten chains; the others count as Pareto-pruned. */
  visitUnbeaten(tiles: Int32Array, bounds: Int32Array, pruned: PruneCounts, visit: AssignmentVisitor): void {
    const kept = this.figures.unbeaten;
    pruned.pareto += this.figures.dropped;
    this.figures.dropped = 0;
    for (const j of kept) {
      setChain(this.rc.loops, this.rc.chains[j]!, this.bound, tiles, bounds);
      visit(tiles, bounds);
    }
  }
}

/** Rows beyond which a sample decides whether pruning pays (it rarely does with many columns). */
const SAMPLE_AT = 16384;
const SAMPLE = 4096;

/** True when Pareto pruning an evenly spaced sample of many rows keeps nearly all of it. */
function futile(rows: Rows, columns: StepColumns): boolean {
  if (rows.count <= SAMPLE_AT) return false;
  const sample = new Rows(rows.width, SAMPLE);
  const step = rows.count / SAMPLE;
  for (let k = 0; k < SAMPLE; k++) {
    const r = Math.floor(k * step);
    sample.push(rows.tiles.subarray(r * rows.width, (r + 1) * rows.width), rows.bounds.subarray(r * rows.width, (r + 1) * rows.width));
  }
  return paretoRows(sample, columns).length > 0.9 * SAMPLE;
}

function fits(columns: StepColumns, bounds: Int32Array, onOverflow: RankSearchOptions['onOverflow']): boolean {
  for (const c of columns.capacity) {
    const bits = c.bound.evaluate(bounds);
    if (bits > c.size * SLACK) {
      onOverflow?.(c.memory, bits, c.size);
      return false;
    }
  }
  return true;
}

/** Indices of the rows not beaten in every column by another row with the same exact keys. */
function paretoRows(rows: Rows, columns: StepColumns, poll?: () => void): number[] {
  const width = rows.width;
  const d = columns.minimise.length;
  const values = new Float64Array(rows.count * d);
  const groups = new Map<string, number[]>();
  const exact = new Float64Array(columns.exact.length);
  for (let r = 0; r < rows.count; r++) {
    poll?.();
    const b = rows.bounds.subarray(r * width, (r + 1) * width);
    columns.minimise.forEach((c, j) => {
      values[r * d + j] = c.evaluate(b);
    });
    columns.exact.forEach((loops, j) => {
      let p = 1;
      for (const i of loops) p *= b[i]!;
      exact[j] = p;
    });
    const key = exact.join(',');
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const kept: number[] = [];
  for (const group of groups.values()) for (const r of paretoMinimal(values, d, group, poll)) kept.push(r);
  return kept.sort((a, b) => a - b);
}

/**
 * The chains of one rank variable that no other chain of it beats in every partial column with
 * only its own loops chosen: whatever the other rank variables get, a beaten chain is never
 * better (the same argument as the per-step pruning, applied before the product is formed).
 */
function dominantChains(
  job: TemplateJob,
  rc: RankChains,
  nLoops: number,
  pruned: PruneCounts,
  polys: TemplatePolys,
  metric: MapperMetric,
  loopMax: Int32Array,
  fusedLoops: readonly number[],
  poll: (() => void) | undefined,
): RankChains {
  if (rc.chains.length < 2) return rc;
  let known = 0;
  for (const i of rc.loops) known |= 1 << i;
  const columns = stepColumns(job, polys, metric, known, loopMax, fusedLoops);
  const rows = new Rows(nLoops, rc.chains.length);
  const tiles = new Int32Array(nLoops);
  const bounds = new Int32Array(nLoops);
  const bound = job.modelEinsum.rankBounds[rc.rankVariable] ?? 1;
  for (const chain of rc.chains) {
    setChain(rc.loops, chain, bound, tiles, bounds);
    rows.push(tiles, bounds);
  }
  const kept = paretoRows(rows, columns, poll);
  pruned.pareto += rc.chains.length - kept.length;
  return kept.length === rc.chains.length ? rc : { ...rc, chains: kept.map((r) => rc.chains[r]!) };
}
