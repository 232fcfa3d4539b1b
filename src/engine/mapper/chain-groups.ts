/** Rank-variable chains as the search sees them: filtered by their own checks, grouped by what other checks see. */
import type { RankChains } from './tile-shapes.js';
import { checksOk } from './tile-enumerate.js';
import type { LoopBoundCheck, PruneCounts, TemplateJob } from './types.js';

/** Checks spanning more than one rank variable (the others are settled per rank variable). */
export function crossRankChecks(job: TemplateJob, chains: readonly RankChains[]): LoopBoundCheck[] {
  return job.checks.filter((c) => !chains.some((rc) => c.loops.every((i) => rc.loops.includes(i))));
}

/** Cross-rank checks and min_usage see a rank's chains only through these loop products. */
export function watchedLoopSets(job: TemplateJob, crossChecks: readonly LoopBoundCheck[]): (readonly number[])[] {
  return [...crossChecks.map((c) => c.loops), ...job.minUsage.map((m) => m.loops)];
}

/**
 * The chains of one rank variable that pass every check on its loops alone (checks within the
 * rank in full; the others as bounds, the remaining loops counted at 1 or at their maximum).
 */
export function viableChains(
  job: TemplateJob,
  rc: RankChains,
  nLoops: number,
  pruned: PruneCounts,
  skip: ((bounds: Int32Array, assigned: Uint8Array) => boolean) | undefined,
): RankChains {
  const assigned = new Uint8Array(nLoops);
  for (const i of rc.loops) assigned[i] = 1;
  const own = job.checks.filter((c) => c.loops.every((i) => assigned[i]));
  const partial = job.checks.filter((c) => !c.loops.every((i) => assigned[i]));
  const tiles = new Int32Array(nLoops);
  const bounds = new Int32Array(nLoops);
  const bound = job.modelEinsum.rankBounds[rc.rankVariable] ?? 1;
  const kept = rc.chains.filter((chain) => {
    setChain(rc.loops, chain, bound, tiles, bounds);
    const ok = checksOk(own, bounds, assigned, true) && checksOk(partial, bounds, assigned, false);
    if (!ok) pruned.loopBounds++;
    else if (skip?.(bounds, assigned)) pruned.minUsage++;
    else return true;
    return false;
  });
  return { ...rc, chains: kept };
}

/**
 * The rank's chains grouped by what the cross-rank checks, min_usage and fused-loop limits can
 * see of them (their products over each watched loop set, and which fused loops are trivial), so
 * those checks run once per group and row.
 */
export function signatureGroups(rc: RankChains, watched: readonly (readonly number[])[], fused: Uint8Array, nLoops: number, bound: number): Int32Array[][] {
  const tiles = new Int32Array(nLoops);
  const bounds = new Int32Array(nLoops);
  const sets = watched.map((loops) => loops.filter((i) => rc.loops.includes(i))).filter((loops) => loops.length > 0);
  const fusedHere = rc.loops.filter((i) => fused[i] === 1);
  const groups = new Map<string, Int32Array[]>();
  for (const chain of rc.chains) {
    setChain(rc.loops, chain, bound, tiles, bounds);
    const products = sets.map((loops) => loops.reduce((p, i) => p * bounds[i]!, 1));
    const trivial = fusedHere.map((i) => (bounds[i]! > 1 ? 1 : 0));
    const key = `${products.join(',')}|${trivial.join('')}`;
    const group = groups.get(key);
    if (group) group.push(chain);
    else groups.set(key, [chain]);
  }
  return [...groups.values()];
}

export function setChain(loops: readonly number[], chain: Int32Array, bound: number, tiles: Int32Array, bounds: Int32Array): void {
  let outer = bound;
  for (let j = 0; j < loops.length; j++) {
    const loop = loops[j]!;
    tiles[loop] = chain[j]!;
    bounds[loop] = outer / chain[j]!;
    outer = chain[j]!;
  }
}

