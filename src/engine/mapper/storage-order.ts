/** Stage 2 of template making: orders of the storage nodes of a dataplacement (docs/mapper.md §2.4). */
import type { Dataplacement } from './dataplacement.js';

/** A storage node before loops are inserted. */
export interface PlacedNode {
  readonly component: string;
  readonly leafIndex: number;
  readonly tensor: string;
  readonly backing: boolean;
  readonly optional: boolean;
  readonly persistent: boolean;
  /** Index of the memory level in the dataplacement (0 = outermost memory). */
  readonly level: number;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  const out: T[][] = [];
  items.forEach((item, i) => {
    for (const rest of permutations([...items.slice(0, i), ...items.slice(i + 1)])) out.push([item, ...rest]);
  });
  return out;
}

/**
 * Hierarchy order is forced (the default), so memories appear in arch order and only the order of
 * tensors inside one memory varies. The outermost memory's nodes are fixed in descending name order
 * because no loop can sit between them.
 */
export function storageOrders(
  placement: Dataplacement,
  persistent: ReadonlySet<string>,
  cumulativeFanout: (leafIndex: number) => number,
): PlacedNode[][] {
  const seen = new Set<string>();
  const perLevel = placement.map((level, li) => {
    const nodes = level.tensors.map((tensor): PlacedNode => ({
      component: level.component,
      leafIndex: level.leafIndex,
      tensor,
      backing: !seen.has(tensor),
      optional: level.optional.has(tensor),
      persistent: !seen.has(tensor) && persistent.has(tensor),
      level: li,
    }));
    for (const t of level.tensors) seen.add(t);
    if (li === 0) return [[...nodes].sort((a, b) => (a.tensor < b.tensor ? 1 : a.tensor > b.tensor ? -1 : 0))];
    return permutations(nodes);
  });
  let orders: PlacedNode[][] = [[]];
  for (const options of perLevel) {
    const next: PlacedNode[][] = [];
    for (const prefix of orders) for (const option of options) next.push([...prefix, ...option]);
    orders = next;
  }
  return orders.filter((order) => !hasRedundantBackToBack(order, cumulativeFanout));
}

/** A tensor in two adjacent nodes of different memories with equal fanout, outer one optional (neither kept by rule nor backing): bypassable. */
function hasRedundantBackToBack(order: readonly PlacedNode[], cumulativeFanout: (leafIndex: number) => number): boolean {
  for (let i = 0; i + 1 < order.length; i++) {
    const a = order[i]!;
    const b = order[i + 1]!;
    // A backing node is never optional: the tensor's data lives there.
    if (a.tensor !== b.tensor || a.component === b.component || !a.optional || a.backing) continue;
    if (cumulativeFanout(a.leafIndex) === cumulativeFanout(b.leafIndex)) return true;
  }
  return false;
}

/**
 * The storage nodes a copy Einsum's template keeps (docs/model.md, "Copy Einsums"): none below
 * the last backing node, since every tensor is in place by then, and no non-backing node in a
 * memory where some tensor is backed. AccelForge's mapper prices the latter as if it were
 * absent and returns the mapping without it; our model would charge it as a write-back.
 */
export function copyStorageNodes(order: readonly PlacedNode[]): PlacedNode[] {
  const last = order.findLastIndex((n) => n.backing);
  const backedIn = new Set(order.filter((n) => n.backing).map((n) => n.component));
  return order.slice(0, last + 1).filter((n) => n.backing || !backedIn.has(n.component));
}
