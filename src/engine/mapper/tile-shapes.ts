/** Candidate tile shapes of a template: divisor chains per rank variable (docs/mapper.md §3.1–3.2). */
import { divisors } from './divisors.js';
import type { TemplateJob } from './types.js';

export interface RankChains {
  readonly rankVariable: string;
  /** Template loop indices (into the loop list) of this rank variable, outer to inner. */
  readonly loops: readonly number[];
  /** Each chain gives one tile per loop; the innermost is always 1. */
  readonly chains: readonly Int32Array[];
}

function chainsFor(bound: number, depth: number, poll: () => void): Int32Array[] {
  const out: Int32Array[] = [];
  const tiles = new Int32Array(depth);
  // Every tile divides the bound, so each divisor list is asked for many times.
  const known = new Map<number, number[]>();
  const largestFirst = (n: number): number[] => known.get(n) ?? known.set(n, divisors(n).reverse()).get(n)!;
  const walk = (j: number, outer: number): void => {
    if (j === depth - 1) {
      poll();
      tiles[j] = 1;
      out.push(tiles.slice());
      return;
    }
    for (const d of largestFirst(outer)) {
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

/** Tile candidates per rank variable, in sorted rank-variable order; `poll` is called once per chain. */
export function rankChains(job: TemplateJob, poll: () => void = () => undefined): RankChains[] {
  const vars = loopRankVariables(job);
  const names = [...new Set(vars)].sort();
  return names.map((rankVariable) => {
    const loops = vars.flatMap((v, i) => (v === rankVariable ? [i] : []));
    const bound = job.modelEinsum.rankBounds[rankVariable] ?? 1;
    return { rankVariable, loops, chains: chainsFor(bound, loops.length, poll) };
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
