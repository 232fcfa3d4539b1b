/** Renames (docs/spec-format.md §5.7, §5.8): per-Einsum symbol aliases and the top-level `renames:` section. */
import { z } from 'zod';
import { isRawMap } from '../raw.js';
import { customIssue, setExpr } from './common.js';

/** One alias: `name` is bound to the evaluated `source` set. */
export const RenameSchema = z.strictObject({
  name: z.string().describe('The new symbol, e.g. `weight`'),
  source: setExpr().describe('Set expression the symbol stands for, e.g. `~(input | output)`'),
  expected_count: z
    .union([z.string(), z.number().int(), z.null()])
    .default(null)
    .describe('If set, the source must evaluate to exactly this many elements'),
});
export type Rename = z.output<typeof RenameSchema>;

/** `{new: source}` dicts become `[{name: new, source, expected_count: null}]`. */
function renameDictToList(value: unknown, ctx: z.core.$RefinementCtx<unknown>): unknown {
  if (!isRawMap(value)) return value;
  const list: { name: string; source: string }[] = [];
  for (const [name, source] of Object.entries(value)) {
    if (typeof source === 'string') list.push({ name, source });
    else {
      ctx.addIssue(
        customIssue(
          `the source of rename \`${name}\` must be a set expression string`,
          [name],
          `write e.g. \`${name}: Inputs & Intermediates\``,
        ),
      );
    }
  }
  return list;
}

/** A rename list, also accepting the `{new_name: source}` dict form. */
export const renameList = () =>
  z.preprocess(renameDictToList, z.array(RenameSchema)).default(() => []);

/** One entry of the top-level `renames.einsums`; only `default` has an effect. */
export const EinsumRenameSchema = z.strictObject({
  name: z.string().describe('`default` applies to every Einsum; other names are ignored'),
  tensor_accesses: renameList().describe('Tensor aliases: {new: source} or a list of renames'),
  rank_variables: renameList().describe('Rank-variable aliases: {new: source} or a list of renames'),
});

/** The top-level `renames:` section. */
export const RenamesSchema = z.strictObject({
  einsums: z
    .array(EinsumRenameSchema)
    .default(() => [])
    .describe('Rename sets; the one named `default` applies to all Einsums'),
});
export type Renames = z.output<typeof RenamesSchema>;
