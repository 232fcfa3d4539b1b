/** Actions of components (docs/spec-format.md §4.5), including the deprecated `latency` → `throughput` migration. */
import { z } from 'zod';
import { isRawMap, type RawMap } from '../raw.js';
import { customIssue, evalNumber, evalNumberOrNull, evalSetDict, openDict } from './common.js';

/** `1 / (X) if (X) != 0 else float('inf')`: the expression a deprecated latency becomes. */
export function inverseLatencyExpression(latency: string | number): string {
  const x = String(latency);
  return `1 / (${x}) if (${x}) != 0 else float('inf')`;
}

type Ctx = { addIssue: (issue: ReturnType<typeof customIssue>) => void };

/** The error for giving both the deprecated `latency_scale` and `throughput_scale`. */
export function latencyScaleConflict(): ReturnType<typeof customIssue> {
  return customIssue(
    'both `latency_scale` and `throughput_scale` are set',
    ['latency_scale'],
    'remove `latency_scale` (deprecated); `throughput_scale` replaces it as 1 / latency_scale',
  );
}

/**
 * `latency_scale` → `throughput_scale` (both is an error). Works on a shallow copy of the raw
 * map so nested free-form dicts keep their identity.
 */
function migrateLatencyScale(value: unknown, ctx: Ctx): unknown {
  if (!isRawMap(value) || !('latency_scale' in value)) return value;
  const { latency_scale: scale, ...rest } = value;
  if ('throughput_scale' in value) {
    ctx.addIssue(latencyScaleConflict());
    return value;
  }
  if (scale === null || scale === undefined) return rest;
  if (typeof scale !== 'string' && typeof scale !== 'number') return value;
  return { ...rest, throughput_scale: inverseLatencyExpression(scale) };
}

/** Action `latency` given without `throughput` becomes a throughput expression. */
function migrateActionLatency(value: unknown, ctx: Ctx): unknown {
  const scaled = migrateLatencyScale(value, ctx);
  if (!isRawMap(scaled)) return scaled;
  const latency = scaled['latency'];
  const throughput = scaled['throughput'];
  if (latency === null || latency === undefined || (throughput !== null && throughput !== undefined)) {
    return scaled;
  }
  if (typeof latency !== 'string' && typeof latency !== 'number') return scaled;
  const { latency: _dropped, ...rest }: RawMap = scaled;
  return { ...rest, throughput: inverseLatencyExpression(latency) };
}

const actionFields = {
  name: z.string().describe('Action name; the model counts `read`, `write`, `compute` and `hop`'),
  energy: evalNumberOrNull()
    .default(null)
    .describe('Energy per action in joules; null asks the component model'),
  energy_scale: evalNumber().default(1).describe('Multiplies this action\'s energy'),
  throughput: evalNumberOrNull()
    .default(null)
    .describe('Actions per second; null asks the component model'),
  throughput_scale: evalNumber().default(1).describe('Multiplies this action\'s throughput'),
  latency: evalNumberOrNull()
    .default(null)
    .describe('Deprecated: seconds per action; converted to `throughput` when throughput is unset'),
  extra_attributes_for_component_model: openDict().describe(
    'Free-form attributes passed to the component model for this action',
  ),
};

/** Deprecated input-only field; migrated before validation. */
const latencyScaleField = {
  latency_scale: evalNumber()
    .optional()
    .describe('Deprecated: converted to `throughput_scale = 1 / latency_scale`'),
};

const tensorHolderActionFields = {
  bits_per_action: evalNumber()
    .default('1 if bits_per_action is None else bits_per_action')
    .describe('Bits moved per action; defaults to the component\'s bits_per_action, else 1'),
  values_per_action: evalSetDict()
    .default(() => ({}))
    .describe('Values moved per action, keyed by tensor set expressions'),
};

const dropLatencyScale = <T extends { latency_scale?: unknown }>({ latency_scale: _s, ...rest }: T) => rest;

/** An action of a Compute or Network. */
export const ActionSchema = z.preprocess(
  migrateActionLatency,
  z.strictObject({ ...actionFields, ...latencyScaleField }).transform(dropLatencyScale),
);
export type Action = z.output<typeof ActionSchema>;

/** An action of a Memory or Toll (adds bits/values per action). */
export const TensorHolderActionSchema = z.preprocess(
  migrateActionLatency,
  z
    .strictObject({ ...actionFields, ...latencyScaleField, ...tensorHolderActionFields })
    .transform(dropLatencyScale),
);
export type TensorHolderAction = z.output<typeof TensorHolderActionSchema>;

/** Appends a default action (parsed through `schema`) for every name the user did not give. */
export function withDefaultActions<T extends { name: string }>(
  actions: T[],
  defaults: readonly string[],
  schema: z.ZodType<T, unknown>,
): T[] {
  const present = new Set(actions.map((a) => a.name));
  const added = defaults.filter((name) => !present.has(name)).map((name) => schema.parse({ name }));
  return [...actions, ...added];
}
