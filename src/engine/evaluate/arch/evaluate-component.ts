/** Evaluates one arch leaf for one Einsum, in AccelForge's field order (docs/spec-format.md §7.2). */
import { failWith, type SpecPath } from '../../base/errors.js';
import { emptyRecord } from '../../base/records.js';
import {
  evaluateSetKeyedDict,
  orderByReferences,
  pyFloat,
  type JsValue,
  type PyValue,
  type Scope,
} from '../../spec/expr/index.js';
import type { Leaf } from '../../spec/schema/arch.js';
import type { Action, TensorHolderAction } from '../../spec/schema/actions.js';
import type { Spatial } from '../../spec/schema/spatial.js';
import { MAY_REUSE_SENTINEL, REUSE_SENTINEL } from '../../spec/schema/spatial.js';
import { atField, evaluateSetField, evaluateTyped, evaluateValue, rangeOf } from '../fields.js';
import { evaluateFreeForm, type LiteralTest } from '../free-form.js';
import { checkRangedAttributes, evaluateNumberDict, numberRecordToPy, toJsRecord } from './evaluate-fields.js';
import type { EvaluatedAction, EvaluatedComponent, EvaluatedSpatial, LeafKind, SetValue, TollDirection } from './types.js';

export interface ComponentContext {
  readonly scope: Scope;
  readonly path: SpecPath;
  readonly isLiteral: LiteralTest;
  /** Evaluated `extra_attributes_for_all_component_models`. */
  readonly inheritedExtras: ReadonlyMap<string, PyValue>;
}

const KIND_OF_TAG: Readonly<Record<Leaf['$tag'], LeafKind>> = {
  Memory: 'memory',
  Toll: 'toll',
  Compute: 'compute',
  Container: 'container',
  Network: 'network',
};

export function leafKind(leaf: Leaf): LeafKind {
  return KIND_OF_TAG[leaf.$tag];
}

type ComponentLeaf = Exclude<Leaf, { $tag: 'Container' }>;

/** Scalar E fields of a component, by leaf kind. */
function scalarFields(leaf: ComponentLeaf): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    area: leaf.area,
    area_scale: leaf.area_scale,
    leak_power: leaf.leak_power,
    leak_power_scale: leaf.leak_power_scale,
    energy_scale: leaf.energy_scale,
    actions_scale: leaf.actions_scale,
    throughput_scale: leaf.throughput_scale,
    n_parallel_instances: leaf.n_parallel_instances,
  };
  if (leaf.$tag === 'Memory') fields['size'] = leaf.size;
  if (leaf.$tag === 'Memory' || leaf.$tag === 'Toll' || leaf.$tag === 'Network') {
    fields['bits_per_action'] = leaf.bits_per_action;
    fields['bits_per_value'] = leaf.bits_per_value;
  }
  if (leaf.$tag === 'Memory' || leaf.$tag === 'Toll') fields['values_per_action'] = leaf.values_per_action;
  return fields;
}

const NULLABLE = new Set(['area', 'leak_power', 'bits_per_action']);
const DICT_FIELDS = new Set(['bits_per_value', 'values_per_action']);

export function evaluateComponent(leaf: ComponentLeaf, context: ComponentContext): EvaluatedComponent {
  const layer = context.scope.child();
  const extras = evaluateExtras(leaf, context, layer);
  for (const [key, value] of extras) layer.set(key, value);

  const enabled = evaluateEnabled(leaf.enabled, layer);
  layer.set('enabled', enabled);

  const values = new Map<string, PyValue>();
  const numbers = emptyRecord<number | null>();
  const dicts = emptyRecord<Record<string, number>>();
  const raw = scalarFields(leaf);
  const order = atField(context.path, () => orderByReferences(new Map(Object.entries(raw))));
  for (const name of order) {
    const fieldPath = [...context.path, name];
    const value = raw[name];
    if (DICT_FIELDS.has(name)) {
      dicts[name] = evaluateNumberDict(value as string | Record<string, string | number>, layer, fieldPath, rangeOf(name));
      layer.set(name, numberRecordToPy(dicts[name]!));
      continue;
    }
    if (value === null && NULLABLE.has(name)) {
      numbers[name] = null;
      layer.set(name, null);
      continue;
    }
    const number = evaluateTyped(value, layer, fieldPath, 'number', rangeOf(name));
    numbers[name] = number;
    values.set(name, Number.isInteger(number) ? number : pyFloat(number));
    layer.set(name, values.get(name)!);
  }

  const direction = leaf.$tag === 'Toll' ? evaluateDirection(leaf.direction, layer, [...context.path, 'direction']) : emptyRecord<TollDirection>();
  const actions = leaf.actions.map((action, i) =>
    evaluateAction(action, layer, [...context.path, 'actions', i], context.isLiteral),
  );
  return {
    enabled,
    componentClass: leaf.component_class,
    area: numbers['area'] ?? null,
    areaScale: numbers['area_scale']!,
    leakPower: numbers['leak_power'] ?? null,
    leakPowerScale: numbers['leak_power_scale']!,
    energyScale: numbers['energy_scale']!,
    actionsScale: numbers['actions_scale']!,
    throughputScale: numbers['throughput_scale']!,
    nParallelInstances: numbers['n_parallel_instances']!,
    totalLatency: leaf.total_latency,
    extraAttributes: toJsRecord(extras),
    actions,
    size: leaf.$tag === 'Memory' ? numbers['size']! : null,
    bitsPerValue: dicts['bits_per_value'] ?? emptyRecord(),
    bitsPerAction: numbers['bits_per_action'] ?? null,
    valuesPerAction: dicts['values_per_action'] ?? emptyRecord(),
    skipInitialOutputWrite: 'skip_initial_output_write' in leaf ? leaf.skip_initial_output_write : true,
    direction,
    tensors: leaf.$tag === 'Memory' || leaf.$tag === 'Toll' ? leaf.tensors : null,
    fields: Object.assign(emptyRecord<JsValue>(), toJsRecord(values), numbers, { enabled, component_class: leaf.component_class, name: leaf.name }),
  };
}

