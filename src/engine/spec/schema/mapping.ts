/**
 * Zod schema of the `mapping:` section: a LoopTree whose nodes carry their YAML tag under `$tag`.
 * Types are written out by hand because the tree is recursive; the schema is checked against them.
 */
import { z } from 'zod';

/** A tile shape before evaluation: a number, an expression string, or the mapper's `symbol`. */
export type TileShape = number | string;

interface NodeBase {
  /** Rendering label override. */
  text?: string | null | undefined;
}

export interface StorageNode extends NodeBase {
  $tag: 'Storage';
  tensors: string[];
  component: string;
  persistent: boolean;
  /** Distributed memories only: Einsum → spatial loop; passed through unchecked. */
  binding?: Record<string, unknown> | undefined;
}

export interface TollNode extends NodeBase {
  $tag: 'Toll';
  tensors: string[];
  component: string;
  persistent: boolean;
}

export interface TemporalNode extends NodeBase {
  $tag: 'Temporal';
  rank_variable: string;
  tile_shape: TileShape;
  initial_tile_shape: TileShape | null;
}

export interface SpatialNode extends NodeBase {
  $tag: 'Spatial';
  rank_variable: string;
  tile_shape: TileShape;
  initial_tile_shape: TileShape | null;
  /** The arch spatial dimension (e.g. `X`, `reuse_weight`). */
  name: string | number;
  /** The arch node that owns that dimension. */
  component: string;
}

export interface ComputeNode extends NodeBase {
  $tag: 'Compute';
  einsum: string;
  component: string;
}

export interface ReservationNode extends NodeBase {
  $tag: 'Reservation';
  purposes: string[];
  resource: string;
  persistent: boolean;
}

export interface TextBoxNode {
  $tag: 'TextBox';
  text: string;
}

export type BranchTag = 'Nested' | 'Sequential' | 'Pipeline' | 'Split' | 'Mapping';

export interface BranchNode extends NodeBase {
  $tag: BranchTag;
  nodes: MappingNode[];
  /** `!Mapping` only. */
  title?: string | null | undefined;
}

export type LoopNode = TemporalNode | SpatialNode;
export type HolderNode = StorageNode | TollNode;
export type MappingNode =
  | StorageNode
  | TollNode
  | TemporalNode
  | SpatialNode
  | ComputeNode
  | ReservationNode
  | TextBoxNode
  | BranchNode;

/** The whole `mapping:` section (a Nested at the top). */
export interface Mapping {
  nodes: MappingNode[];
  title?: string | null | undefined;
  text?: string | null | undefined;
}

const text = z.string().nullable().optional().describe('Label shown instead of the default when rendering');
const tileShape = z.union([z.number(), z.string()]);
const tensors = z.array(z.string()).default([]).describe('Tensors held here, from this node down');
const component = (what: string) => z.string().describe(what);
const rankVariable = z.string().describe('The rank variable this loop iterates');
const loopTile = tileShape.default('symbol').describe('Indices of the rank variable covered per iteration (relative to the whole rank variable)');
const initialTile = tileShape.nullable().default(null).describe('A different first tile (ignored by the model)');
const persistent = z.boolean().default(false).describe('Kept for the whole workload (reserved once per instance)');

const storage = z.strictObject({
  $tag: z.literal('Storage'),
  tensors,
  component: component('The Memory that holds the tensors'),
  persistent,
  binding: z.record(z.string(), z.unknown()).optional(),
  text,
});

const toll = z.strictObject({
  $tag: z.literal('Toll'),
  tensors,
  component: component('The Toll the tensors pass through'),
  persistent,
  text,
});

const temporal = z.strictObject({
  $tag: z.literal('Temporal'),
  rank_variable: rankVariable,
  tile_shape: loopTile,
  initial_tile_shape: initialTile,
  text,
});

const spatial = z.strictObject({
  $tag: z.literal('Spatial'),
  rank_variable: rankVariable,
  tile_shape: loopTile,
  initial_tile_shape: initialTile,
  name: z.union([z.string(), z.number()]).describe('The spatial dimension (an entry of the component\'s spatial list)'),
  component: component('The arch node that owns the spatial dimension'),
  text,
});

const compute = z.strictObject({
  $tag: z.literal('Compute'),
  einsum: z.string().describe('The Einsum computed here'),
  component: component('The Compute component that runs it'),
  text,
});

const reservation = z.strictObject({
  $tag: z.literal('Reservation'),
  purposes: z.array(z.string()),
  resource: z.string(),
  persistent,
  text,
});

const textBox = z.strictObject({ $tag: z.literal('TextBox'), text: z.string() });

const LINE_TAGS: ReadonlySet<string> = new Set(['Nested', 'Mapping']);

/** In a straight line of nodes only the last one may have children. */
function checkOnlyLastHasChildren(
  value: { nodes: readonly MappingNode[] },
  ctx: { addIssue: (issue: { code: 'custom'; message: string; path: (string | number)[]; params?: { hint: string } }) => void },
): void {
  value.nodes.forEach((child, i) => {
    if (i === value.nodes.length - 1 || !('nodes' in child) || child.nodes.length === 0) return;
    ctx.addIssue({
      code: 'custom',
      message: `only the last node of a Nested may have children, but node ${i} (!${child.$tag}) has ${child.nodes.length}`,
      path: ['nodes', i],
      params: {
        hint: 'A Nested is a straight line: move this branch node to the end, or wrap the nodes after it in its branches.',
      },
    });
  });
}

function branch<T extends BranchTag>(tag: T) {
  const schema = z.strictObject({
    $tag: z.literal(tag),
    get nodes(): z.ZodDefault<z.ZodArray<z.ZodType<MappingNode, unknown>>> {
      return z.array(MappingNodeSchema).default([]);
    },
    text,
  });
  if (tag === 'Mapping') {
    // Only a !Mapping has a title; other branches reject it as an unknown key.
    return schema.extend({ title: z.string().nullable().optional() }).check(z.superRefine(checkOnlyLastHasChildren));
  }
  return LINE_TAGS.has(tag) ? schema.check(z.superRefine(checkOnlyLastHasChildren)) : schema;
}

/** One mapping node, discriminated by its YAML tag. */
export const MappingNodeSchema: z.ZodType<MappingNode, unknown> = z.lazy(() =>
  z.discriminatedUnion('$tag', [
    storage,
    toll,
    temporal,
    spatial,
    compute,
    reservation,
    textBox,
    branch('Nested'),
    branch('Sequential'),
    branch('Pipeline'),
    branch('Split'),
    branch('Mapping'),
  ]),
);

/** The `mapping:` section. The root may carry `$tag: Mapping` or no tag. */
export const MappingSchema: z.ZodType<Mapping, unknown> = z.strictObject({
  $tag: z.literal('Mapping').optional(),
  nodes: z.array(MappingNodeSchema).default([]),
  title: z.string().nullable().optional(),
  text,
})
  .superRefine(checkOnlyLastHasChildren)
  .transform(({ $tag: _tag, ...rest }) => rest);
