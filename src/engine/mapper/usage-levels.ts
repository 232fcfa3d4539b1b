/**
 * The best min_usage level a template can reach (below a limit), searched over groups of chains
 * rather than chains: usage, cross-rank checks and fused-loop limits see a rank variable's chain
 * only through its group signature (chain-groups.ts), so one representative per group suffices.
 */
import { crossRankChecks, setChain, signatureGroups, viableChains, watchedLoopSets } from './chain-groups.js';
import { checksOk, fusedFlags, fusedLoopsOk, usageKey } from './tile-enumerate.js';
import type { RankChains } from './tile-shapes.js';
import type { PruneCounts, TemplateJob } from './types.js';

/** The highest usage key below `limit` over all valid assignments, or -1 when there is none. */
export function bestUsageLevel(job: TemplateJob, chains: readonly RankChains[], nLoops: number, limit: number, loopMax: Int32Array, poll: () => void): number {
  const scratch: PruneCounts = { loopBounds: 0, fusedLoops: 0, minUsage: 0, capacity: 0, pareto: 0 };
  const fused = fusedFlags(job);
  const crossChecks = crossRankChecks(job, chains);
  const watched = watchedLoopSets(job, crossChecks);
  const ranks = chains.map((rc) => {
    const viable = viableChains(job, rc, nLoops, scratch, undefined);
    const bound = job.modelEinsum.rankBounds[rc.rankVariable] ?? 1;
    return { rc, bound, representatives: signatureGroups(viable, watched, fused, nLoops, bound).map((group) => group[0]!) };
  });
  const tiles = new Int32Array(nLoops);
  const bounds = new Int32Array(nLoops);
  const assigned = new Uint8Array(nLoops);
  let best = -1;
  const walk = (k: number): void => {
    poll();
    if (k === ranks.length) {
      const key = usageKey(job, bounds);
      if (key < limit && key > best) best = key;
      return;
    }
    const { rc, bound, representatives } = ranks[k]!;
    for (const chain of representatives) {
      setChain(rc.loops, chain, bound, tiles, bounds);
      for (const i of rc.loops) assigned[i] = 1;
      const last = k === ranks.length - 1;
      if (!checksOk(crossChecks, bounds, assigned, last) || !fusedLoopsOk(job, chains, fused, bounds, assigned)) continue;
      if (usageKey(job, bounds, assigned, loopMax) <= best) continue;
      walk(k + 1);
    }
    for (const i of rc.loops) assigned[i] = 0;
  };
  walk(0);
  return best;
}
