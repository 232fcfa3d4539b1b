/** Tile-shape search of one template: enumerate, check, evaluate with the model, Pareto-prune (docs/mapper.md §3). */
import { SpecErrorException } from '../base/errors.js';
import { compileEinsumTemplate, evaluateEinsum, mappingPaths, type CompiledEinsum, type LatencyEvaluator, type RowFigures, type TemplatePolys } from '../model/index.js';
import { CapacityMemo } from './capacity-memo.js';
import { compatibilityKey } from './compatibility.js';
import { metricObjectives, paretoIndices } from './pareto.js';
import { templateMappingNodes } from './pmapping-nodes.js';
import { loopBounds, rankChains, type RankChains } from './tile-shapes.js';
import { forEachAssignment, loopMaxima, usageKey, type AssignmentVisitor } from './tile-enumerate.js';
import { searchByRank } from './rank-search.js';
import { bestUsageLevel } from './usage-levels.js';
import { templateKey, type TemplateMemo } from './template-memo.js';
import { reservationLayout, rowReservations } from './reservations.js';
import { paretoMinimal } from './pareto-minimal.js';
import { deadlineSignal, MappingStopped, StopCheck, type StopSignal } from './stop-check.js';
import { MemoryBudget, MemoryLimitExceeded } from './memory-budget.js';
import type { PruneCounts, TemplateFront, TemplateJob } from './types.js';

export interface TileSearchContext {
  readonly evaluateLatency?: LatencyEvaluator;
  /** Any AbortSignal-like object (see stop-check.ts). When it stops the search, the rows found so far make a front marked `stopped`. */
  readonly signal?: StopSignal;
  /** False: evaluate every tile choice with the full model, no closed form, no partial pruning. */
  readonly closedForm?: boolean;
  /** Partial tile choices are Pareto-pruned once more than this many are alive (default 1000). */
  readonly pruneAt?: number;
  /** Fronts of identical templates already searched in this run (none: search every job). */
  readonly memo?: TemplateMemo;
}

const FANOUT_ERROR = /spatial instances/;
/** Valid rows kept before they are reduced to their per-compatibility Pareto front. */
const COMPACT_AT = 1 << 17;

/** Evaluates rows with the model, skipping rows known to overflow; collects the valid ones. */
class RowEvaluator {
  readonly memo = new CapacityMemo();
  readonly energy: number[] = [];
  readonly latency: number[] = [];
  readonly tiles: number[] = [];
  /** RESOURCE_USAGE only: bits per tracked memory, `usageMemories.length` per row. */
  readonly usage: number[] = [];
  readonly usageMemories: readonly string[];
  evaluated = 0;
  firstError: string | undefined;
  private readonly built;
  private readonly path;
  private readonly allTensors;
  /** The template's closed form; without it every row goes through the full model. */
  private readonly compiled: CompiledEinsum | undefined;
  private readonly figures: RowFigures = { energy: 0, latency: 0 };

  constructor(private readonly job: TemplateJob, private readonly context: TileSearchContext, private readonly pruned: PruneCounts, private readonly stop: StopCheck, private readonly budget: MemoryBudget) {
    this.built = templateMappingNodes(job.nodes, job.einsum, job.compute);
    this.path = mappingPaths({ nodes: this.built.nodes })[0]!;
    this.allTensors = new Map(job.tensorUse);
    this.compiled = context.closedForm === false ? undefined : compileEinsumTemplate(job.modelEinsum, this.path, this.allTensors, context.evaluateLatency);
    this.usageMemories = job.resourceUsage ? reservationLayout(job).memories : [];
  }

  noteOverflow(memory: string, bits: number, size: number): void {
    this.firstError ??= `the tiles need at least ${bits} bits of ${memory}, but its size is only ${size} bits (Einsum ${this.job.einsum})`;
  }

  /** The closed form's polynomials, for pruning partial choices (absent without a closed form). */
  get polys(): TemplatePolys | undefined {
    return this.compiled?.polys;
  }

