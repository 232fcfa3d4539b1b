/**
 * Memory occupancy across Einsums. Tiles above the loops two consecutive Einsums share coexist
 * (summed); tiles below them live one Einsum at a time (maxed); persistent tiles always add.
 * Unfused Einsums share no loop, so a memory's usage is the max over Einsums. A tensor a memory
 * backs in two Einsums (its data, not a reloadable copy) stays allocated during every Einsum
 * between them.
 */
import { failWith } from '../base/errors.js';
import { sharedLoopCount, type MappingPath } from './mapping-paths.js';
import type { EinsumEvaluation } from './result-types.js';

export interface MemoryUsage {
  readonly component: string;
  /** Peak bits resident over the whole mapping. */
  readonly bits: number;
  readonly size: number;
  readonly fraction: number;
}

interface Occupancy {
  persistent: number;
  byDepth: number[];
}

export function joinCapacity(
  evaluations: readonly EinsumEvaluation[],
  paths: readonly MappingPath[],
): MemoryUsage[] {
  const sizes = new Map<string, number>();
  for (const e of evaluations) for (const u of e.usage) sizes.set(u.component, u.size);
  const out: MemoryUsage[] = [];
  for (const [component, size] of sizes) {
    let acc: Occupancy | null = null;
    let maxBits = 0;
    const live = liveBetween(evaluations, component);
    evaluations.forEach((e, i) => {
      const next = occupancyOf(e, component);
      next.byDepth[0] = (next.byDepth[0] ?? 0) + live[i]!;
      acc = acc === null ? next : join(acc, next, sharedLoopCount(paths[i - 1]!, paths[i]!));
      const bits = total(acc);
      maxBits = Math.max(maxBits, bits);
      if (bits > size * (1 + 1e-9)) {
        failWith('mapping', `${component} needs ${bits} bits while ${e.einsum} runs after the Einsums before it, but its size is only ${size} bits`, {
          path: e.computePath,
          hint: `tiles kept above shared loops stay resident across Einsums; keep smaller tiles in ${component}`,
        });
      }
    });
    out.push({ component, bits: maxBits, size, fraction: size === Infinity ? 0 : maxBits / size });
  }
  return out;
}

function occupancyOf(e: EinsumEvaluation, component: string): Occupancy {
  const occ: Occupancy = { persistent: 0, byDepth: [] };
  for (const u of e.usage) {
    if (u.component !== component) continue;
    if (u.depth < 0) occ.persistent += u.bits;
    else occ.byDepth[u.depth] = (occ.byDepth[u.depth] ?? 0) + u.bits;
  }
  return occ;
}

function join(left: Occupancy, right: Occupancy, shared: number): Occupancy {
  const byDepth: number[] = [];
  for (let d = 0; d < shared; d++) byDepth[d] = (left.byDepth[d] ?? 0) + (right.byDepth[d] ?? 0);
  byDepth[shared] = Math.max(sumFrom(left.byDepth, shared), sumFrom(right.byDepth, shared));
  return { persistent: left.persistent + right.persistent, byDepth };
}

function sumFrom(values: readonly number[], from: number): number {
  let sum = 0;
  for (let d = from; d < values.length; d++) sum += values[d] ?? 0;
  return sum;
}

function total(occ: Occupancy): number {
  return occ.persistent + sumFrom(occ.byDepth, 0);
}

/** Per Einsum: bits of tensors this memory backs before and after it but not during it. */
function liveBetween(evaluations: readonly EinsumEvaluation[], component: string): number[] {
  const live = evaluations.map(() => 0);
  const seen = new Map<string, { first: number; last: number; bits: number }>();
  evaluations.forEach((e, i) => {
    for (const u of e.usage) {
      if (u.component !== component || u.depth < 0 || !u.backing) continue;
      const span = seen.get(u.tensor) ?? { first: i, last: i, bits: 0 };
      span.last = i;
      span.bits = Math.max(span.bits, u.bits);
      seen.set(u.tensor, span);
    }
  });
  for (const [tensor, span] of seen) {
    for (let k = span.first + 1; k < span.last; k++) {
      const holds = evaluations[k]!.usage.some((u) => u.component === component && u.tensor === tensor);
      if (!holds) live[k]! += span.bits;
    }
  }
  return live;
}
