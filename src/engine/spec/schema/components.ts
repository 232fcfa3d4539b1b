/** Leaf nodes of the architecture (docs/spec-format.md §4.3, §4.4): Memory, Toll, Compute, Network, Container. */
import { z } from 'zod';
import {
  ActionSchema,
  inverseLatencyExpression,
  latencyScaleConflict,
  TensorHolderActionSchema,
  withDefaultActions,
  type Action,
  type TensorHolderAction,
} from './actions.js';
import { customIssue, evalBool, evalNumber, evalNumberOrNull, evalSetDict, openDict } from './common.js';
import { SpatialSchema, TensorsSchema } from './spatial.js';

/** Default `total_latency` of every component except Network. */
export const DEFAULT_TOTAL_LATENCY = 'sum(a.n_calls / a.throughput for a in actions)';
/** Default `total_latency` of a Network. */
export const NETWORK_TOTAL_LATENCY =
  "max(max_hops*actions['hop'].latency, max_link_traffic/actions['hop'].throughput)";

const leafFields = {
  name: z.string().describe('Unique node name; also usable as a symbol in expressions'),
  spatial: z
    .array(SpatialSchema)
    .default(() => [])
    .describe('Fanout dimensions: instances of everything below this node'),
};

const componentFields = {
  ...leafFields,
  component_class: z
    .string()
    .nullable()
    .default(null)
    .describe('Component model name; `Dummy` means zero area/energy and infinite throughput'),
  component_model: z
    .null()
    .default(null)
    .describe('Python-only model object; use component_class in YAML'),
  component_modeling_log: z
    .array(z.string())
    .default(() => [])
    .describe('Output: messages from component modeling'),
  enabled: evalBool().default(true).describe('Whether this component can be used, e.g. `len(All) == 3`'),
  area: evalNumberOrNull().default(null).describe('Per-instance area in m²; null asks the model'),
  total_area: evalNumberOrNull().default(null).describe('Output: area times the ancestors\' fanout'),
  area_scale: evalNumber().default(1).describe('Multiplies the area'),
  leak_power: evalNumberOrNull().default(null).describe('Per-instance leak power in W; null asks the model'),
  total_leak_power: evalNumberOrNull()
    .default(null)
    .describe('Output: leak power times the ancestors\' fanout'),
  leak_power_scale: evalNumber().default(1).describe('Multiplies the leak power'),
  energy_scale: evalNumber().default(1).describe('Multiplies every action\'s energy'),
  actions_scale: evalNumber().default(1).describe('Multiplies every action\'s call count'),
  throughput_scale: evalNumber()
    .optional()
    .describe('Multiplies every action\'s throughput (default 1)'),
  latency_scale: evalNumber()
    .optional()
    .describe('Deprecated: converted to `throughput_scale = 1 / latency_scale`'),
  n_parallel_instances: evalNumber()
    .default(1)
    .describe('Parallel copies: multiplies area, leak power and throughput'),
  total_latency: z
    .union([z.string(), z.number()])
    .default(DEFAULT_TOTAL_LATENCY)
    .describe('Latency expression evaluated by the model over `actions` and their n_calls'),
  extra_attributes_for_component_model: openDict().describe(
    'Free-form attributes passed to the component model; they are symbols for the other fields',
  ),
};

const tensorHolderFields = {
  ...componentFields,
  tensors: TensorsSchema.prefault({}).describe('Which tensors this holder keeps'),
  bits_per_value: evalSetDict()
    .default(() => ({}))
    .describe('Per-tensor bits per value in this holder, keyed by set expressions'),
  bits_per_action: evalNumberOrNull()
    .default(null)
    .describe('Default bits per action for every action of this holder'),
  values_per_action: evalSetDict()
    .default(() => ({}))
    .describe('Values moved per action, keyed by tensor set expressions'),
  actions: z
    .array(TensorHolderActionSchema)
    .default(() => [])
    .describe('Actions; missing defaults are appended'),
};

const skipInitialOutputWrite = z
  .boolean()
  .default(true)
  .describe('If false, outputs\' initial values are fetched from above');

interface ScaleFields {
  latency_scale?: string | number | undefined;
  throughput_scale?: string | number | undefined;
}

/** Action names the model counts (docs/spec-format.md §4.5). */
const COUNTED_ACTIONS: ReadonlySet<string> = new Set(['read', 'write', 'compute', 'hop']);

