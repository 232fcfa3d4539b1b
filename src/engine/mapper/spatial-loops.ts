/** Stage 4 of template making: spatial loops under each fanout, missing temporal loops (docs/mapper.md §2.6–2.7). */
import type { EvaluatedLeaf } from '../evaluate/index.js';
import type { DraftNode } from './temporal-loops.js';
import type { Relevancy } from './relevancy.js';
import { indexingVars } from './relevancy.js';

export interface SpatialContext {
  readonly rankVariables: readonly string[];
  readonly relevancy: Relevancy;
  readonly intermediates: ReadonlySet<string>;
  /** Rank variables a spatial dimension may not use (from `reuse` and `== 1` loop bounds). */
  readonly forbidden: (leaf: EvaluatedLeaf, dim: number) => ReadonlySet<string>;
}

/** Position just below the lowest storage node above `leafIndex`, past the temporal loops there. */
function insertionPoint(draft: readonly DraftNode[], leafIndex: number): number {
  let at = 0;
  draft.forEach((n, i) => {
    if (n.kind === 'storage' && n.node.leafIndex < leafIndex) at = i + 1;
  });
  while (at < draft.length && draft[at]!.kind === 'temporal') at++;
  return at;
}

export function insertSpatialLoops(draft: readonly DraftNode[], leaves: readonly EvaluatedLeaf[], ctx: SpatialContext): DraftNode[] {
  let out = [...draft];
  leaves.forEach((leaf, leafIndex) => {
    let at = insertionPoint(out, leafIndex);
    leaf.spatial.forEach((dim, d) => {
      if (dim.fanout <= 1) return;
      const storedAbove = new Set(out.slice(0, at).flatMap((n) => (n.kind === 'storage' ? [n.node.tensor] : [])));
      let vars = ctx.rankVariables.filter((v) => !ctx.forbidden(leaf, d).has(v));
      for (const t of ctx.intermediates) {
        if (storedAbove.has(t)) continue;
        const direct = ctx.relevancy.full.get(t);
        if (direct) vars = vars.filter((v) => direct.has(v));
      }
      const loops: DraftNode[] = vars.map((v) => ({ kind: 'spatial', rankVariable: v, component: leaf.name, dim: dim.name }));
      out = [...out.slice(0, at), ...loops, ...out.slice(at)];
      at += loops.length;
    });
  });
  return out;
}

/** Rank variables indexing any tensor of a `reuse` set may not be spread over that dimension. */
export function reuseForbidden(rel: Relevancy, reuseTensors: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of reuseTensors) for (const v of indexingVars(rel, t)) out.add(v);
  return out;
}

/** Every rank variable needs an unfused temporal loop: add the missing ones below the last backing node. */
export function placeMissingTemporalLoops(draft: readonly DraftNode[], rankVariables: readonly string[], fusable: ReadonlySet<string>): DraftNode[] {
  // Fused loops are shared with other Einsums: every rank variable also needs an unfused one.
  const fused = fusedLoopCount(draft, fusable);
  let loop = 0;
  const have = new Set<string>();
  for (const n of draft) {
    if (n.kind === 'storage') continue;
    if (n.kind === 'temporal' && loop >= fused) have.add(n.rankVariable);
    loop++;
  }
  const missing = rankVariables.filter((v) => !have.has(v));
  if (missing.length === 0) return [...draft];
  let at = 0;
  draft.forEach((n, i) => {
    if (n.kind === 'storage' && n.node.backing) at = i + 1;
  });
  while (at < draft.length && draft[at]!.kind === 'temporal') at++;
  const loops: DraftNode[] = missing.map((v) => ({ kind: 'temporal', rankVariable: v }));
  return [...draft.slice(0, at), ...loops, ...draft.slice(at)];
}

/** Loops above the last backing node of a fusable tensor (one more if that node is lowered). */
export function fusedLoopCount(draft: readonly DraftNode[], fusable: ReadonlySet<string>): number {
  let last = -1;
  let lowered = false;
  draft.forEach((n, i) => {
    if (n.kind === 'storage' && n.node.backing && fusable.has(n.node.tensor)) {
      last = i;
      lowered = n.lowered;
    }
  });
  if (last < 0) return 0;
  const loopsAbove = draft.slice(0, last).filter((n) => n.kind !== 'storage').length;
  if (!lowered) return loopsAbove;
  const below = draft.slice(last + 1).findIndex((n) => n.kind !== 'storage');
  return below >= 0 ? loopsAbove + 1 : loopsAbove;
}
