/** Candidate tile shapes of a template: divisor chains per rank variable (mapper.md §3.1-3.2). */
import type { TemplateJob } from './types.js';

export interface RankChains {
  readonly rankVariable: string;
  /** Template loop indices (into the loop list) of this rank variable, outer to inner. */
  readonly loops: readonly number[];
  /** Each chain gives one tile per loop; the innermost is always 1. */
  readonly chains: readonly Int32Array[];
}

function divisors(n: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= n; d++) if (n % d === 0) out.push(d);
  return out;
}

function chainsFor(bound: number, depth: number): Int32Array[] {
  const out: Int32Array[] = [];
  const tiles = new Int32Array(depth);
  const walk = (j: number, outer: number): void => {
    if (j === depth - 1) {
      tiles[j] = 1;
      out.push(tiles.slice());
      return;
    }
    for (const d of divisors(outer).reverse()) {
      tiles[j] = d;
      walk(j + 1, d);
    }
  };
  if (depth > 0) walk(0, bound);
  return out;
}

/** Loop-list indices of the loops in a template, in template order. */
export function loopRankVariables(job: TemplateJob): string[] {
  return job.nodes.flatMap((n) => (n.kind === 'storage' ? [] : [n.rankVariable]));
}

/** Tile candidates per rank variable, in sorted rank-variable order. */
export function rankChains(job: TemplateJob): RankChains[] {
  const vars = loopRankVariables(job);
  const names = [...new Set(vars)].sort();
  return names.map((rankVariable) => {
    const loops = vars.flatMap((v, i) => (v === rankVariable ? [i] : []));
    const bound = job.modelEinsum.rankBounds[rankVariable] ?? 1;
    return { rankVariable, loops, chains: chainsFor(bound, loops.length) };
  });
}

/** Loop bound (trip count) of every loop given the tiles of all loops. */
export function loopBounds(chains: readonly RankChains[], tiles: Int32Array, bounds: Readonly<Record<string, number>>, out: Int32Array): void {
  for (const rc of chains) {
    let outer = bounds[rc.rankVariable] ?? 1;
    for (const i of rc.loops) {
      out[i] = outer / tiles[i]!;
      outer = tiles[i]!;
    }
  }
}
