/**
 * Share-link payloads, one schema per released version. A released schema never changes: new fields
 * go in as optional, and anything else becomes v2 with a step in migrate.ts.
 */
import { z } from 'zod';

const VariableValueSchema = z.union([z.string(), z.number(), z.boolean()]);

const SweepKnobSchema = z.object({ key: z.string(), values: z.string() });
const SweepMetricSchema = z.enum(['energy', 'latency', 'edp', 'area', 'leakPower', 'offChipAccesses']);

/** A sweep definition as saved in this browser (every field present). */
export const SweepDefinitionSchema = z.object({
  knobs: z.array(SweepKnobSchema).min(1).max(2),
  metric: SweepMetricSchema,
  perCompute: z.boolean(),
  breakdown: z.boolean(),
});

/** A sweep definition in a link: only what differs from the defaults, plus whether the builder is open. */
const ShareSweepSchema = z.object({
  knobs: z.array(SweepKnobSchema).min(1).max(2).optional(),
  metric: SweepMetricSchema.optional(),
  perCompute: z.boolean().optional(),
  breakdown: z.boolean().optional(),
  open: z.boolean().optional(),
});

export const SharePayloadV1Schema = z.object({
  v: z.literal(1),
  /** Files whose text differs from the bundled example of the same path (or that are not bundled). */
  files: z.record(z.string(), z.string()).optional(),
  specFiles: z.array(z.string()).optional(),
  /** Jinja variables the user changed. */
  variables: z.record(z.string(), VariableValueSchema).optional(),
  mapper: z
    .object({
      metric: z.enum(['energy', 'latency', 'edp']).optional(),
      maxFusedLoops: z.number().int().nonnegative().optional(),
      timeLimitSeconds: z.number().positive().optional(),
    })
    .optional(),
  view: z
    .object({
      breakdownBy: z.enum(['component', 'einsum', 'tensor']).optional(),
      selectedEinsum: z.string().optional(),
      /** The open tab, when it is not the first spec file. */
      activeFile: z.string().optional(),
      stackBy: z.enum(['tensor', 'action']).optional(),
      perCompute: z.boolean().optional(),
      logScale: z.boolean().optional(),
      paretoX: z.enum(['energy', 'latency', 'edp']).optional(),
      paretoY: z.enum(['energy', 'latency', 'edp']).optional(),
      /** Index of the selected result point (the results are recomputed on open). */
      selectedPoint: z.number().int().nonnegative().optional(),
      /** The point came from a mapper run (unfused or not): opening the link maps again. */
      pointFrom: z.enum(['mapper', 'mapper-unfused']).optional(),
    })
    .optional(),
  /** The design-space sweep (added to v1 as optional; older links simply have none). */
  sweep: ShareSweepSchema.optional(),
});

export type SharePayloadV1 = z.infer<typeof SharePayloadV1Schema>;

/** The newest payload version; decoding always upgrades to this. */
export const SharePayloadSchema = SharePayloadV1Schema;
export type SharePayload = SharePayloadV1;
export const LATEST_SHARE_VERSION = 1;