  get valid(): number {
    return this.energy.length;
  }

  evaluate(row: Int32Array, counts: Int32Array): void {
    if (this.memo.dominated(row)) {
      this.pruned.capacity++;
      return;
    }
    this.evaluated++;
    this.stop.tick();
    if (this.compiled) this.evaluateCompiled(this.compiled, row, counts);
    else this.evaluateWithModel(row);
  }

  private evaluateCompiled(compiled: CompiledEinsum, row: Int32Array, counts: Int32Array): void {
    const verdict = compiled.evaluate(counts, this.figures);
    if (verdict !== null) {
      // The first invalid row goes through the full model, which words the reason for the user.
      if (this.firstError === undefined) return this.evaluateWithModel(row);
      if (verdict === 'capacity') this.memo.add(row);
      this.pruned.capacity++;
      return;
    }
    for (const memory of this.usageMemories) this.usage.push(compiled.occupancyBits(memory, counts));
    this.keep(this.figures.energy, this.figures.latency, row);
  }

  /** Called when many valid rows have piled up; it should `retain` only the front rows. */
  onFull: (() => void) | undefined;
  private compactAt = COMPACT_AT;

  private keep(energy: number, latency: number, row: Int32Array): void {
    this.energy.push(energy);
    this.latency.push(latency);
    for (let i = 0; i < row.length; i++) this.tiles.push(row[i]!);
    const count = this.energy.length;
    if ((count & 4095) === 0) this.budget.check(count * 8 * (2 + row.length + this.usageMemories.length), 'the valid tile choices of one template');
    if (count >= this.compactAt) this.onFull?.();
  }

  /** Keeps only the given valid rows (ascending indices), bounding memory on huge templates. */
  retain(indices: readonly number[]): void {
    const width = this.tiles.length / Math.max(1, this.energy.length);
    const u = this.usageMemories.length;
    indices.forEach((r, k) => {
      this.energy[k] = this.energy[r]!;
      this.latency[k] = this.latency[r]!;
      for (let i = 0; i < width; i++) this.tiles[k * width + i] = this.tiles[r * width + i]!;
      for (let i = 0; i < u; i++) this.usage[k * u + i] = this.usage[r * u + i]!;
    });
    this.usage.length = indices.length * u;
    this.pruned.pareto += this.energy.length - indices.length;
    this.energy.length = indices.length;
    this.latency.length = indices.length;
    this.tiles.length = indices.length * width;
    this.compactAt = Math.max(COMPACT_AT, 2 * indices.length);
  }

  private evaluateWithModel(row: Int32Array): void {
    this.built.loops.forEach((loop, i) => {
      loop.tile_shape = row[i]!;
    });
    try {
      const evaluation = evaluateEinsum(this.job.modelEinsum, this.path, this.allTensors, this.context.evaluateLatency);
      let e = 0;
      for (const entry of evaluation.energy) e += entry.energy;
      for (const memory of this.usageMemories) this.usage.push(evaluation.usage.reduce((bits, u) => bits + (u.component === memory ? u.bits : 0), 0));
      this.keep(e, evaluation.latency, row);
    } catch (error) {
      if (!(error instanceof SpecErrorException)) throw error;
      this.firstError ??= error.specError.message;
      if (!FANOUT_ERROR.test(error.specError.message)) this.memo.add(row);
      this.pruned.capacity++;
    }
  }
}

/** The best min_usage key below `limit` over all assignments (branch and bound), or -1. */
function bestUsageKey(job: TemplateJob, chains: readonly RankChains[], nLoops: number, limit: number, loopMax: Int32Array, poll: () => void): number {
  let best = -1;
  const scratch: PruneCounts = { loopBounds: 0, fusedLoops: 0, minUsage: 0, capacity: 0, pareto: 0 };
  forEachAssignment(
    job,
    chains,
    nLoops,
    scratch,
    (_tiles, bounds) => {
      const key = usageKey(job, bounds);
      if (key < limit && key > best) best = key;
    },
    (bounds, assigned) => usageKey(job, bounds, assigned, loopMax) <= best,
    poll,
  );
  return best;
}