/** The component's own extras, plus inherited ones it does not set (or sets to null). */
function evaluateExtras(leaf: ComponentLeaf, context: ComponentContext, scope: Scope): Map<string, PyValue> {
  const own = leaf.extra_attributes_for_component_model;
  const ownSet = Object.fromEntries(Object.entries(own).filter(([, v]) => v !== null));
  const evaluated = evaluateFreeForm(ownSet, scope, [...context.path, 'extra_attributes_for_component_model'], (_d, key) =>
    context.isLiteral(own, key),
  );
  checkRangedAttributes(evaluated, [...context.path, 'extra_attributes_for_component_model']);
  const merged = new Map(context.inheritedExtras);
  for (const [key, value] of evaluated) merged.set(key, value);
  return merged;
}

/** TE[bool]: an expression that cannot be evaluated yet leaves the component enabled. */
function evaluateEnabled(raw: string | boolean, scope: Scope): boolean {
  if (typeof raw === 'boolean') return raw;
  try {
    const value = evaluateValue(raw, scope, []);
    return value === true || (typeof value === 'number' && value !== 0);
  } catch {
    return true;
  }
}

const DIRECTIONS: ReadonlySet<string> = new Set(['up', 'down', 'up_and_down']);

function evaluateDirection(raw: string | Record<string, string>, scope: Scope, path: SpecPath): Record<string, TollDirection> {
  const all = scope.get('All');
  const tensors = all !== undefined && all !== null && typeof all === 'object' && 'elements' in all ? (all.elements as string[]) : [];
  const byTensor =
    typeof raw === 'string'
      ? new Map(tensors.map((t) => [t, raw]))
      : atField(path, () => evaluateSetKeyedDict(raw, scope, { field: 'direction', allowOther: false, requireCover: true }));
  const result = emptyRecord<TollDirection>();
  for (const [tensor, direction] of byTensor) {
    if (!DIRECTIONS.has(direction)) {
      failWith('arch', `Invalid Toll direction \`${direction}\` for tensor ${tensor}.`, {
        path,
        hint: 'Use `up`, `down` or `up_and_down`.',
      });
    }
    result[tensor] = direction as TollDirection;
  }
  return result;
}

function evaluateAction(
  action: Action | TensorHolderAction,
  parent: Scope,
  path: SpecPath,
  isLiteral: LiteralTest,
): EvaluatedAction {
  const layer = parent.child();
  const own = action.extra_attributes_for_component_model;
  const extras = evaluateFreeForm(own, layer, [...path, 'extra_attributes_for_component_model'], (_d, key) => isLiteral(own, key));
  for (const [key, value] of extras) layer.set(key, value);
  const optional = (raw: string | number | null, field: string): number | null =>
    raw === null ? null : evaluateTyped(raw, layer, [...path, field], 'number', rangeOf(field));
  const energy = optional(action.energy, 'energy');
  const energyScale = evaluateTyped(action.energy_scale, layer, [...path, 'energy_scale'], 'number', 'energy_scale');
  const throughput = optional(action.throughput, 'throughput');
  const throughputScale = evaluateTyped(action.throughput_scale, layer, [...path, 'throughput_scale'], 'number', 'throughput_scale');
  const latency = optional(action.latency, 'latency');
  const holder = 'bits_per_action' in action;
  return {
    name: action.name,
    energy,
    energyScale,
    throughput,
    throughputScale,
    latency,
    bitsPerAction: holder ? evaluateTyped(action.bits_per_action, layer, [...path, 'bits_per_action'], 'number', 'bits_per_action') : null,
    valuesPerAction: holder ? evaluateNumberDict(action.values_per_action, layer, [...path, 'values_per_action'], 'values_per_action') : emptyRecord(),
    extraAttributes: toJsRecord(extras),
  };
}

/** Resolves the reuse sentinels (docs/spec-format.md §4.7) and evaluates one fanout dimension. */
export function evaluateSpatial(spatial: Spatial, scope: Scope, path: SpecPath): EvaluatedSpatial {
  const fanout = evaluateTyped(spatial.fanout, scope, [...path, 'fanout'], 'int', 'fanout');
  const reuseSet = spatial.reuse !== REUSE_SENTINEL;
  const reuse: SetValue = reuseSet ? { elements: evaluateSetField(spatial.reuse, scope, [...path, 'reuse']).elements } : { elements: [] };
  const mayReuseSet = spatial.may_reuse !== MAY_REUSE_SENTINEL;
  const mayReuseRaw = mayReuseSet ? spatial.may_reuse : reuseSet ? spatial.reuse : 'All';
  const mayReusePath = [...path, mayReuseSet || !reuseSet ? 'may_reuse' : 'reuse'];
  return {
    name: spatial.name,
    fanout,
    reuse,
    mayReuse: { elements: evaluateSetField(mayReuseRaw, scope, mayReusePath).elements },
    loopBounds: spatial.loop_bounds,
    minUsage: evaluateTyped(spatial.min_usage, scope, [...path, 'min_usage'], 'number', 'min_usage'),
    usageScale: evaluateTyped(spatial.usage_scale, scope, [...path, 'usage_scale'], 'number', 'usage_scale'),
    powerGateable: evaluateTyped(spatial.power_gateable, scope, [...path, 'power_gateable'], 'bool'),
  };
}
