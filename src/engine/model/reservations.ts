/**
 * Places each holder's reservation (where its occupancy is measured). A trailing holder sinks
 * through loops fully relevant to its tensor; everything else reserves right below the holder.
 */
import { IRRELEVANT, PARTIALLY_RELEVANT, type EinsumInfo } from './einsum-info.js';
import type { PHolder, PNode, PReservation } from './pmapping.js';

export function insertReservations(info: EinsumInfo, nodes: readonly PNode[]): PNode[] {
  // before[i]: reservations placed directly above nodes[i].
  const before: PReservation[][] = nodes.map(() => []);
  const lowerable = !info.einsum.isCopyOperation;
  let open: PHolder[] = [];
  const seen = new Set<number>();
  const closeAll = (at: number): void => {
    for (const holder of open) before[at]!.push({ kind: 'reservation', holder });
    open = [];
  };
  nodes.forEach((node, i) => {
    if (node.kind === 'loop') {
      open = open.filter((holder) => keepOpenAcross(info, node, holder, before, i));
    } else if (node.kind === 'holder') {
      closeAll(i);
      const isNew = !seen.has(node.tensor);
      seen.add(node.tensor);
      if (isNew || !lowerable) before[i + 1]!.push({ kind: 'reservation', holder: node });
      else open.push(node);
    } else if (node.kind === 'compute') {
      closeAll(i);
    }
  });
  const out: PNode[] = [];
  nodes.forEach((node, i) => {
    out.push(...before[i]!, node);
  });
  return out;
}

function keepOpenAcross(
  info: EinsumInfo,
  loop: Extract<PNode, { kind: 'loop' }>,
  holder: PHolder,
  before: PReservation[][],
  i: number,
): boolean {
  if (loop.spatial) {
    if (loop.owner === holder.leaf) return true;
    before[i]!.push({ kind: 'reservation', holder });
    return false;
  }
  const relevancy = loop.rv < 0 ? IRRELEVANT : info.relevancy[holder.tensor]![loop.rv]!;
  if (relevancy === IRRELEVANT) {
    before[i]!.push({ kind: 'reservation', holder });
    return false;
  }
  if (relevancy === PARTIALLY_RELEVANT) {
    before[i + 1]!.push({ kind: 'reservation', holder });
    return false;
  }
  return true;
}
