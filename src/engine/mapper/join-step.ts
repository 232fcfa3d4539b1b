/**
 * One join step (docs/mapper.md §5.4): every prefix row meets the next Einsum's rows whose shared
 * tensors agree (found through an index, not by trying every pair). Results are Pareto-pruned per
 * compatibility group as they arrive, so a large step never holds all of its pairs at once.
 */
import { mostLoops, parseCompatibility, partLoops, restrictCompatibility } from './compatibility.js';
import { prune } from './join.js';
import { joinReservations, readyLeft, type ReadiedLeft, type ReservationSpace } from './reservation-join.js';
import { frontRowBytes, type MemoryBudget } from './memory-budget.js';
import type { EinsumFront, FrontRow, MapperMetric } from './types.js';

/** A group is re-pruned once it holds this many rows more than after its last pruning. */
const REPRUNE_AT = 2048;

/** Drops pairs and joined rows that provably cannot reach the final front (usage-bounds.ts). */
export interface JoinBound {
  /** A cheap test on the pair before its reservations are combined. */
  mayPair(left: FrontRow, right: FrontRow): boolean;
  keep(row: FrontRow): boolean;
}

/** How a join step stops: a StopCheck tick per pair tried, and the run's memory limit. */
export interface JoinLimits {
  readonly poll?: () => void;
  readonly budget?: MemoryBudget;
}

/** Rows checked against the memory limit at once: a row's size is estimated on one of them. */
const MEMORY_CHECK_EVERY = 4096;

/** Rows per compatibility group, pruned whenever a group grows large. */
class GroupedFront {
  private readonly groups = new Map<string, { rows: FrontRow[]; pruned: number }>();
  private held = 0;

  constructor(private readonly metric: MapperMetric, private readonly limits: JoinLimits, private readonly leftBytes: number) {}

  add(row: FrontRow): void {
    let group = this.groups.get(row.compat);
    if (!group) this.groups.set(row.compat, (group = { rows: [], pruned: 0 }));
    group.rows.push(row);
    if (++this.held % MEMORY_CHECK_EVERY === 0) this.limits.budget?.check(this.leftBytes + this.held * frontRowBytes(row), 'the rows of one join step');
    if (group.rows.length >= group.pruned + REPRUNE_AT) {
      const before = group.rows.length;
      group.rows = prune(group.rows, this.metric, this.limits.poll);
      group.pruned = group.rows.length;
      this.held -= before - group.rows.length;
    }
  }

  /** Every group's front, groups in key order. */
  rows(): FrontRow[] {
    return [...this.groups.keys()].sort().flatMap((key) => prune(this.groups.get(key)!.rows, this.metric, this.limits.poll));
  }
}

/** The parts of `tensors` in a compatibility, as one key ('' when the row lacks one of them). */
function sharedKey(parts: ReadonlyMap<string, string>, tensors: readonly string[]): string | null {
  const out: string[] = [];
  for (const t of tensors) {
    const part = parts.get(t);
    if (part === undefined) return null;
    out.push(part);
  }
  return out.join(';');
}

/**
 * The fused loops a side sits under, as (spatial flag, trip count): the longest tensor's loops
 * (every tensor's loops are a prefix of them). Rank names differ between tensors, so they are left out.
 */
function fusedNest(parts: ReadonlyMap<string, string>): string[] {
  let longest: string[] = [];
  for (const part of parts.values()) {
    const loops = partLoops(part);
    if (loops.length > longest.length) longest = loops;
  }
  return longest.map((loop) => `${loop.startsWith('s:') ? 's' : 't'}${loop.slice(loop.indexOf('=') + 1)}`);
}

/**
 * The next Einsum runs inside every loop the prefix's live tensors sit under (docs/mapper.md §5.1):
 * it needs at least as many fused loops, with the same trip counts, outermost first.
 */
function nestsFit(left: readonly string[], right: readonly string[]): boolean {
  if (left.length > right.length) return false;
  for (let i = 0; i < left.length; i++) if (left[i] !== right[i]) return false;
  return true;
}

/**
 * Joins the next Einsum's front onto the prefix front. Energies and latencies add (Einsums run one
 * after another); the result keeps the compatibility of the tensors in `live` (used later).
 * `limits.poll` is called once per pair tried (a StopCheck tick); throwing from it stops the join.
 */
export function joinFronts(left: readonly FrontRow[], right: EinsumFront, metric: MapperMetric, live: ReadonlySet<string> = new Set(), space?: ReservationSpace, bound?: JoinBound, limits: JoinLimits = {}): FrontRow[] {
  const poll = limits.poll;
  const rightParts = right.rows.map((r) => parseCompatibility(r.compat));
  const leftParts = left.map((l) => parseCompatibility(l.compat));
  const rightNests = rightParts.map(fusedNest);
  const leftTensors = new Set(leftParts.flatMap((p) => [...p.keys()]));
  const shared = [...new Set(rightParts.flatMap((p) => [...p.keys()]))].filter((t) => leftTensors.has(t)).sort();
  const index = new Map<string, number[]>();
  rightParts.forEach((parts, i) => {
    const key = sharedKey(parts, shared) ?? '\u0000';
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  });
  const out = new GroupedFront(metric, limits, left.length * (left[0] ? frontRowBytes(left[0]) : 0));
  left.forEach((l, li) => {
    const lp = leftParts[li]!;
    const key = sharedKey(lp, shared);
    const nest = fusedNest(lp);
    const readied = new Map<number, ReadiedLeft>();
    const ready = (loops: number): ReadiedLeft | undefined => {
      if (!space || !l.res) return undefined;
      let state = readied.get(loops);
      if (!state) readied.set(loops, (state = readyLeft(space, l.res, loops)));
      return state;
    };
    // A row without some shared tensor is checked against every right row.
    const candidates = key === null ? [...rightParts.keys()] : [...(index.get(key) ?? []), ...(index.get('\u0000') ?? [])];
    for (const i of candidates) {
      poll?.();
      const r = right.rows[i]!;
      const rp = rightParts[i]!;
      if ((key === null || index.has('\u0000')) && !compatible(lp, rp)) continue;
      if (!nestsFit(nest, rightNests[i]!)) continue;
      if (bound && !bound.mayPair(l, r)) continue;
      const merged = new Map([...lp, ...rp]);
      const compat = restrictCompatibility(merged, live);
      let row: FrontRow = { energy: l.energy + r.energy, latency: l.latency + r.latency, picks: [...l.picks, ...r.picks], compat };
      if (space && r.res) {
        const liveLoops = mostLoops([...merged].filter(([t]) => live.has(t)).map(([, part]) => part));
        const res = joinReservations(space, ready(nest.length), r.res, live, liveLoops);
        if (!res) continue;
        row = { ...row, res };
      }
      if (bound && !bound.keep(row)) continue;
      out.add(row);
    }
  });
  return out.rows();
}

/** Every shared tensor's backing memory and fused loops must agree. */
function compatible(left: ReadonlyMap<string, string>, right: ReadonlyMap<string, string>): boolean {
  for (const [tensor, part] of right) {
    const other = left.get(tensor);
    if (other !== undefined && other !== part) return false;
  }
  return true;
}
