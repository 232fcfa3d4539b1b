/** Adapts the evaluated spec and component costs to the model's own input types. */
import { failWith, type SpecPath } from '../base/errors.js';
import type { ComponentModelRegistry } from '../components/index.js';
import type { EinsumArch, EvaluatedEinsum, EvaluatedLeaf, EvaluatedSpec, FlatArch } from '../evaluate/index.js';
import { mappingPaths } from '../model/index.js';
import type { ArchLeaf, ModelEinsum, ModelInput, ModelTensor, OffPathComponent, SpatialDim } from '../model/index.js';
import type { Mapping } from '../spec/schema/mapping.js';
import { costArch, costsOf, leavesOf, type ArchCosts } from './component-costs.js';
import { makeLatencyEvaluator } from './latency-expressions.js';

function modelTensors(einsum: EvaluatedEinsum): ModelTensor[] {
  return einsum.tensors.map((t) => ({
    name: t.name,
    projection: t.projection.map(({ rank, expr }) => ({
      rank,
      terms: expr.terms.map((term) => ({ var: term.variable, coeff: term.coefficient })),
      constant: expr.constant,
    })),
    bitsPerValue: t.bitsPerValue,
    output: t.output,
    persistent: t.persistent,
    backingStorageSizeScale: t.backingStorageSizeScale,
  }));
}

function spatialDims(leaf: EvaluatedLeaf): SpatialDim[] {
  return leaf.spatial.map((s, j) => {
    if (!('elements' in s.mayReuse)) {
      failWith('arch', `may_reuse \`${s.mayReuse.unevaluated}\` of ${leaf.name}.${s.name} does not evaluate to a set of tensors.`, {
        path: [...leaf.path, 'spatial', j, 'may_reuse'],
        hint: 'Use tensor set names such as All, Nothing, input, weight or output.',
      });
    }
    return { name: s.name, fanout: s.fanout, mayReuse: s.mayReuse.elements, usageScale: s.usageScale, powerGateable: s.powerGateable };
  });
}

function archLeaf(leaf: EvaluatedLeaf, costs: ArchCosts): ArchLeaf {
  const component = leaf.component;
  if (!component) {
    return {
      name: leaf.name,
      kind: leaf.kind,
      size: Infinity,
      spatial: spatialDims(leaf),
      bitsPerValue: {},
      bitsPerAction: null,
      valuesPerAction: {},
      actions: [],
      totalLeakPower: 0,
      totalArea: 0,
      actionsScale: 1,
      skipInitialOutputWrite: true,
      tollDirection: {},
      totalLatency: null,
    };
  }
  const cost = costsOf(costs, leaf);
  return {
    name: leaf.name,
    kind: leaf.kind,
    size: component.size ?? Infinity,
    spatial: spatialDims(leaf),
    bitsPerValue: component.bitsPerValue,
    bitsPerAction: component.bitsPerAction,
    valuesPerAction: component.valuesPerAction,
    actions: component.actions.map((action) => {
      const actionCost = cost.actions[action.name];
      return {
        name: action.name,
        energy: actionCost?.energy ?? 0,
        throughput: actionCost?.throughput ?? Infinity,
        latency: action.latency,
        bitsPerAction: action.bitsPerAction,
        valuesPerAction: action.valuesPerAction,
      };
    }),
    totalLeakPower: cost.totalLeakPower,
    totalArea: cost.totalArea ?? 0,
    actionsScale: component.actionsScale,
    skipInitialOutputWrite: component.skipInitialOutputWrite,
    tollDirection: component.direction,
    totalLatency: component.totalLatency,
  };
}

/** The flattened path the mapping uses for this Einsum: its Compute node's component. */
function chosenPath(arch: EinsumArch, computeName: string | undefined, mappingNodePath: SpecPath): FlatArch {
  const enabled = arch.paths.filter((p) => p.leaves[p.leaves.length - 1]?.component?.enabled !== false);
  if (computeName === undefined) return enabled[0] ?? arch.paths[0]!;
  const path = arch.paths.find((p) => p.compute === computeName);
  if (path) return path;
  return failWith('mapping', `Compute component '${computeName}' of Einsum ${arch.einsum} is not a Compute node of the arch.`, {
    path: mappingNodePath,
    hint: `Compute nodes: ${arch.paths.map((p) => p.compute).join(', ')}`,
  });
}

function offPathComponents(arch: EinsumArch, onPath: ReadonlySet<string>, costs: ArchCosts): OffPathComponent[] {
  return leavesOf(arch.tree)
    .filter((leaf) => leaf.component && !onPath.has(leaf.name))
    .map((leaf) => {
      const cost = costsOf(costs, leaf);
      return {
        name: leaf.name,
        totalLeakPower: cost.totalLeakPower,
        totalArea: cost.totalArea ?? 0,
        powerGateable: leaf.spatial.some((s) => s.powerGateable),
      };
    });
}

/** Everything the model needs to evaluate `mapping` on the evaluated spec. */
export function buildModelInput(evaluated: EvaluatedSpec, mapping: Mapping, registry: ComponentModelRegistry): ModelInput {
  const computeOf = new Map(mappingPaths(mapping).map((p) => [p.einsum, p.compute]));
  const einsums: ModelEinsum[] = evaluated.workload.einsums.map((einsum, i) => {
    const arch = evaluated.arches[i]!;
    const compute = computeOf.get(einsum.name);
    const computeName = compute && compute.node.$tag === 'Compute' ? compute.node.component : undefined;
    const path = chosenPath(arch, computeName, compute ? [...compute.path, 'component'] : ['mapping']);
    const costs = costArch(arch.tree, registry);
    const onPath = new Set(path.leaves.map((l) => l.name));
    return {
      name: einsum.name,
      rankBounds: einsum.bounds,
      tensors: modelTensors(einsum),
      isCopyOperation: einsum.isCopyOperation,
      nInstances: einsum.nInstances,
      arch: path.leaves.map((leaf) => archLeaf(leaf, costs)),
      offPath: offPathComponents(arch, onPath, costs),
    };
  });
  return { einsums, mapping, evaluateLatency: makeLatencyEvaluator(evaluated) };
}
