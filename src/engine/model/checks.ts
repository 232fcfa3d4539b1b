/** Invalid-mapping checks of one Einsum: spatial fan-out and memory capacity. */
import { failWith } from '../base/errors.js';
import type { EinsumInfo } from './einsum-info.js';
import { fanoutKey, type LoopCounts } from './loop-counts.js';
import type { PMapping } from './pmapping.js';
import type { BuffetRecord } from './record.js';

const SLACK = 1 + 1e-9;

export interface FanoutUse {
  readonly component: string;
  readonly dimension: string;
  readonly used: number;
  readonly fanout: number;
  /** used / fanout × usage_scale */
  readonly usage: number;
}

/** Every spatial dimension on the path with its use; fails when a loop nest exceeds a fanout. */
export function checkFanout(info: EinsumInfo, counts: LoopCounts): FanoutUse[] {
  const out: FanoutUse[] = [];
  info.einsum.arch.forEach((leaf, l) => {
    leaf.spatial.forEach((dim, d) => {
      const key = fanoutKey(l, d);
      const used = counts.fanout.get(key) ?? 1;
      if (used > dim.fanout * SLACK) {
        failWith('mapping', `the mapping uses ${used} spatial instances of ${leaf.name} dimension ${dim.name}, but its fanout is only ${dim.fanout}`, {
          path: counts.fanoutLoop.get(key)?.path ?? [],
          hint: `reduce the spatial loops on ${leaf.name}.${dim.name} to at most ${dim.fanout} instances`,
        });
      }
      out.push({
        component: leaf.name,
        dimension: dim.name,
        used,
        fanout: dim.fanout,
        usage: (used / dim.fanout) * dim.usageScale,
      });
    });
  });
  return out;
}

/** Occupancy in bits of a record, persistent tiles counted once per instance. */
export function occupancyBits(info: EinsumInfo, rec: BuffetRecord): number {
  return rec.persistent ? rec.occ * info.einsum.nInstances : rec.occ;
}

/** All tiles a memory holds within one Einsum are resident together; they must fit. */
export function checkCapacity(info: EinsumInfo, pm: PMapping, records: readonly BuffetRecord[]): void {
  const used = new Float64Array(info.einsum.arch.length);
  const topDown = [...records].sort((a, b) => a.holderIndex - b.holderIndex);
  for (const rec of topDown) {
    if (rec.holderIndex < 0 || rec.occ === 0) continue;
    used[rec.leaf]! += occupancyBits(info, rec);
    const leaf = info.einsum.arch[rec.leaf]!;
    if (used[rec.leaf]! > leaf.size * SLACK) {
      failWith('mapping', `the mapping uses ${used[rec.leaf]} bits of ${leaf.name} but its size is only ${leaf.size} bits (Einsum ${info.einsum.name})`, {
        path: pm.holders[rec.holderIndex]!.path,
        hint: `keep smaller tiles in ${leaf.name} (move this storage node below more loops) or keep fewer tensors there`,
      });
    }
  }
}
