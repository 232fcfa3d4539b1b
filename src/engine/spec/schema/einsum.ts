/** Einsums (docs/spec-format.md §5.2) and the forms an `einsums:` item may take (docs/spec-format.md §5.1, §5.4). */
import { z } from 'zod';
import { isRawMap, type RawMap } from '../raw.js';
import { customIssue } from './common.js';
import { rangedNumber } from './ranges.js';
import { registerDispatch } from './dispatch.js';
import { parseConciseEinsum } from './einsum-string.js';
import { rankKeyed } from './keyed-records.js';
import { renameList } from './renames.js';
import { TensorAccessSchema } from './tensor-access.js';

type Path = (string | number)[];
type Ctx = z.core.$RefinementCtx<unknown>;

const optionalEinsumFields = {
  iteration_space_shape: z
    .array(z.string())
    .default(() => [])
    .describe('ISL constraints on the rank variables, e.g. `0 <= r < 3`'),
  rank_sizes: rankKeyed(rangedNumber('rank_size', z.number().int()))
    .default(() => ({}))
    .describe('Rank sizes for this Einsum only (plain ints); override workload.rank_sizes'),
  is_copy_operation: z
    .boolean()
    .default(false)
    .describe('Moves its single input to the output\'s location; no compute'),
  renames: renameList().describe('Symbol aliases: {new: source} or a list of {name, source, expected_count}'),
  n_instances: rangedNumber('n_instances', z.number().int()).default(1).describe('Repeat count multiplied into summable metrics'),
};

/** The verbose form of one Einsum. */
export const EinsumSchema = z.strictObject({
  name: z
    .string()
    .refine((name) => name !== 'Total', {
      message: '`Total` is a reserved name and cannot name an Einsum',
      params: { hint: 'rename the Einsum (e.g. `Total0`)' },
    })
    .describe('Unique Einsum name (`Total` is reserved)'),
  tensor_accesses: z.array(TensorAccessSchema).describe('Tensors read and written by this Einsum'),
  ...optionalEinsumFields,
});
export type Einsum = z.output<typeof EinsumSchema>;

const STRING_GIVEN = ['projection', 'output'] as const;

/** Extra attributes for a tensor named in a concise string. */
const TensorAccessExtraSchema = z
  .strictObject({
    name: z.string().describe('A tensor named in the einsum string'),
    projection: z.unknown().optional().describe('Not allowed: comes from the einsum string'),
    output: z.unknown().optional().describe('Not allowed: comes from the einsum string'),
    persistent: z.boolean().optional().describe('Stays in backing storage for the whole workload'),
    backing_storage_size_scale: rangedNumber('backing_storage_size_scale', z.number()).optional().describe('Scales the tensor\'s size in backing storage'),
    bits_per_value: z
      .union([rangedNumber('bits_per_value', z.number().int()), z.string(), z.null()])
      .optional()
      .describe('Bits per value; null takes workload.bits_per_value'),
  })
  .check(
    z.superRefine((extra, ctx) => {
      for (const key of STRING_GIVEN) {
        if (extra[key] === undefined) continue;
        ctx.addIssue(
          customIssue(
            `\`${key}\` of ${extra.name} comes from the einsum string and cannot be set here`,
            [key],
            `remove \`${key}\`; only add attributes such as bits_per_value or persistent`,
          ),
        );
      }
    }),
  );

/** `{einsum: "Z[m] = A[m]", ...}`: a concise string plus Einsum fields. */
export const ConciseEinsumEntrySchema = z.strictObject({
  einsum: z.string().describe('Concise Einsum such as `Z[m, n] = A[m, k] * B[k, n]`'),
  tensor_accesses: z
    .array(TensorAccessExtraSchema)
    .default(() => [])
    .describe('Extra attributes for tensors named in the string'),
  ...optionalEinsumFields,
});

/** An Einsum plus where it sits below its `einsums` item (nested lists shift indices). */
export interface LocatedEinsum {
  einsum: Einsum;
  at: Path;
}

function forwardIssues(error: z.ZodError, at: Path, ctx: Ctx): void {
  for (const issue of error.issues) ctx.addIssue({ ...issue, path: [...at, ...issue.path] });
}

