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

/** The display part of a v1 link. */
const ViewV1Schema = z.object({
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
  view: ViewV1Schema.optional(),
  /** The design-space sweep (added to v1 as optional; older links simply have none). */
  sweep: ShareSweepSchema.optional(),
});

export type SharePayloadV1 = z.infer<typeof SharePayloadV1Schema>;

/**
 * A selected result point. v2 links name a mapper point by its mapping key (a hash of its LoopTree)
 * with its figures, so it is found again, or its nearest neighbour shown, even when the front is
 * recomputed differently; `index` is its place in the author's front (a label, and all a v1 link had).
 */
export const PointRefSchema = z.object({
  index: z.number().int().nonnegative(),
  key: z.string().regex(/^[0-9a-f]{1,64}$/).optional(),
  energy: z.number().optional(),
  latency: z.number().optional(),
});
export type PointRef = z.infer<typeof PointRefSchema>;

export const SharePayloadV2Schema = SharePayloadV1Schema.extend({
  v: z.literal(2),
  /** The engine version that made the link and computed its point's key (absent in links from v1). */
  engine: z.string().max(64).optional(),
  view: ViewV1Schema.omit({ selectedPoint: true })
    .extend({ point: PointRefSchema.optional() })
    .optional(),
});

export type SharePayloadV2 = z.infer<typeof SharePayloadV2Schema>;

/** The newest payload version; decoding always upgrades to this. */
export const SharePayloadSchema = SharePayloadV2Schema;
export type SharePayload = SharePayloadV2;
export const LATEST_SHARE_VERSION = 2;
