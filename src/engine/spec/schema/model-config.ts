/** The `model:` (docs/spec-format.md §9.3) and `config:` (docs/spec-format.md §9.4) sections. */
import { z } from 'zod';
import { ALL_METRICS, metricsField } from './mapper.js';

/** Settings of the analytical model. */
export const ModelSchema = z.strictObject({
  metrics: metricsField().default(ALL_METRICS).describe('Metrics to compute (bitmask, 255 = all)'),
});
export type Model = z.output<typeof ModelSchema>;

/** Tool configuration. */
export const ConfigSchema = z.strictObject({
  expression_custom_functions: z
    .array(z.string())
    .default(() => [])
    .describe('Files of custom functions usable in expressions'),
  component_models: z.array(z.string()).default(() => []).describe('Files of extra component models'),
  use_installed_component_models: z
    .boolean()
    .nullable()
    .default(true)
    .describe('Also use every installed component model'),
});
export type Config = z.output<typeof ConfigSchema>;
