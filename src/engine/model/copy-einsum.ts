/**
 * Copy Einsums move data without computing. AccelForge treats every level a copy stores at as
 * holding each of the copy's tensors, and merges each level's records under the source tensor
 * with "min, but 0 wins": the data then flows up the chain of levels (every level but the
 * outermost reads it out, every level but the innermost writes it in), and a copy within one
 * memory costs nothing.
 */
import type { PHolder, PNode } from './pmapping.js';
import { numberRecord, type BuffetRecord } from './record.js';

const FIELDS = [
  'r2p', 'w2p', 'sk2p', 'mr2p', 'mw2p', 'msk2p', 'rd', 'wr', 'rdSkip', 'wrSkip',
  'urd', 'uwr', 'urdSkip', 'uwrSkip', 'occ',
] as const;

/** A copy Einsum's path with every level holding all `tensorCount` tensors. */
export interface SharedCopyPath {
  readonly nodes: PNode[];
  /** The mapping's holders first, then the added ones (never backing). */
  readonly holders: PHolder[];
}

/**
 * Gives every level of a copy Einsum's path a holder of each tensor: a tensor missing at a level
 * gets one right after that level's first holder, so every per-tensor view sees the same levels.
 */
export function shareCopyHolders(nodes: readonly PNode[], tensorCount: number): SharedCopyPath {
  const original = nodes.filter((n): n is PHolder => n.kind === 'holder');
  const held = new Set(original.map((h) => `${h.leaf}:${h.tensor}`));
  const added: PHolder[] = [];
  const out: PNode[] = [];
  for (const node of nodes) {
    out.push(node);
    if (node.kind !== 'holder') continue;
    for (let t = 0; t < tensorCount; t++) {
      const key = `${node.leaf}:${t}`;
      if (held.has(key)) continue;
      held.add(key);
      const twin: PHolder = { ...node, tensor: t, backing: false };
      added.push(twin);
      out.push(twin);
    }
  }
  return { nodes: out, holders: [...original, ...added] };
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

/** The level's mapping holder (lowest index) names the merged record: its path and backing flag. */
function mergeLevel(level: readonly BuffetRecord[], source: number): BuffetRecord {
  const first = level.reduce((a, b) => (b.holderIndex < a.holderIndex ? b : a));
  const merged = numberRecord(first.leaf, source, first.holderIndex);
  for (const f of FIELDS) merged[f] = level.map((r) => r[f]).reduce(minZeroWins);
  merged.depth = first.depth;
  merged.persistent = first.persistent;
  return merged;
}
