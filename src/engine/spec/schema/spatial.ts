/** `spatial:` fanout dimensions (docs/spec-format.md §4.7), `tensors:` of tensor holders (docs/spec-format.md §4.8) and comparisons (docs/spec-format.md §4.9). */
import { z } from 'zod';
import { evalBool, evalInt, evalNumber, setExpr } from './common.js';

/** Raw value of `reuse` when the user leaves it unset (resolved to `Nothing` at evaluation). */
export const REUSE_SENTINEL = '<Defaults to Nothing>';
/** Raw value of `may_reuse` when unset (resolved to `All`, or to `reuse` when that is set). */
export const MAY_REUSE_SENTINEL = '<Same as reuse if reuse is defined, else All>';
/** Raw value of `tensors.keep` when unset (resolved to `Nothing`). */
export const KEEP_SENTINEL = '<Defaults to Nothing>';
/** Raw value of `tensors.may_keep` when unset (`All` without keep, else nothing). */
export const MAY_KEEP_SENTINEL = '<Nothing if keep is defined, else All>';

/** One constraint on loop bounds, e.g. `{expression: ~m, operator: ==, value: 1}`. */
export const ComparisonSchema = z.strictObject({
  expression: setExpr().describe('Set of rank variables the constraint applies to, e.g. `~m` or `m | n`'),
  operator: z
    .string()
    .describe('One of ==, <=, >=, <, >, product==, product<=, product>=, product<, product>'),
  value: evalInt().describe('Right-hand side of the comparison (an integer)'),
});
export type Comparison = z.output<typeof ComparisonSchema>;

/** One fanout dimension of a node. */
export const SpatialSchema = z.strictObject({
  name: z.string().describe('Dimension name (X, Y, reuse_input...); mapping !Spatial nodes refer to it'),
  fanout: evalInt().describe('Number of instances along this dimension (must evaluate to an int)'),
  may_reuse: setExpr()
    .default(MAY_REUSE_SENTINEL)
    .describe('Tensors that may be multicast or reduced across instances'),
  reuse: setExpr()
    .default(REUSE_SENTINEL)
    .describe('Tensors that must be reused across instances'),
  loop_bounds: z
    .array(ComparisonSchema)
    .default(() => [])
    .describe('Extra constraints on spatial loops over this dimension'),
  min_usage: evalNumber().default(0).describe('Minimum utilisation of this dimension, 0..1'),
  usage_scale: evalNumber().default(1).describe('Multiplies the measured usage'),
  power_gateable: evalBool().default(false).describe('Unused instances do not leak'),
});
export type Spatial = z.output<typeof SpatialSchema>;

/** Which tensors a Memory or Toll holds, and ordering constraints on them. */
export const TensorsSchema = z.strictObject({
  keep: setExpr().default(KEEP_SENTINEL).describe('Tensors that must be kept here'),
  may_keep: setExpr()
    .default(MAY_KEEP_SENTINEL)
    .describe('Tensors that may be kept here (the mapper decides)'),
  back: setExpr().default('Nothing').describe('Tensors this holder must back (be their outermost storage)'),
  tile_shape: z
    .array(ComparisonSchema)
    .default(() => [])
    .describe('Constraints on the loops above this holder'),
  no_refetch_from_above: setExpr()
    .default('~All')
    .describe('Tensors fetched from above at most once'),
  no_resend_to_below: setExpr().default('~All').describe('Tensors sent to children at most once'),
  tensor_order_options: z
    .array(z.array(setExpr()))
    .default(() => [])
    .describe('Allowed top-to-bottom orders of this holder\'s storage nodes'),
  force_memory_hierarchy_order: z
    .boolean()
    .default(true)
    .describe('Lower memories\' storage nodes must be below this one\'s'),
});
export type Tensors = z.output<typeof TensorsSchema>;