function parseVerbose(raw: unknown, at: Path, ctx: Ctx): LocatedEinsum[] {
  const result = EinsumSchema.safeParse(raw);
  if (result.success) return [{ einsum: result.data, at }];
  forwardIssues(result.error, at, ctx);
  return [];
}

function parseBareString(text: string, at: Path, ctx: Ctx): LocatedEinsum[] {
  const parsed = parseConciseEinsum(text);
  if (!parsed.ok) {
    ctx.addIssue(customIssue(parsed.error.message, at, parsed.error.hint));
    return [];
  }
  return parseVerbose(parsed.value, at, ctx);
}

function parseConciseEntry(entry: RawMap, at: Path, ctx: Ctx): LocatedEinsum[] {
  const checked = ConciseEinsumEntrySchema.safeParse(entry);
  if (!checked.success) {
    forwardIssues(checked.error, at, ctx);
    return [];
  }
  const parsed = parseConciseEinsum(checked.data.einsum);
  if (!parsed.ok) {
    ctx.addIssue(customIssue(parsed.error.message, [...at, 'einsum'], parsed.error.hint));
    return [];
  }
  const { einsum: _text, tensor_accesses: extras, ...rest } = entry;
  const accesses = mergeExtras(parsed.value.tensor_accesses, Array.isArray(extras) ? extras : [], at, ctx);
  if (!accesses) return [];
  return parseVerbose({ ...rest, name: parsed.value.name, tensor_accesses: accesses }, at, ctx);
}

/** Adds each extra's attributes to the access of the same name; unknown names are errors. */
function mergeExtras(
  accesses: readonly object[],
  extras: readonly unknown[],
  at: Path,
  ctx: Ctx,
): Record<string, unknown>[] | undefined {
  const merged: Record<string, unknown>[] = accesses.map((access) => ({ ...access }));
  let ok = true;
  extras.forEach((extra, j) => {
    if (!isRawMap(extra)) return;
    const target = merged.find((access) => access['name'] === extra['name']);
    if (target) {
      Object.assign(target, extra);
      return;
    }
    ok = false;
    const known = merged.map((access) => String(access['name'])).join(', ');
    ctx.addIssue(
      customIssue(
        `tensor ${String(extra['name'])} is not in the einsum string`,
        [...at, 'tensor_accesses', j, 'name'],
        `extra tensor_accesses may only add attributes to tensors of the string: ${known}`,
      ),
    );
  });
  return ok ? merged : undefined;
}

const ITEM_HINT = 'write a mapping with name and tensor_accesses, a string like `Z[m] = A[m, k] * B[k]`, or a list of those';

function parseItem(raw: unknown, at: Path, ctx: Ctx): LocatedEinsum[] {
  if (typeof raw === 'string') return parseBareString(raw, at, ctx);
  if (Array.isArray(raw)) return raw.flatMap((item, i) => parseItem(item, [...at, i], ctx));
  if (isRawMap(raw)) return 'einsum' in raw ? parseConciseEntry(raw, at, ctx) : parseVerbose(raw, at, ctx);
  ctx.addIssue(customIssue(
    `an einsums item cannot be ${raw === null ? 'empty' : `a ${typeof raw}`}`,
    at,
    ITEM_HINT),
  );
  return [];
}

/** What a nested list of items is checked as, for the schema walker. */
const nestedItems: z.ZodType = z.lazy(() => z.array(EinsumItemSchema));

/** One `einsums:` item: verbose mapping, concise string, `{einsum: ...}` mapping or nested list. */
export const EinsumItemSchema: z.ZodType<LocatedEinsum[], unknown> = registerDispatch(
  z
    .unknown()
    .transform((raw, ctx) => parseItem(raw, [], ctx))
    .describe('An Einsum: a mapping with name and tensor_accesses, a concise string, or a list'),
  (raw) => {
    if (Array.isArray(raw)) return nestedItems;
    if (!isRawMap(raw)) return undefined;
    return 'einsum' in raw ? ConciseEinsumEntrySchema : EinsumSchema;
  },
);
