/** Template nodes → LoopTree mapping nodes with concrete tile shapes. */
import type { ComputeNode, MappingNode, SpatialNode, StorageNode, TemporalNode } from '../spec/schema/mapping.js';
import type { TemplateNode } from './types.js';

export type LoopMappingNode = TemporalNode | SpatialNode;

/** Mapping nodes for one template; loop tile shapes start at 1 and are set by the caller. */
export function templateMappingNodes(nodes: readonly TemplateNode[], einsum: string, compute: string) {
  const loops: LoopMappingNode[] = [];
  const out: MappingNode[] = nodes.map((n): MappingNode => {
    if (n.kind === 'storage') {
      const storage: StorageNode = { $tag: 'Storage', tensors: [n.tensor], component: n.component, persistent: n.persistent };
      return storage;
    }
    const loop: LoopMappingNode =
      n.kind === 'temporal'
        ? { $tag: 'Temporal', rank_variable: n.rankVariable, tile_shape: 1, initial_tile_shape: null }
        : { $tag: 'Spatial', rank_variable: n.rankVariable, tile_shape: 1, initial_tile_shape: null, name: n.dim ?? '', component: n.component ?? '' };
    loops.push(loop);
    return loop;
  });
  const computeNode: ComputeNode = { $tag: 'Compute', einsum, component: compute };
  out.push(computeNode);
  return { nodes: out, loops };
}

/** The mapping nodes of one pmapping (a template with its tile shapes). */
export function pmappingNodes(nodes: readonly TemplateNode[], einsum: string, compute: string, tiles: ArrayLike<number>): MappingNode[] {
  const built = templateMappingNodes(nodes, einsum, compute);
  built.loops.forEach((loop, i) => {
    loop.tile_shape = tiles[i]!;
  });
  return built.nodes;
}
