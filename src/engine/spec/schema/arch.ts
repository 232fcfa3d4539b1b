/** The architecture tree (docs/spec-format.md §4.1, §4.2): tagged leaves and branches under `arch.nodes`. */
import { z } from 'zod';
import { customIssue, openDict } from './common.js';
import {
  ComputeSchema,
  ContainerSchema,
  MemorySchema,
  NetworkSchema,
  TollSchema,
} from './components.js';
import { SpatialSchema } from './spatial.js';

/** Tags allowed for leaves (also the only nodes allowed inside an `!Array`). */
export const LEAF_TAGS = ['Memory', 'Toll', 'Compute', 'Container', 'Network'] as const;
/** Tags allowed anywhere in `arch.nodes`. */
export const ARCH_NODE_TAGS = [...LEAF_TAGS, 'Hierarchical', 'Fork', 'Array'] as const;

/** A leaf node, discriminated by its YAML tag. */
export const LeafSchema = z.discriminatedUnion('$tag', [
  MemorySchema,
  TollSchema,
  ComputeSchema,
  ContainerSchema,
  NetworkSchema,
]);
export type Leaf = z.output<typeof LeafSchema>;

const nodesDescription = 'Child nodes, outermost first';

/** `!Array`: leaves replicated along its `spatial` dimensions. */
export const ArraySchema = z.strictObject({
  $tag: z.literal('Array'),
  name: z.string().describe('Unique node name'),
  spatial: z.array(SpatialSchema).default(() => []).describe('Fanout dimensions of the array'),
  nodes: z.array(LeafSchema).default(() => []).describe('Leaves only; branches are not allowed here'),
});

/** `!Hierarchical`: each node is the parent of the next. */
export const HierarchicalSchema = z.strictObject({
  $tag: z.literal('Hierarchical'),
  get nodes() {
    return z.array(ArchNodeSchema).default(() => []).describe(nodesDescription);
  },
});

/** `!Fork`: a side branch; the nodes after it do not sit below it. */
export const ForkSchema = z.strictObject({
  $tag: z.literal('Fork'),
  get nodes() {
    return z.array(ArchNodeSchema).default(() => []).describe(nodesDescription);
  },
  forked_power_gateable: z
    .boolean()
    .default(false)
    .describe('The fork\'s nodes may be power-gated while the main branch runs'),
  non_forked_power_gateable: z
    .boolean()
    .default(false)
    .describe('Siblings after the fork may be power-gated while the fork runs'),
});

/** Any node of `arch.nodes`, discriminated by its YAML tag. */
export const ArchNodeSchema = z.discriminatedUnion('$tag', [
  MemorySchema,
  TollSchema,
  ComputeSchema,
  ContainerSchema,
  NetworkSchema,
  HierarchicalSchema,
  ForkSchema,
  ArraySchema,
]);
export type ArchNode = z.output<typeof ArchNodeSchema>;

interface NamedAt {
  name: string;
  path: (string | number)[];
}

/** Every leaf (and Array) name with its path relative to the arch, in document order. */
function collectNames(nodes: readonly ArchNode[], prefix: (string | number)[], out: NamedAt[]): NamedAt[] {
  nodes.forEach((node, i) => {
    const path = [...prefix, 'nodes', i];
    if ('name' in node && typeof node.name === 'string') out.push({ name: node.name, path: [...path, 'name'] });
    // Checks also run on partially invalid trees, so children are looked at defensively.
    if ('nodes' in node && Array.isArray(node.nodes)) collectNames(node.nodes, path, out);
  });
  return out;
}

function checkUniqueNames(arch: { nodes: ArchNode[] }, ctx: z.core.$RefinementCtx<unknown>): void {
  const seen = new Map<string, (string | number)[]>();
  for (const { name, path } of collectNames(arch.nodes, [], [])) {
    const first = seen.get(name);
    if (!first) {
      seen.set(name, path);
      continue;
    }
    ctx.addIssue(
      customIssue(
        `Duplicate name ${name} found in architecture`,
        path,
        `node names must be unique across the whole arch; rename this node or the one at arch.${formatRelative(first)}`,
      ),
    );
  }
}

function formatRelative(path: (string | number)[]): string {
  return path
    .slice(0, -1)
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
}

/** The `arch:` section (the root Hierarchical). */
export const ArchSchema = z
  .strictObject({
    nodes: z.array(ArchNodeSchema).default(() => []).describe('The hierarchy, outermost first'),
    variables: openDict().describe('Arch variables, evaluated per Einsum before the nodes'),
    extra_attributes_for_all_component_models: openDict().describe(
      'Attributes every component inherits into extra_attributes_for_component_model',
    ),
  })
  .check(z.superRefine(checkUniqueNames));
export type Arch = z.output<typeof ArchSchema>;