/**
 * Searches the tile shapes of one template and returns its Pareto front. Rows are tried by
 * min_usage level, best first; the first level with a valid row is kept (the rows reaching every
 * minimum, or else the best available usage, docs/mapper.md §3.4).
 */
export function runTemplateJob(job: TemplateJob, context: TileSearchContext = {}): TemplateFront {
  // Workers get no signal: the job carries the time limit.
  const stop = new StopCheck(context.signal ?? (job.deadline !== undefined ? deadlineSignal(job.deadline) : undefined));
  const budget = new MemoryBudget(job.memoryLimitBytes ?? Infinity);
  const nLoops = job.nodes.filter((n) => n.kind !== 'storage').length;
  let chains: RankChains[];
  let chainCount = 0;
  try {
    chains = rankChains(job, () => {
      stop.tick();
      // A chain is a small typed array: its numbers plus the object around them.
      if ((++chainCount & 4095) === 0) budget.check(chainCount * (96 + 4 * nLoops), 'the tile-shape candidates of one template');
    });
  } catch (error) {
    if (error instanceof MappingStopped) return { ...emptyFront(job, nLoops), stopped: true };
    if (error instanceof MemoryLimitExceeded) return overMemory(job, nLoops, error);
    throw error;
  }
  const memo = context.memo;
  const key = memo ? templateKey(job, [context.closedForm ?? true, context.pruneAt ?? 0]) : null;
  const recalled = key === null ? undefined : memo?.recall(key, job, (tiles) => compatibilityOf(job, chains, tiles, nLoops));
  if (recalled) return recalled;
  let front: TemplateFront;
  try {
    front = searchTemplate(job, chains, nLoops, context, stop, budget);
  } catch (error) {
    if (!(error instanceof MemoryLimitExceeded)) throw error;
    return overMemory(job, nLoops, error);
  }
  // A stopped search holds only some of the front: an identical template must search again.
  if (key !== null && !front.stopped) memo?.store(key, front);
  return front;
}

/** Fronts are plain data (they cross to and from workers), so the overrun travels as fields. */
function overMemory(job: TemplateJob, nLoops: number, error: MemoryLimitExceeded): TemplateFront {
  return { ...emptyFront(job, nLoops), memoryExceeded: { neededBytes: error.neededBytes, what: error.what } };
}

function emptyFront(job: TemplateJob, nLoops: number): TemplateFront {
  const none = new Float64Array(0);
  const pruned: PruneCounts = { loopBounds: 0, fusedLoops: 0, minUsage: 0, capacity: 0, pareto: 0 };
  return { jobId: job.id, einsumIndex: job.einsumIndex, nLoops, energy: none, latency: none, tiles: new Int32Array(0), compat: [], evaluated: 0, pruned };
}

function searchTemplate(job: TemplateJob, chains: readonly RankChains[], nLoops: number, context: TileSearchContext, stop: StopCheck, budget: MemoryBudget): TemplateFront {
  const pruned: PruneCounts = { loopBounds: 0, fusedLoops: 0, minUsage: 0, capacity: 0, pareto: 0 };
  const rows = new RowEvaluator(job, context, pruned, stop, budget);
  rows.onFull = () => rows.retain([...paretoByCompatibility(job, chains, rows, nLoops).front].sort((a, b) => a - b));
  let stopped = false;
  try {
    walkTemplate(job, chains, nLoops, context, rows, pruned, stop.tick, budget);
  } catch (error) {
    if (!(error instanceof MappingStopped)) throw error;
    stopped = true;
  }
  return frontOf(job, chains, nLoops, context, rows, pruned, stopped);
}

