/** Component costs of an evaluated arch: explicit values from the spec, else component models. */
import { failWith, SpecErrorException } from '../base/errors.js';
import {
  computeComponentCosts,
  type AttributeValue,
  type ComponentCostInput,
  type ComponentCosts,
  type ComponentModelRegistry,
} from '../components/index.js';
import type { EvaluatedAction, EvaluatedArchNode, EvaluatedLeaf } from '../evaluate/index.js';

/** Leaf name → costs, for every component of one Einsum's evaluated arch. */
export type ArchCosts = ReadonlyMap<string, ComponentCosts>;

function attributeValue(value: unknown): AttributeValue | undefined {
  if (value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return undefined;
}

function attributesOf(...records: Readonly<Record<string, unknown>>[]): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const record of records) {
    for (const [key, value] of Object.entries(record)) {
      const attribute = attributeValue(value);
      if (attribute !== undefined && attribute !== null) out[key] = attribute;
    }
  }
  return out;
}

function actionInput(action: EvaluatedAction): ComponentCostInput['actions'][number] {
  const fields: Record<string, unknown> = {
    name: action.name,
    energy: action.energy,
    energy_scale: action.energyScale,
    throughput: action.throughput,
    throughput_scale: action.throughputScale,
    latency: action.latency,
    bits_per_action: action.bitsPerAction,
  };
  return {
    name: action.name,
    explicitEnergy: action.energy,
    explicitThroughput: action.throughput,
    energyScale: action.energyScale,
    throughputScale: action.throughputScale,
    attributes: attributesOf(fields, action.extraAttributes),
  };
}

/** What the component models are asked about one leaf. */
export function costInputFor(leaf: EvaluatedLeaf): ComponentCostInput | undefined {
  const component = leaf.component;
  if (!component) return undefined;
  return {
    name: leaf.name,
    componentClass: component.componentClass,
    attributes: attributesOf(component.fields, component.extraAttributes),
    explicit: { area: component.area, leakPower: component.leakPower },
    scales: {
      area: component.areaScale,
      leakPower: component.leakPowerScale,
      energy: component.energyScale,
      throughput: component.throughputScale,
    },
    nParallelInstances: component.nParallelInstances,
    globalFanout: leaf.ancestorFanout,
    actions: component.actions.map(actionInput),
    path: leaf.path,
  };
}

export function leavesOf(tree: readonly EvaluatedArchNode[]): EvaluatedLeaf[] {
  return tree.flatMap((node) => (node.type === 'leaf' ? [node.leaf] : leavesOf(node.nodes)));
}

/** Costs of every component in the tree; a component no model can answer is an error. */
export function costArch(tree: readonly EvaluatedArchNode[], registry: ComponentModelRegistry, computeArea = true): ArchCosts {
  const costs = new Map<string, ComponentCosts>();
  for (const leaf of leavesOf(tree)) {
    const input = costInputFor(leaf);
    if (!input) continue;
    const result = computeComponentCosts(input, { registry, computeArea });
    if (!result.ok) throw new SpecErrorException(result.errors[0]!);
    costs.set(leaf.name, result.value);
  }
  return costs;
}

export function costsOf(costs: ArchCosts, leaf: EvaluatedLeaf): ComponentCosts {
  return costs.get(leaf.name) ?? failWith('component', `No costs were computed for ${leaf.name}.`, { path: leaf.path });
}
