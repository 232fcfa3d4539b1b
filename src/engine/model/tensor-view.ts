/**
 * The per-tensor view of a path: all loops, the Compute and this tensor's holders and
 * reservations, with every spatial loop moved right above the first holder of the tensor at or
 * below the loop's owner (else above the Compute); runs of loops keep their mapping order.
 */
import { failWith } from '../base/errors.js';
import { IRRELEVANT, type EinsumInfo } from './einsum-info.js';
import type { PLoop, PMapping, PNode } from './pmapping.js';

export function tensorView(info: EinsumInfo, pm: PMapping, tensor: number): PNode[] {
  const base = pm.nodes.filter((node) => belongsToView(node, tensor));
  const moved = new Map<PNode, PLoop[]>();
  for (const node of base) {
    if (node.kind !== 'loop' || !node.spatial) continue;
    const target = base.find((n) => n.kind === 'holder' && n.leaf >= node.owner) ?? pm.compute;
    const list = moved.get(target) ?? [];
    list.push(node);
    moved.set(target, list);
  }
  const view: PNode[] = [];
  for (const node of base) {
    if (node.kind === 'loop' && node.spatial) continue;
    const spatials = moved.get(node);
    if (spatials) view.push(...spatials);
    view.push(node);
  }
  sortLoopRuns(view);
  checkRelevantLoopOrder(info, view, tensor);
  return view;
}

function belongsToView(node: PNode, tensor: number): boolean {
  if (node.kind === 'holder') return node.tensor === tensor;
  if (node.kind === 'reservation') return node.holder.tensor === tensor;
  return true;
}

/** Restores the mapping order inside every maximal run of consecutive loops. */
function sortLoopRuns(view: PNode[]): void {
  let start = 0;
  while (start < view.length) {
    if (view[start]!.kind !== 'loop') {
      start++;
      continue;
    }
    let end = start;
    while (end < view.length && view[end]!.kind === 'loop') end++;
    const run = (view.slice(start, end) as PLoop[]).sort((a, b) => a.loopIndex - b.loopIndex);
    view.splice(start, run.length, ...run);
    start = end;
  }
}

function checkRelevantLoopOrder(info: EinsumInfo, view: readonly PNode[], tensor: number): void {
  const last = new Map<number, number>();
  for (const node of view) {
    if (node.kind !== 'loop' || node.rv < 0) continue;
    if (info.relevancy[tensor]![node.rv] === IRRELEVANT) continue;
    const previous = last.get(node.rv) ?? -1;
    if (previous > node.loopIndex) {
      failWith('mapping', `a spatial loop over '${info.rankVars[node.rv]}' would move above a temporal loop over the same rank variable for tensor '${info.einsum.tensors[tensor]!.name}'`, {
        path: node.path,
        hint: 'a spatial loop above a temporal loop above a storage node on the same relevant rank variable is not allowed; reorder the loops',
      });
    }
    last.set(node.rv, node.loopIndex);
  }
}
