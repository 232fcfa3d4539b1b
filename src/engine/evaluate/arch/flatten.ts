/** Flattening (docs/spec-format.md §4.11): one path of leaves from the root to each Compute. */
import type { EvaluatedArchNode } from './evaluate-arch.js';
import type { EvaluatedLeaf } from './types.js';

/** Every Compute leaf of the tree, in document order. */
export function computeLeaves(nodes: readonly EvaluatedArchNode[]): EvaluatedLeaf[] {
  const out: EvaluatedLeaf[] = [];
  const visit = (list: readonly EvaluatedArchNode[]): void => {
    for (const node of list) {
      if (node.type === 'leaf') {
        if (node.leaf.kind === 'compute') out.push(node.leaf);
      } else visit(node.nodes);
    }
  };
  visit(nodes);
  return out;
}

function contains(node: EvaluatedArchNode, compute: string): boolean {
  if (node.type === 'leaf') return node.leaf.kind === 'compute' && node.leaf.name === compute;
  return node.nodes.some((child) => contains(child, compute));
}

/**
 * The leaves on the way to `compute`: other Computes are skipped, forks that do not hold it
 * are skipped, and the walk stops at the Compute (or after the fork that holds it).
 */
export function flattenFor(nodes: readonly EvaluatedArchNode[], compute: string): EvaluatedLeaf[] {
  const out: EvaluatedLeaf[] = [];
  const walk = (list: readonly EvaluatedArchNode[]): boolean => {
    for (const node of list) {
      if (node.type === 'leaf') {
        if (node.leaf.kind !== 'compute') out.push(node.leaf);
        else if (node.leaf.name === compute) {
          out.push(node.leaf);
          return true;
        }
        continue;
      }
      if (node.type === 'fork' && !contains(node, compute)) continue;
      if (walk(node.nodes)) return true;
    }
    return false;
  };
  walk(nodes);
  return out;
}