/** Evaluates every tile choice the search reaches, level by level when there are min_usage checks. */
function walkTemplate(job: TemplateJob, chains: readonly RankChains[], nLoops: number, context: TileSearchContext, rows: RowEvaluator, pruned: PruneCounts, poll: () => void, budget: MemoryBudget): void {
  const walk = (counts: PruneCounts, visit: AssignmentVisitor, skip?: (bounds: Int32Array, assigned: Uint8Array) => boolean): void => {
    if (rows.polys) searchByRank(job, chains, nLoops, counts, visit, { polys: rows.polys, metric: job.metric, poll, budget, ...(skip ? { skip } : {}), ...(context.pruneAt !== undefined ? { pruneAt: context.pruneAt } : {}), onOverflow: (memory, bits, size) => rows.noteOverflow(memory, bits, size) });
    else forEachAssignment(job, chains, nLoops, counts, visit, skip, poll);
  };
  if (job.minUsage.length === 0) {
    walk(pruned, (tiles, bounds) => rows.evaluate(tiles, bounds));
  } else {
    // Usage levels best first; each pass only walks subtrees that can still reach the level.
    const loopMax = loopMaxima(chains, job.modelEinsum.rankBounds, nLoops);
    let limit = Infinity;
    let first = true;
    while (rows.valid === 0) {
      const target = rows.polys ? bestUsageLevel(job, chains, nLoops, limit, loopMax, poll) : bestUsageKey(job, chains, nLoops, limit, loopMax, poll);
      if (target < 0) break;
      walk(
        first ? pruned : { ...pruned },
        (tiles, bounds) => {
          if (usageKey(job, bounds) === target) rows.evaluate(tiles, bounds);
          else if (first) pruned.minUsage++;
        },
        (bounds, assigned) => usageKey(job, bounds, assigned, loopMax) < target,
      );
      first = false;
      limit = target;
    }
  }
}

/** The Pareto front of the rows found (all of them, or those found before a stop). */
function frontOf(job: TemplateJob, chains: readonly RankChains[], nLoops: number, context: TileSearchContext, rows: RowEvaluator, pruned: PruneCounts, stopped: boolean): TemplateFront {
  const { front, compat } = paretoByCompatibility(job, chains, rows, nLoops);
  pruned.pareto += rows.valid - front.length;
  const frontTiles = new Int32Array(front.length * nLoops);
  front.forEach((r, k) => frontTiles.set(rows.tiles.slice(r * nLoops, (r + 1) * nLoops), k * nLoops));
  const reservations = job.resourceUsage || job.reservations ? frontReservations(job, chains, frontTiles, front.length, nLoops, context) : undefined;
  return {
    jobId: job.id,
    einsumIndex: job.einsumIndex,
    nLoops,
    energy: Float64Array.from(front, (r) => rows.energy[r]!),
    latency: Float64Array.from(front, (r) => rows.latency[r]!),
    tiles: frontTiles,
    compat,
    evaluated: rows.evaluated,
    pruned,
    ...(reservations ? { reservations } : {}),
    ...(rows.firstError !== undefined ? { firstError: rows.firstError } : {}),
    ...(stopped ? { stopped } : {}),
  };
}

export { MappingStopped };

/**
 * Rows whose fused loops differ are not comparable (the join needs each of them), so the Pareto
 * front is taken per compatibility key, like Python's `diff` goal on fused-loop columns.
 */
