/**
 * The tensor-less pass: iteration counts in mapping order, compute ops and steps, spatial
 * fan-out. Irrelevant loops in the per-tensor passes reuse the counts recorded here, where the
 * outermost loop of a simple rank variable is rounded up (AccelForge's imperfect-tile quirk).
 */
import { NUMBERS, type LoopValues } from './arith.js';
import type { EinsumInfo } from './einsum-info.js';
import type { PLoop, PMapping } from './pmapping.js';

export interface LoopCounts {
  /** Average iteration count of each loop (parent tile / tile). */
  readonly average: Float64Array;
  /** Count used by per-tensor passes for loops irrelevant to the tensor. */
  readonly recorded: Float64Array;
  /** Compute operations (0 for copy Einsums). */
  readonly ops: number;
  /** Product of temporal counts: compute latency in compute actions. */
  readonly steps: number;
  /** Used instances per spatial dimension, keyed `leaf:dim`. */
  readonly fanout: ReadonlyMap<string, number>;
  /** For each used dimension, the innermost loop on it (for error paths). */
  readonly fanoutLoop: ReadonlyMap<string, PLoop>;
}

export function fanoutKey(leaf: number, dim: number): string {
  return `${leaf}:${dim}`;
}

export function countLoops(info: EinsumInfo, pm: PMapping): LoopCounts {
  const n = pm.loops.length;
  const average = new Float64Array(n);
  const recorded = new Float64Array(n);
  const shape = Float64Array.from(info.bounds);
  const seenVar = new Uint8Array(info.rankVars.length);
  let ops = info.einsum.isCopyOperation ? 0 : 1;
  let steps = ops;
  const fanout = new Map<string, number>();
  const fanoutLoop = new Map<string, PLoop>();
  for (const loop of pm.loops) {
    const i = loop.loopIndex;
    const count = loop.rv < 0 ? 1 : shape[loop.rv]! / loop.tile;
    average[i] = count;
    recorded[i] = count;
    if (loop.rv >= 0) {
      if (!seenVar[loop.rv] && info.simple[loop.rv]) recorded[i] = Math.ceil(count);
      seenVar[loop.rv] = 1;
      shape[loop.rv] = loop.tile;
    }
    ops *= count;
    if (loop.spatial) {
      const key = fanoutKey(loop.owner, loop.dim);
      fanout.set(key, (fanout.get(key) ?? 1) * count);
      fanoutLoop.set(key, loop);
    } else {
      steps *= count;
    }
  }
  return { average, recorded, ops, steps, fanout, fanoutLoop };
}

/** The reuse analysis' view of one mapping's loops (irrelevant loops use the recorded counts). */
export function numericLoopValues(info: EinsumInfo, pm: PMapping, counts: LoopCounts): LoopValues<number> {
  return {
    arith: NUMBERS,
    count: (i, irrelevant) => (irrelevant ? counts.recorded[i]! : counts.average[i]!),
    tile: (i) => pm.loops[i]!.tile,
    bound: (r) => info.bounds[r]!,
  };
}
