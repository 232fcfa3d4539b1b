/** Tensor accesses of an Einsum (docs/spec-format.md §5.3), with projection normalisation. */
import { z } from 'zod';
import { isRawMap } from '../raw.js';
import { customIssue, PY_IDENTIFIER, RANK_IDENTIFIER, startsUppercase } from './common.js';
import { rangedNumber } from './ranges.js';

export interface NormalisedProjection {
  /** Rank → index expression, e.g. `{M: 'm', H: 'p0*2+r0'}`. */
  ranks: Record<string, string>;
  /** Written as a list (`[m, n]`): each rank is the upper-cased rank variable. */
  implied: boolean;
}

type Ctx = z.core.$RefinementCtx<unknown>;

const LIST_HINT = 'list items are lowercase rank variables such as `[m, n0]`; use the dict form `{H: p + r}` for expressions';

function normaliseList(items: unknown[], ctx: Ctx): NormalisedProjection {
  const ranks: Record<string, string> = {};
  items.forEach((item, i) => {
    if (typeof item !== 'string' || item === '' || !RANK_IDENTIFIER.test(item) || startsUppercase(item)) {
      const shown = typeof item === 'string' ? `"${item}"` : JSON.stringify(item);
      ctx.addIssue(customIssue(
        `invalid projection item ${shown}: expected a lowercase rank variable`,
        [i],
        LIST_HINT),
      );
      return;
    }
    const rank = item.toUpperCase();
    if (Object.hasOwn(ranks, rank)) {
      ctx.addIssue(customIssue(
        `rank ${rank} appears twice in this projection`,
        [i],
        'each rank may appear once per tensor'),
      );
      return;
    }
    ranks[rank] = item;
  });
  return { ranks, implied: true };
}

function normaliseDict(dict: Record<string, unknown>, ctx: Ctx): NormalisedProjection {
  const ranks: Record<string, string> = {};
  for (const [rank, expr] of Object.entries(dict)) {
    if (!PY_IDENTIFIER.test(rank) || !startsUppercase(rank)) {
      ctx.addIssue(
        customIssue(
          `invalid rank "${rank}": projection keys must be identifiers starting uppercase`,
          [rank],
          `write e.g. \`${rank.toUpperCase()}: ${rank.toLowerCase()}\``,
        ),
      );
    } else if (typeof expr === 'string' || typeof expr === 'number') {
      ranks[rank] = String(expr);
    } else {
      ctx.addIssue(customIssue(
        `the index expression of rank ${rank} must be a string such as \`p + r\``,
        [rank],
        `write e.g. \`${rank}: ${rank.toLowerCase()}\``),
      );
    }
  }
  return { ranks, implied: false };
}

/** `[m, n]` → `{M: m, N: n}` (implied); `{P: p + r}` kept. */
export const ProjectionSchema = z.unknown().transform((value, ctx): NormalisedProjection => {
  if (Array.isArray(value)) return normaliseList(value, ctx);
  if (isRawMap(value)) return normaliseDict(value, ctx);
  ctx.addIssue(
    customIssue(
      'a projection must be a list of rank variables or a mapping of ranks to expressions',
      [],
      'write e.g. `projection: [m, k]` or `projection: {M: m, K: k}`',
    ),
  );
  return z.NEVER;
});

/** One tensor read or written by an Einsum. */
export const TensorAccessSchema = z
  .strictObject({
    name: z.string().describe('Tensor name'),
    projection: ProjectionSchema.describe('Ranks of the tensor: `[m, n]` or `{M: m, N: n + r}`'),
    output: z.boolean().default(false).describe('The Einsum writes this tensor'),
    persistent: z.boolean().default(false).describe('Stays in backing storage for the whole workload'),
    backing_storage_size_scale: rangedNumber('backing_storage_size_scale', z.number()).default(1).describe('Scales the tensor\'s size in backing storage'),
    bits_per_value: z
      .union([rangedNumber('bits_per_value', z.number().int()), z.string(), z.null()])
      .default(null)
      .describe('Bits per value; null takes workload.bits_per_value'),
  })
  .transform(({ projection, ...rest }) => ({
    ...rest,
    projection: projection.ranks,
    implied_projection: projection.implied,
  }));
export type TensorAccess = z.output<typeof TensorAccessSchema>;
