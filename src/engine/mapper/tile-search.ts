/** Tile-shape search of one template: enumerate, check, evaluate with the model, Pareto-prune (§3). */
import { SpecErrorException } from '../base/errors.js';
import { evaluateEinsum, mappingPaths, type LatencyEvaluator } from '../model/index.js';
import { paretoIndices } from './pareto.js';
import { templateMappingNodes } from './pmapping-nodes.js';
import { loopBounds, rankChains, type RankChains } from './tile-shapes.js';
import type { LoopBoundCheck, PruneCounts, TemplateFront, TemplateJob } from './types.js';

export interface TileSearchContext {
  readonly evaluateLatency?: LatencyEvaluator;
  /** Any AbortSignal-like object; checked every 256 evaluations. */
  readonly signal?: { readonly aborted: boolean };
}

function satisfies(value: number, check: LoopBoundCheck): boolean {
  switch (check.operator) {
    case '==': return value === check.value;
    case '<=': return value <= check.value;
    case '>=': return value >= check.value;
    case '<': return value < check.value;
    case '>': return value > check.value;
  }
}

/** Monotone checks (products bounded above) can reject a partial assignment early. */
function partialOk(check: LoopBoundCheck, bounds: Int32Array, assigned: Uint8Array, complete: boolean): boolean {
  if (check.each) return check.loops.every((i) => !assigned[i] || satisfies(bounds[i]!, check));
  const upper = check.operator === '<=' || check.operator === '<';
  if (!complete && !upper) return true;
  let product = 1;
  for (const i of check.loops) if (assigned[i]) product *= bounds[i]!;
  return satisfies(product, check);
}

interface Enumeration {
  readonly tiles: Int32Array;
  readonly count: number;
}

/** Every tile assignment that passes the loop-bound and fused-loop limits. */
function enumerate(job: TemplateJob, chains: readonly RankChains[], nLoops: number, pruned: PruneCounts): Enumeration {
  const fusedLoops = job.nodes.flatMap((n) => (n.kind === 'storage' ? [] : [n.fused]));
  const tiles = new Int32Array(nLoops);
  const bounds = new Int32Array(nLoops);
  const assigned = new Uint8Array(nLoops);
  let out = new Int32Array(Math.max(1, nLoops) * 1024);
  let count = 0;
  const fusedCountOk = (): boolean => {
    let total = 0;
    for (const rc of chains) {
      let perVar = 0;
      for (const i of rc.loops) if (assigned[i] && fusedLoops[i] && bounds[i]! > 1) perVar++;
      if (perVar > job.maxFusedLoopsPerRankVariable) return false;
      total += perVar;
    }
    return total <= job.maxFusedLoops;
  };
  const walk = (k: number): void => {
    if (k === chains.length) {
      if (!job.checks.every((c) => partialOk(c, bounds, assigned, true))) return void pruned.loopBounds++;
      if ((count + 1) * nLoops > out.length) {
        const bigger = new Int32Array(out.length * 2);
        bigger.set(out);
        out = bigger;
      }
      out.set(tiles, count * nLoops);
      count++;
      return;
    }
    const rc = chains[k]!;
    let outerBound = job.modelEinsum.rankBounds[rc.rankVariable] ?? 1;
    for (const chain of rc.chains) {
      let outer = outerBound;
      rc.loops.forEach((loop, j) => {
        tiles[loop] = chain[j]!;
        bounds[loop] = outer / chain[j]!;
        assigned[loop] = 1;
        outer = chain[j]!;
      });
      if (!job.checks.every((c) => partialOk(c, bounds, assigned, false))) pruned.loopBounds++;
      else if (!fusedCountOk()) pruned.fusedLoops++;
      else walk(k + 1);
    }
    for (const loop of rc.loops) assigned[loop] = 0;
    outerBound = 0;
  };
  walk(0);
  return { tiles: out, count };
}

