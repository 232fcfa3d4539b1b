/** The `mapper:` section (docs/spec-format.md §9.1): FFM knobs. Plain values, never expression-evaluated. */
import { z } from 'zod';
import { laxNumber } from './common.js';
import { rangedNumber, type RangedField } from './ranges.js';

/** Metric bits (docs/spec-format.md §9.2); from YAML only integer bitmasks validate. */
export const METRICS = {
  LATENCY: 1,
  ENERGY: 2,
  DYNAMIC_ENERGY: 4,
  LEAK_ENERGY: 8,
  RESOURCE_USAGE: 16,
  ACTIONS: 32,
  DETAILED_MEMORY_USAGE: 64,
  ENERGY_DELAY_PRODUCT: 128,
} as const;
/** Every metric. */
export const ALL_METRICS = 255;

/** A Metrics bitmask such as `18` (ENERGY | RESOURCE_USAGE). */
export const metricsField = () => z.number().int().min(0).max(ALL_METRICS);

/** A limit that defaults to none (inf), held to the range its meaning gives. */
const limit = (range: RangedField, label: string, description: string) =>
  rangedNumber(range, laxNumber(), label).default(Infinity).describe(description);

/** The FFM mapper's settings. */
export const MapperSchema = z.strictObject({
  metrics: metricsField()
    .default(METRICS.ENERGY)
    .describe('Objective bitmask: 1 latency, 2 energy, 16 resource usage, ...'),
  info_metrics: metricsField().default(ALL_METRICS).describe('Metrics reported for the final mappings (bitmask)'),
  force_memory_hierarchy_order: z
    .boolean()
    .default(true)
    .describe('Lower memories\' storage nodes must be below higher memories\''),
  out_of_order_hierarchy_explore_removing_spatials_for_more_temporals: z
    .boolean()
    .default(false)
    .describe('When the order is not forced, also explore dropping conflicting spatial loops'),
  max_fused_loops_per_rank_variable: rangedNumber('loop_limit', z.number().int(), 'max_fused_loops_per_rank_variable').default(1).describe('Fused loops allowed per rank variable'),
  tiling_coarseness: rangedNumber('tiling_coarseness', laxNumber())
    .default(1)
    .describe('Skip tile shapes smaller than coarseness × the next inner shape'),
  max_fused_loops: limit('loop_limit', 'max_fused_loops', 'Total fused loops per pmapping'),
  max_loops_per_spatial_dimension: limit('loop_limit', 'max_loops_per_spatial_dimension', 'Loops per spatial dimension'),
  max_loops_minus_ranks: limit('loop_limit', 'max_loops_minus_ranks', 'Loops may exceed the number of ranks by at most this'),
  explore_loop_orders: z.boolean().default(true).describe('Explore loop orders'),
  memory_limit: limit('memory_limit', 'memory_limit', 'Memory limit of the whole search'),
  memory_limit_per_process: limit('memory_limit', 'memory_limit_per_process', 'Memory limit per worker'),
  time_limit: limit('time_limit', 'time_limit', 'Time limit of the whole search'),
  time_limit_per_pmapping_template: limit('time_limit', 'time_limit_per_pmapping_template', 'Time limit per pmapping template'),
  max_pmapping_templates_per_einsum: limit('loop_limit', 'max_pmapping_templates_per_einsum', 'Pmapping templates explored per Einsum'),
  explore_imperfect_spatial_loops: z.boolean().default(false).describe('Allow non-dividing spatial loop bounds'),
  explore_imperfect_temporal_loops: z.boolean().default(false).describe('Allow non-dividing temporal loop bounds'),
  prioritize_reuse_of_unfused_tensors: z
    .boolean()
    .default(false)
    .describe('Default tensor order [Above, ~Above]'),
  objective_tolerance: rangedNumber('tolerance', laxNumber(), 'objective_tolerance').default(0).describe('Accept mappings up to (1 + tolerance) × optimal'),
  resource_usage_tolerance: rangedNumber('tolerance', laxNumber(), 'resource_usage_tolerance')
    .default(0)
    .describe('Tolerance on resource usage (ignored if it is a metric)'),
});
export type Mapper = z.output<typeof MapperSchema>;
