/**
 * Copy Einsums move data without computing: holders below the last backing holder are dropped,
 * and each level's records are merged under the source tensor with "min, but 0 wins" (so a
 * copy from a memory into the same memory costs nothing).
 */
import type { PHolder } from './pmapping.js';
import { numberRecord, type BuffetRecord } from './record.js';

const FIELDS = [
  'r2p', 'w2p', 'sk2p', 'mr2p', 'mw2p', 'msk2p', 'rd', 'wr', 'rdSkip', 'wrSkip',
  'urd', 'uwr', 'urdSkip', 'uwrSkip', 'occ',
] as const;

/** The holders a copy Einsum keeps: none below the last backing holder. */
export function copyHolders(holders: readonly PHolder[]): PHolder[] {
  let lastBacking = -1;
  holders.forEach((h, i) => {
    if (h.backing) lastBacking = i;
  });
  return holders.filter((h, i) => h.backing || i < lastBacking);
}

function minZeroWins(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : Math.min(a, b);
}

/** Merges the records of each level into one record of the source tensor. */
export function mergeCopyRecords(records: readonly BuffetRecord[], source: number): BuffetRecord[] {
  const byLeaf = new Map<number, BuffetRecord>();
  for (const rec of records) {
    const seen = byLeaf.get(rec.leaf);
    if (!seen) {
      const first = numberRecord(rec.leaf, source, rec.holderIndex);
      for (const f of FIELDS) first[f] = rec[f];
      first.depth = rec.depth;
      first.persistent = rec.persistent;
      byLeaf.set(rec.leaf, first);
      continue;
    }
    for (const f of FIELDS) seen[f] = minZeroWins(seen[f], rec[f]);
  }
  return [...byLeaf.values()];
}