/** Keeps rows reaching each min_usage; when none does, the rows with the best usage (§8). */
function applyMinUsage(job: TemplateJob, chains: readonly RankChains[], rows: number[], tiles: Int32Array, nLoops: number): number[] {
  const bounds = new Int32Array(nLoops);
  let kept = rows;
  for (const check of job.minUsage) {
    const usage = kept.map((r) => {
      loopBounds(chains, tiles.subarray(r * nLoops, (r + 1) * nLoops), job.modelEinsum.rankBounds, bounds);
      return check.loops.reduce((p, i) => p * bounds[i]!, 1) / check.fanout;
    });
    const reaching = kept.filter((_, i) => usage[i]! >= check.minUsage - 1e-12);
    if (reaching.length > 0) kept = reaching;
    else {
      const best = Math.max(...usage);
      kept = kept.filter((_, i) => usage[i] === best);
    }
  }
  return kept;
}

/** Searches the tile shapes of one template and returns its Pareto front. */
export function runTemplateJob(job: TemplateJob, context: TileSearchContext = {}): TemplateFront {
  const pruned: PruneCounts = { loopBounds: 0, fusedLoops: 0, minUsage: 0, capacity: 0, pareto: 0 };
  const chains = rankChains(job);
  const nLoops = job.nodes.filter((n) => n.kind !== 'storage').length;
  const { tiles, count } = enumerate(job, chains, nLoops, pruned);
  const built = templateMappingNodes(job.nodes, job.einsum, job.compute);
  const path = mappingPaths({ nodes: built.nodes })[0]!;
  const allTensors = new Map(job.tensorUse);
  const energy = new Float64Array(count);
  const latency = new Float64Array(count);
  const valid: number[] = [];
  let firstError: string | undefined;
  for (let r = 0; r < count; r++) {
    if ((r & 255) === 0 && context.signal?.aborted) throw new Error('mapping cancelled');
    built.loops.forEach((loop, i) => {
      loop.tile_shape = tiles[r * nLoops + i]!;
    });
    try {
      const evaluation = evaluateEinsum(job.modelEinsum, path, allTensors, context.evaluateLatency);
      let e = 0;
      for (const entry of evaluation.energy) e += entry.energy;
      energy[r] = e;
      latency[r] = evaluation.latency;
      valid.push(r);
    } catch (error) {
      if (!(error instanceof SpecErrorException)) throw error;
      firstError ??= error.specError.message;
      pruned.capacity++;
    }
  }
  const usable = applyMinUsage(job, chains, valid, tiles, nLoops);
  pruned.minUsage = valid.length - usable.length;
  const e = usable.map((r) => energy[r]!);
  const l = usable.map((r) => latency[r]!);
  const front = paretoIndices(e, l, job.metric).map((i) => usable[i]!);
  pruned.pareto = usable.length - front.length;
  const frontTiles = new Int32Array(front.length * nLoops);
  front.forEach((r, k) => frontTiles.set(tiles.subarray(r * nLoops, (r + 1) * nLoops), k * nLoops));
  return {
    jobId: job.id,
    einsumIndex: job.einsumIndex,
    nLoops,
    energy: Float64Array.from(front, (r) => energy[r]!),
    latency: Float64Array.from(front, (r) => latency[r]!),
    tiles: frontTiles,
    fusedKeys: front.map((r) => fusedKey(job, chains, tiles.subarray(r * nLoops, (r + 1) * nLoops), nLoops)),
    evaluated: count,
    pruned,
    ...(firstError !== undefined ? { firstError } : {}),
  };
}

/** Non-trivial fused loops as `rank-variable:trip-count`, outer to inner. */
function fusedKey(job: TemplateJob, chains: readonly RankChains[], tiles: Int32Array, nLoops: number): string {
  const bounds = new Int32Array(nLoops);
  loopBounds(chains, tiles, job.modelEinsum.rankBounds, bounds);
  const loops = job.nodes.filter((n) => n.kind !== 'storage');
  return loops.flatMap((n, i) => ('fused' in n && n.fused && bounds[i]! > 1 ? [`${n.rankVariable}:${bounds[i]}`] : [])).join(',');
}
