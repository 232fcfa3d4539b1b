/**
 * Copy Einsums move data without computing (docs/model.md, "Copy Einsums"). Each tensor keeps
 * the holders the mapping gives it, except those below the last backing holder, which a copy
 * never needs. The source is then read where it lives and the copy written where it goes; after
 * the per-tensor passes, each level's records merge under the source tensor with "min, but 0
 * wins", so a copy within one memory costs nothing.
 */
import type { PNode } from './pmapping.js';
import { numberRecord, type BuffetRecord } from './record.js';

const FIELDS = [
  'r2p', 'w2p', 'sk2p', 'mr2p', 'mw2p', 'msk2p', 'rd', 'wr', 'rdSkip', 'wrSkip',
  'urd', 'uwr', 'urdSkip', 'uwrSkip', 'occ',
] as const;

/** The path without the holders below its last backing holder; loops and the Compute stay. */
export function dropHoldersBelowLastBacking(nodes: readonly PNode[]): PNode[] {
  const last = nodes.findLastIndex((n) => n.kind === 'holder' && n.backing);
  return nodes.filter((n, i) => i <= last || n.kind !== 'holder');
}

function minZeroWins(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : Math.min(a, b);
}

/** Merges the records of each level into one record of the source tensor. */
export function mergeCopyRecords(records: readonly BuffetRecord[], source: number): BuffetRecord[] {
  const byLeaf = new Map<number, BuffetRecord[]>();
  for (const rec of records) byLeaf.set(rec.leaf, [...(byLeaf.get(rec.leaf) ?? []), rec]);
  return [...byLeaf.values()].map((level) => mergeLevel(level, source));
}

/** The level's first holder (lowest index) names the merged record: its path and backing flag. */
function mergeLevel(level: readonly BuffetRecord[], source: number): BuffetRecord {
  const first = level.reduce((a, b) => (b.holderIndex < a.holderIndex ? b : a));
  const merged = numberRecord(first.leaf, source, first.holderIndex);
  for (const f of FIELDS) merged[f] = level.map((r) => r[f]).reduce(minZeroWins);
  merged.depth = first.depth;
  merged.persistent = first.persistent;
  return merged;
}
