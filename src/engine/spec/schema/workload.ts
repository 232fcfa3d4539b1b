/** The `workload:` section (docs/spec-format.md §5.1): Einsums, rank sizes and per-workload defaults. */
import { z } from 'zod';
import { customIssue, evalInt } from './common.js';
import { EinsumItemSchema, type Einsum, type LocatedEinsum } from './einsum.js';
import { rangedNumber } from './ranges.js';
import { rankKeyed, rankVariableKeyed } from './keyed-records.js';

type Path = (string | number)[];
type Ctx = z.core.$RefinementCtx<unknown>;

function formatPath(path: Path): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
}

function checkUniqueNames(einsums: readonly LocatedEinsum[], ctx: Ctx): void {
  const seen = new Map<string, Path>();
  for (const { einsum, at } of einsums) {
    const first = seen.get(einsum.name);
    if (!first) {
      seen.set(einsum.name, at);
      continue;
    }
    ctx.addIssue(
      customIssue(
        `Einsum name ${einsum.name} is used more than once`,
        [...at, 'name'],
        `Einsum names must be unique; the first one is at workload.einsums${formatPath(first)}`,
      ),
    );
  }
}

function rankSet(projection: Record<string, string>): string {
  return `{${Object.keys(projection).sort().join(', ')}}`;
}

/** A tensor must have the same ranks in every Einsum that uses it (docs/spec-format.md §5.3). */
function checkTensorRanks(einsums: readonly LocatedEinsum[], ctx: Ctx): void {
  const firstSeen = new Map<string, { ranks: string; einsum: string }>();
  for (const { einsum, at } of einsums) {
    einsum.tensor_accesses.forEach((access, k) => {
      const ranks = rankSet(access.projection);
      const first = firstSeen.get(access.name);
      if (!first) {
        firstSeen.set(access.name, { ranks, einsum: einsum.name });
      } else if (first.ranks !== ranks) {
        ctx.addIssue(
          customIssue(
            `tensor ${access.name} has ranks ${ranks} in ${einsum.name} but ${first.ranks} in ${first.einsum}`,
            [...at, 'tensor_accesses', k, 'projection'],
            'a tensor must have the same set of ranks in every Einsum that uses it',
          ),
        );
      }
    });
  }
}

/** Flattens nested items in order and runs the cross-Einsum checks. */
function flattenEinsums(items: LocatedEinsum[][], ctx: Ctx): Einsum[] {
  const located = items.flatMap((list, i) => list.map(({ einsum, at }) => ({ einsum, at: [i, ...at] })));
  checkUniqueNames(located, ctx);
  checkTensorRanks(located, ctx);
  return located.map(({ einsum }) => einsum);
}

/** The `workload:` section. */
export const WorkloadSchema = z.strictObject({
  einsums: z
    .array(EinsumItemSchema)
    .default(() => [])
    .transform(flattenEinsums)
    .describe('Einsums in order: mappings, concise strings, `{einsum: ...}` mappings, or nested lists'),
  rank_sizes: rankKeyed(evalInt())
    .default(() => ({}))
    .describe('Global rank sizes (uppercase keys); values may reference other rank sizes'),
  iteration_space_shape: rankVariableKeyed(z.string())
    .default(() => ({}))
    .describe('ISL constraint per rank variable (lowercase keys), e.g. `0 <= m < 64`'),
  bits_per_value: z
    .record(z.string(), z.union([rangedNumber('bits_per_value', z.number().int()), z.string()]))
    .default(() => ({}))
    .describe('Bits per value keyed by tensor set expressions, e.g. `{All: 8}`'),
  persistent_tensors: z
    .string()
    .nullable()
    .default(null)
    .describe('Set expression of tensors kept in backing storage for the whole workload'),
  n_instances: rangedNumber('n_instances', z.number().int()).default(1).describe('Repeat count multiplied into summable metrics'),
});
export type Workload = z.output<typeof WorkloadSchema>;
