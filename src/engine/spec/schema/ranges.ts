/**
 * The values each numeric spec field may take, from what the field means (docs/spec-format.md §4).
 * Most fields are expressions evaluated per Einsum, so the evaluator applies these rules to the
 * evaluated numbers (`evaluate/ranges.ts`); this table is the one place that states them.
 */
import { z } from 'zod';

export interface RangeRule {
  /** Smallest legal value. */
  readonly min: number;
  /** Whether `min` itself is legal (`throughput: 0` is not, `energy: 0` is). */
  readonly minIncluded: boolean;
  /** Largest legal value, when there is one (`min_usage` is a fraction). */
  readonly max?: number;
  /** Whether `inf` is legal (`size: inf` is an unbounded memory). */
  readonly infinityAllowed: boolean;
  /** Whether a finite value must be a whole number (a count of loops). */
  readonly integer?: boolean;
  /** What the field means, for the hint. */
  readonly meaning: string;
}

const nonNegative = (meaning: string): RangeRule => ({ min: 0, minIncluded: true, infinityAllowed: false, meaning });
const positive = (meaning: string): RangeRule => ({ min: 0, minIncluded: false, infinityAllowed: false, meaning });
const positiveOrInfinite = (meaning: string): RangeRule => ({ min: 0, minIncluded: false, infinityAllowed: true, meaning });

/** Rules by field name; a field absent here accepts any number except NaN. */
export const FIELD_RANGES = {
  size: { min: 0, minIncluded: true, infinityAllowed: true, meaning: 'the capacity in bits (`inf` for an unbounded memory)' },
  area: nonNegative('the area of one instance in m²'),
  leak_power: nonNegative('the leak power of one instance in W'),
  area_scale: nonNegative('a factor on the area'),
  leak_power_scale: nonNegative('a factor on the leak power'),
  energy_scale: nonNegative('a factor on the energy per action'),
  actions_scale: nonNegative('a factor on the number of actions'),
  throughput_scale: positiveOrInfinite('a factor on the actions per second (`inf` for no limit)'),
  n_parallel_instances: positive('the number of parallel copies of the component'),
  bits_per_action: positive('the bits moved by one action'),
  bits_per_value: positive('the bits of one tensor value'),
  values_per_action: positive('the values moved by one action'),
  energy: nonNegative('the energy of one action in J'),
  throughput: positiveOrInfinite('actions per second (`inf` for no limit)'),
  latency: nonNegative('the seconds one action takes'),
  fanout: { min: 1, minIncluded: true, infinityAllowed: false, meaning: 'the number of instances along this dimension' },
  min_usage: { min: 0, minIncluded: true, max: 1, infinityAllowed: false, meaning: 'the minimum fraction of this dimension in use' },
  usage_scale: nonNegative('a factor on the measured usage'),
  rank_size: { min: 1, minIncluded: true, infinityAllowed: false, meaning: 'the number of indices of the rank' },
  backing_storage_size_scale: nonNegative('a factor on the backing storage the tensor takes'),
  tech_node: positive('the technology node in metres (e.g. 65e-9)'),
  n_instances: { min: 1, minIncluded: true, infinityAllowed: false, meaning: 'how many times the Einsum (or workload) repeats' },
  // A mapping loop's tile; the model also holds it to the rank variable's size (model/pmapping.ts).
  tile_shape: { min: 1, minIncluded: true, infinityAllowed: false, integer: true, meaning: 'the indices of the rank variable one iteration covers, a whole number from 1 to the rank size' },
  // mapper: settings (docs/spec-format.md §9.1), plain numbers checked at validation.
  loop_limit: { min: 0, minIncluded: true, infinityAllowed: true, integer: true, meaning: 'a number of loops or templates (`inf` for no limit)' },
  time_limit: positiveOrInfinite('a time in seconds (`inf` for no limit)'),
  memory_limit: positiveOrInfinite('a memory size in bytes (`inf` for no limit)'),
  tiling_coarseness: positive('a factor between successive tile shapes'),
  tolerance: nonNegative('a fraction of the optimum'),
} as const satisfies Readonly<Record<string, RangeRule>>;

export type RangedField = keyof typeof FIELD_RANGES;

/** Why `value` breaks `rule` ("must be > 0"), or undefined when it is legal. */
export function rangeViolation(value: number, rule: RangeRule): string | undefined {
  if (Number.isNaN(value)) return 'is not a number (NaN)';
  if (value === Infinity && rule.infinityAllowed) return undefined;
  if (value === -Infinity && rule.min === -Infinity) return undefined;
  if (!Number.isFinite(value)) return `must be finite${rule.infinityAllowed ? ' or inf' : ''}`;
  if (rule.minIncluded ? value < rule.min : value <= rule.min) return `must be ${rule.minIncluded ? '≥' : '>'} ${rule.min}`;
  if (rule.max !== undefined && value > rule.max) return `must be ≤ ${rule.max}`;
  if (rule.integer && !Number.isInteger(value)) return 'must be a whole number';
  return undefined;
}

/** The rule for any number field: only NaN is meaningless everywhere. */
export const ANY_NUMBER: RangeRule = { min: -Infinity, minIncluded: true, infinityAllowed: true, meaning: 'a number' };

/**
 * The message and hint for a value outside its field's range, or undefined when it is legal.
 * `written` is the field as the user wrote it (a literal or an expression).
 */
export function describeViolation(field: string, written: unknown, value: number, rule: RangeRule): { message: string; hint: string } | undefined {
  const problem = rangeViolation(value, rule);
  if (problem === undefined) return undefined;
  const literal = typeof written === 'number' || String(written) === String(value);
  const what = literal ? `\`${field}: ${String(written)}\`` : `\`${field}: ${String(written)}\` evaluated to ${value}, which`;
  return {
    message: `${what} ${problem}`,
    hint: Number.isNaN(value)
      ? "NaN comes from an undefined operation such as 0 * inf or inf - inf, or from float('nan'); check the expression."
      : `\`${field}\` is ${rule.meaning}.`,
  };
}

/**
 * A plain (never evaluated) number field held to its range at validation. `label` is the key
 * the user wrote, when the rule is shared under another name (`time_limit_per_pmapping_template`).
 */
export function rangedNumber<S extends z.ZodType<number>>(range: RangedField, schema: S, label: string = range) {
  return schema.superRefine((value, ctx) => {
    const violation = describeViolation(label, value, value, FIELD_RANGES[range]);
    if (violation) ctx.addIssue({ code: 'custom', message: violation.message, params: { hint: violation.hint } });
  });
}
