/** Splits a LoopTree into one root→Compute path per Einsum (Sequential = Pipeline = Split). */
import type { SpecPath } from '../base/errors.js';
import type {
  ComputeNode,
  HolderNode,
  LoopNode,
  Mapping,
  MappingNode,
} from '../spec/schema/mapping.js';

export type PathNode = LoopNode | HolderNode | ComputeNode;

/** A node on a path together with where it sits in the spec. */
export interface PathEntry {
  readonly node: PathNode;
  readonly path: SpecPath;
}

export interface MappingPath {
  readonly einsum: string;
  readonly compute: PathEntry;
  /** Loops and holders from the root down, then the Compute. */
  readonly entries: readonly PathEntry[];
}

const SPLIT_TAGS: ReadonlySet<string> = new Set(['Sequential', 'Pipeline', 'Split']);
const LINE_TAGS: ReadonlySet<string> = new Set(['Nested', 'Mapping']);

/** Every root→Compute path of the mapping, in document order. */
export function mappingPaths(mapping: Mapping, root: SpecPath = ['mapping']): MappingPath[] {
  const out: MappingPath[] = [];
  walkLine(mapping.nodes, [...root, 'nodes'], [], out);
  return out;
}

function walkLine(
  nodes: readonly MappingNode[],
  at: SpecPath,
  trunk: readonly PathEntry[],
  out: MappingPath[],
): void {
  const line = [...trunk];
  nodes.forEach((node, i) => visit(node, [...at, i], line, out));
}

/** Visits one node of a line; loops and holders extend `line` for the nodes after them. */
function visit(node: MappingNode, path: SpecPath, line: PathEntry[], out: MappingPath[]): void {
  if (LINE_TAGS.has(node.$tag) && 'nodes' in node) {
    walkLine(node.nodes, [...path, 'nodes'], line, out);
  } else if (SPLIT_TAGS.has(node.$tag) && 'nodes' in node) {
    node.nodes.forEach((branch, b) => visit(branch, [...path, 'nodes', b], [...line], out));
  } else if (node.$tag === 'Compute') {
    const compute = { node, path };
    out.push({ einsum: node.einsum, compute, entries: [...line, compute] });
  } else if (isPathNode(node)) {
    line.push({ node, path });
  }
}

function isPathNode(node: MappingNode): node is PathNode {
  return (
    node.$tag === 'Storage' ||
    node.$tag === 'Toll' ||
    node.$tag === 'Temporal' ||
    node.$tag === 'Spatial'
  );
}

/** Number of loop nodes two paths share at their top (loops above the split between them). */
export function sharedLoopCount(a: MappingPath, b: MappingPath): number {
  let shared = 0;
  const n = Math.min(a.entries.length, b.entries.length);
  for (let i = 0; i < n; i++) {
    const x = a.entries[i]!;
    if (x.node !== b.entries[i]!.node) break;
    if (x.node.$tag === 'Temporal' || x.node.$tag === 'Spatial') shared++;
  }
  return shared;
}
