/**
 * Canonical form of a LoopTree: lines are flat (a Nested or Mapping inside a line is spliced in),
 * every branch of a split is a Nested, and user-written Reservations are dropped (the model
 * inserts its own). Paths and numbers are unchanged by this.
 */
import type { BranchNode, Mapping, MappingNode } from '../spec/schema/mapping.js';

const SPLIT_TAGS: ReadonlySet<string> = new Set(['Sequential', 'Pipeline', 'Split']);
const LINE_TAGS: ReadonlySet<string> = new Set(['Nested', 'Mapping']);

export function normalizeMapping(mapping: Mapping): Mapping {
  return { ...mapping, nodes: normalizeLine(mapping.nodes) };
}

function normalizeLine(nodes: readonly MappingNode[]): MappingNode[] {
  const out: MappingNode[] = [];
  for (const node of nodes) {
    if (node.$tag === 'Reservation') continue;
    if (LINE_TAGS.has(node.$tag) && 'nodes' in node) out.push(...normalizeLine(node.nodes));
    else if (SPLIT_TAGS.has(node.$tag) && 'nodes' in node) out.push(normalizeSplit(node));
    else out.push(node);
  }
  return out;
}

function normalizeSplit(split: BranchNode): BranchNode {
  return { ...split, nodes: split.nodes.map(asNested) };
}

function asNested(branch: MappingNode): BranchNode {
  if (LINE_TAGS.has(branch.$tag) && 'nodes' in branch) {
    return { ...branch, $tag: 'Nested', nodes: normalizeLine(branch.nodes) };
  }
  return { $tag: 'Nested', nodes: normalizeLine([branch]) };
}
