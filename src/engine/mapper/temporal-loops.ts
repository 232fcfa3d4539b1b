/** Stage 3 of template making: temporal loop segments between storage groups (docs/mapper.md §2.5). */
import type { Relevancy } from './relevancy.js';
import { indexingVars } from './relevancy.js';
import type { PlacedNode } from './storage-order.js';

/** A template under construction: storage nodes and loops, with lowering marks. */
export type DraftNode =
  | { readonly kind: 'storage'; readonly node: PlacedNode; readonly lowered: boolean }
  | { readonly kind: 'temporal'; readonly rankVariable: string }
  | { readonly kind: 'spatial'; readonly rankVariable: string; readonly component: string; readonly dim: string };

export interface LoopContext {
  readonly rankVariables: readonly string[];
  readonly relevancy: Relevancy;
  readonly fusable: ReadonlySet<string>;
  readonly maxFusedLoops: number;
  readonly exploreLoopOrders: boolean;
  /** A copy Einsum: one storage group per memory, not per node. */
  readonly copy: boolean;
}

/**
 * Group 0 = persistent and outermost-memory nodes; every other node is its own group, except in
 * copy Einsums, where consecutive nodes of one memory form one group (no loop between them).
 */
export function storageGroups(order: readonly PlacedNode[], copy = false): PlacedNode[][] {
  const first = order.filter((n) => n.level === 0 || n.persistent);
  const rest = order.filter((n) => !(n.level === 0 || n.persistent));
  const groups: PlacedNode[][] = [];
  for (const n of rest) {
    const last = groups.at(-1);
    if (copy && last && last[0]!.component === n.component) last.push(n);
    else groups.push([n]);
  }
  // Group 0 stays even when empty: its loop segment then sits above every storage node.
  return [first, ...groups];
}

/** Rank variables of the loop segment after group i. */
function segmentVars(groups: readonly PlacedNode[][], i: number, ctx: LoopContext): string[] {
  const rel = ctx.relevancy;
  const seen = new Set(groups.slice(0, i + 1).flat().map((n) => n.tensor));
  const next = groups[i + 1] ?? [];
  if (next.some((n) => n.persistent)) return [];
  let rv = new Set(ctx.rankVariables);
  const allTensors = new Set([...rel.full.keys()]);
  for (const t of allTensors) {
    if (seen.has(t)) continue;
    const direct = rel.full.get(t) ?? new Set<string>();
    rv = new Set([...rv].filter((v) => direct.has(v)));
  }
  const unbackedFusable = [...ctx.fusable].some((t) => !seen.has(t));
  if (ctx.maxFusedLoops === 0 && unbackedFusable) return [];
  for (const s of groups[i]!) if (!s.backing) for (const v of rel.full.get(s.tensor) ?? []) rv.delete(v);
  if (!unbackedFusable) {
    const partialHere = new Set(groups[i]!.flatMap((s) => [...(rel.partial.get(s.tensor) ?? [])]));
    for (const s of next) {
      const indexing = indexingVars(rel, s.tensor);
      for (const v of [...rv]) if (!indexing.has(v) && !partialHere.has(v)) rv.delete(v);
    }
  }
  return [...rv].sort();
}

function lowerOptions(group: readonly PlacedNode[], vars: readonly string[], rel: Relevancy): boolean[] {
  const node = group[0]!;
  if (group.length !== 1 || node.level === 0 || node.persistent) return [false];
  if (!node.backing) return [true];
  const partial = rel.partial.get(node.tensor) ?? new Set<string>();
  return vars.some((v) => partial.has(v)) ? [false, true] : [false];
}

function loopOrders(group: readonly PlacedNode[], vars: readonly string[], lowered: boolean, ctx: LoopContext): string[][] {
  const partial = new Set(group.flatMap((s) => [...(ctx.relevancy.partial.get(s.tensor) ?? [])]));
  const firsts = vars.filter((v) => partial.has(v));
  if (!lowered || firsts.length === 0 || !ctx.exploreLoopOrders) return [[...vars]];
  return firsts.map((f) => [f, ...vars.filter((v) => v !== f)]);
}

/** Every way to put temporal loop segments between the storage groups of one storage order. */
export function insertTemporalLoops(order: readonly PlacedNode[], ctx: LoopContext): DraftNode[][] {
  const groups = storageGroups(order, ctx.copy);
  let drafts: DraftNode[][] = [[]];
  groups.forEach((group, i) => {
    const vars = segmentVars(groups, i, ctx);
    const pieces: DraftNode[][] = [];
    for (const lowered of lowerOptions(group, vars, ctx.relevancy)) {
      for (const loopVars of loopOrders(group, vars, lowered, ctx)) {
        const loops: DraftNode[] = loopVars.map((v) => ({ kind: 'temporal', rankVariable: v }));
        const holders: DraftNode[] = group.map((node) => ({ kind: 'storage', node, lowered }));
        // Lowering moves only the reservation (the model sinks it, docs/model.md §2.4), never the holder.
        pieces.push([...holders, ...loops]);
      }
    }
    const next: DraftNode[][] = [];
    for (const d of drafts) for (const p of pieces) next.push([...d, ...p]);
    drafts = next;
  });
  return drafts;
}
