/** Depth-first enumeration of tile assignments with early loop-bound and fused-loop pruning. */
import type { RankChains } from './tile-shapes.js';
import type { LoopBoundCheck, MinUsageCheck, PruneCounts, TemplateJob } from './types.js';

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
function checkOk(check: LoopBoundCheck, bounds: Int32Array, assigned: Uint8Array, complete: boolean): boolean {
  if (check.each) {
    for (const i of check.loops) if (assigned[i] && !satisfies(bounds[i]!, check)) return false;
    return true;
  }
  if (!complete && check.operator !== '<=' && check.operator !== '<') return true;
  let product = 1;
  for (const i of check.loops) if (assigned[i]) product *= bounds[i]!;
  return satisfies(product, check);
}

export function checksOk(checks: readonly LoopBoundCheck[], bounds: Int32Array, assigned: Uint8Array, complete: boolean): boolean {
  for (const c of checks) if (!checkOk(c, bounds, assigned, complete)) return false;
  return true;
}

/** 1 for each loop of the template that is fused (above a fusable tensor's last backing node). */
export function fusedFlags(job: TemplateJob): Uint8Array {
  return Uint8Array.from(job.nodes.filter((n) => n.kind !== 'storage'), (n) => ('fused' in n && n.fused ? 1 : 0));
}

/** max_fused_loops and its per-rank-variable twin, counting only chosen non-trivial fused loops. */
export function fusedLoopsOk(job: TemplateJob, chains: readonly RankChains[], fused: Uint8Array, bounds: Int32Array, assigned: Uint8Array): boolean {
  let total = 0;
  for (const rc of chains) {
    let perVar = 0;
    for (const i of rc.loops) if (assigned[i] && fused[i] && bounds[i]! > 1) perVar++;
    if (perVar > job.maxFusedLoopsPerRankVariable) return false;
    total += perVar;
  }
  return total <= job.maxFusedLoops;
}

/** Called with the tiles and trip counts of every complete assignment (arrays are reused). */
export type AssignmentVisitor = (tiles: Int32Array, bounds: Int32Array) => void;

/** Visits every tile assignment that passes the loop-bound and fused-loop limits. */
export function forEachAssignment(
  job: TemplateJob,
  chains: readonly RankChains[],
  nLoops: number,
  pruned: PruneCounts,
  visit: AssignmentVisitor,
  /** Skips the subtree below a partial assignment when it returns true. */
  skip?: (bounds: Int32Array, assigned: Uint8Array) => boolean,
  /** Called once per visited node (a StopCheck tick); throwing from it stops the walk. */
  poll?: () => void,
): void {
  const fused = fusedFlags(job);
  const tiles = new Int32Array(nLoops);
  const bounds = new Int32Array(nLoops);
  const assigned = new Uint8Array(nLoops);
  const fusedCountOk = (): boolean => fusedLoopsOk(job, chains, fused, bounds, assigned);
  const walk = (k: number): void => {
    poll?.();
    if (k === chains.length) {
      if (checksOk(job.checks, bounds, assigned, true)) visit(tiles, bounds);
      else pruned.loopBounds++;
      return;
    }
    const rc = chains[k]!;
    const bound = job.modelEinsum.rankBounds[rc.rankVariable] ?? 1;
    for (const chain of rc.chains) {
      let outer = bound;
      for (let j = 0; j < rc.loops.length; j++) {
        const loop = rc.loops[j]!;
        tiles[loop] = chain[j]!;
        bounds[loop] = outer / chain[j]!;
        assigned[loop] = 1;
        outer = chain[j]!;
      }
      if (!checksOk(job.checks, bounds, assigned, false)) pruned.loopBounds++;
      else if (!fusedCountOk()) pruned.fusedLoops++;
      else if (!skip?.(bounds, assigned)) walk(k + 1);
    }
    for (const loop of rc.loops) assigned[loop] = 0;
  };
  walk(0);
}

/**
 * Integer key of a row's min_usage levels (usage capped at the minimum), ordered so that a larger
 * key means lexicographically better usage.
 */
export function usageKey(job: TemplateJob, bounds: Int32Array, assigned?: Uint8Array, loopMax?: Int32Array): number {
  let key = 0;
  for (const check of job.minUsage) {
    const cap = usageCap(check);
    let used = 1;
    for (const i of check.loops) used *= assigned && !assigned[i] ? loopMax![i]! : bounds[i]!;
    key = key * (cap + 1) + Math.min(cap, Math.floor(used));
  }
  return key;
}

/** The usage a min_usage check asks for, in spatial instances: usage above it ranks the same. */
export function usageCap(check: MinUsageCheck): number {
  return Math.ceil(check.minUsage * check.fanout - 1e-9);
}

/** Largest trip count each loop could get: its rank variable's bound. */
export function loopMaxima(chains: readonly RankChains[], bounds: Readonly<Record<string, number>>, nLoops: number): Int32Array {
  const out = new Int32Array(nLoops);
  for (const rc of chains) for (const i of rc.loops) out[i] = bounds[rc.rankVariable] ?? 1;
  return out;
}