function paretoByCompatibility(job: TemplateJob, chains: readonly RankChains[], rows: RowEvaluator, nLoops: number) {
  const hasFused = job.nodes.some((n) => n.kind !== 'storage' && n.fused);
  const keys = hasFused ? rowCompatibilities(job, chains, rows, nLoops) : rows.valid > 0 ? [compatibilityOf(job, chains, Int32Array.from(rows.tiles.slice(0, nLoops)), nLoops)] : [];
  const usage = job.resourceUsage ? usageColumns(job, rows) : undefined;
  if (!hasFused) {
    const front = usage ? usageFront(usage, Array.from({ length: rows.valid }, (_, r) => r)) : paretoIndices(rows.energy, rows.latency, job.metric);
    return { front, compat: front.map(() => keys[0] ?? '') };
  }
  const groups = new Map<string, number[]>();
  keys.forEach((key, r) => {
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  });
  const front: number[] = [];
  const compat: string[] = [];
  for (const key of [...groups.keys()].sort()) {
    const members = groups.get(key)!;
    if (usage) {
      for (const r of usageFront(usage, members)) {
        front.push(r);
        compat.push(key);
      }
      continue;
    }
    const kept = paretoIndices(members.map((r) => rows.energy[r]!), members.map((r) => rows.latency[r]!), job.metric);
    for (const k of kept) {
      front.push(members[k]!);
      compat.push(key);
    }
  }
  return { front, compat };
}

/** RESOURCE_USAGE: per row, the metric's objectives then bits per memory (row-major). */
function usageColumns(job: TemplateJob, rows: RowEvaluator): { readonly values: Float64Array; readonly width: number } {
  const u = rows.usageMemories.length;
  const objectives = metricObjectives(job.metric, 0, 0).length;
  const width = objectives + u;
  const values = new Float64Array(rows.valid * width);
  for (let r = 0; r < rows.valid; r++) {
    values.set(metricObjectives(job.metric, rows.energy[r]!, rows.latency[r]!), r * width);
    for (let i = 0; i < u; i++) values[r * width + objectives + i] = rows.usage[r * u + i]!;
  }
  return { values, width };
}

/** The members no other member beats in every usage column, ascending. */
function usageFront(usage: { readonly values: Float64Array; readonly width: number }, members: readonly number[]): number[] {
  return paretoMinimal(usage.values, usage.width, members).sort((a, b) => a - b);
}

/** The reservation blocks of the front rows (full model, front rows only). */
function frontReservations(job: TemplateJob, chains: readonly RankChains[], tiles: Int32Array, count: number, nLoops: number, context: TileSearchContext): Float64Array {
  const bounds = new Int32Array(tiles.length);
  for (let r = 0; r < count; r++) loopBounds(chains, tiles.subarray(r * nLoops, (r + 1) * nLoops), job.modelEinsum.rankBounds, bounds.subarray(r * nLoops, (r + 1) * nLoops));
  return rowReservations(job, reservationLayout(job), count, tiles, bounds, nLoops, context.evaluateLatency);
}

/**
 * The compatibility key of every valid row. A key reads only the loops above the last backing
 * node of a fusable tensor, so rows whose trip counts agree there share one key (built once).
 */
function rowCompatibilities(job: TemplateJob, chains: readonly RankChains[], rows: RowEvaluator, nLoops: number): string[] {
  const above: number[] = [];
  let loop = 0;
  let seen = 0;
  const fusable = new Set(job.fusableTensors);
  for (const node of job.nodes) {
    if (node.kind !== 'storage') loop++;
    else if (node.backing && fusable.has(node.tensor)) seen = loop;
  }
  for (let i = 0; i < seen; i++) above.push(i);
  const tiles = new Int32Array(nLoops);
  const bounds = new Int32Array(nLoops);
  const known = new Map<string, string>();
  return Array.from({ length: rows.valid }, (_, r) => {
    for (let i = 0; i < nLoops; i++) tiles[i] = rows.tiles[r * nLoops + i]!;
    loopBounds(chains, tiles, job.modelEinsum.rankBounds, bounds);
    let signature = '';
    for (const i of above) signature += `${bounds[i]},`;
    let key = known.get(signature);
    if (key === undefined) known.set(signature, (key = compatibilityKey(job, bounds)));
    return key;
  });
}

function compatibilityOf(job: TemplateJob, chains: readonly RankChains[], tiles: Int32Array, nLoops: number): string {
  const bounds = new Int32Array(nLoops);
  loopBounds(chains, tiles, job.modelEinsum.rankBounds, bounds);
  return compatibilityKey(job, bounds);
}