/**
 * A given action the model never counts, on a component that lacks a default action and has no
 * component_class to cost it: almost surely that action misnamed (`frobnicate` for `compute`).
 * Evaluate would only say the default action has no energy; check names the culprit instead.
 */
function misnamedAction(actions: readonly { name: string }[], defaults: readonly string[], componentClass: string | null | undefined) {
  if (componentClass) return undefined;
  const names = new Set(actions.map((a) => a.name));
  const missing = defaults.filter((name) => !names.has(name));
  const index = actions.findIndex((a) => !COUNTED_ACTIONS.has(a.name));
  if (missing.length === 0 || index < 0) return undefined;
  const list = missing.map((name) => `'${name}'`).join(', ');
  return customIssue(
    `action '${actions[index]!.name}' is not one the model counts, and the component has no ${list} action and no component_class to cost it`,
    ['actions', index, 'name'],
    `Rename it to ${missing.length === 1 ? list : `one of ${list}`} (the model counts ${[...COUNTED_ACTIONS].join(', ')}), or give the component a component_class.`,
  );
}

/** Migrates `latency_scale` (docs/spec-format.md §4.3) and appends the default actions (docs/spec-format.md §4.5). */
function finishComponent<A extends { name: string }>(defaults: readonly string[], schema: z.ZodType<A, unknown>) {
  return <T extends ScaleFields & { actions: A[]; component_class?: string | null }>(
    { latency_scale: latencyScale, throughput_scale: throughputScale, ...rest }: T,
    ctx: z.core.$RefinementCtx<T>,
  ) => {
    if (latencyScale !== undefined && throughputScale !== undefined) {
      ctx.addIssue(latencyScaleConflict());
    }
    const misnamed = misnamedAction(rest.actions, defaults, rest.component_class);
    if (misnamed) ctx.addIssue(misnamed);
    return {
      ...rest,
      throughput_scale:
        latencyScale !== undefined ? inverseLatencyExpression(latencyScale) : (throughputScale ?? 1),
      actions: withDefaultActions(rest.actions, defaults, schema),
    };
  };
}

/** `!Memory`: stores data over time. */
export const MemorySchema = z
  .strictObject({
    $tag: z.literal('Memory'),
    ...tensorHolderFields,
    size: evalNumber().describe('Capacity in bits (`inf` allowed)'),
    skip_initial_output_write: skipInitialOutputWrite,
  })
  .transform(finishComponent<TensorHolderAction>(['read', 'write'], TensorHolderActionSchema));

/** `!Toll`: a pass-through that charges for data moving through it. */
export const TollSchema = z
  .strictObject({
    $tag: z.literal('Toll'),
    ...tensorHolderFields,
    direction: z
      .union([z.string(), z.record(z.string(), z.string())])
      .describe('`up`, `down`, `up_and_down`, or a mapping {<set expression>: <direction>}'),
  })
  .transform(finishComponent<TensorHolderAction>(['read'], TensorHolderActionSchema));

/** `!Compute`: performs the Einsum's operations. */
export const ComputeSchema = z
  .strictObject({
    $tag: z.literal('Compute'),
    ...componentFields,
    actions: z.array(ActionSchema).default(() => []).describe('Actions; `compute` is appended if missing'),
    skip_initial_output_write: skipInitialOutputWrite,
  })
  .transform(finishComponent<Action>(['compute'], ActionSchema));

/** `!Network`: moves data between instances of the nodes below it. */
export const NetworkSchema = z
  .strictObject({
    $tag: z.literal('Network'),
    ...componentFields,
    bits_per_value: tensorHolderFields.bits_per_value,
    bits_per_action: tensorHolderFields.bits_per_action,
    topology: z.enum(['mesh', 'all_to_all']).default('mesh').describe('Network topology'),
    total_latency: z
      .union([z.string(), z.number()])
      .default(NETWORK_TOTAL_LATENCY)
      .describe('Latency expression; may use max_hops and max_link_traffic'),
    actions: z.array(ActionSchema).default(() => []).describe('Actions; `hop` is appended if missing'),
  })
  .transform(finishComponent<Action>(['hop'], ActionSchema));

/** `!Container`: a named fanout with no cost of its own. */
export const ContainerSchema = z.strictObject({ $tag: z.literal('Container'), ...leafFields });

export type Memory = z.output<typeof MemorySchema>;
export type Toll = z.output<typeof TollSchema>;
export type Compute = z.output<typeof ComputeSchema>;
export type Network = z.output<typeof NetworkSchema>;
export type Container = z.output<typeof ContainerSchema>;
