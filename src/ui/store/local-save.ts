/** Autosave to localStorage: each saved key is validated on load, so one bad value drops only itself. */
import { z } from 'zod';
import type { SavedData } from './persistence.js';
import { pickSaved } from './persistence.js';
import { SweepDefinitionSchema } from '../share/schema.js';
import type { ExplorerData } from './state.js';

export const LOCAL_KEY = 'accelforge-web:state:v1';

const VariableValueSchema = z.union([z.string(), z.number(), z.boolean()]);

const SAVED_SCHEMAS: { readonly [K in keyof SavedData]: z.ZodType<SavedData[K]> } = {
  files: z.record(z.string(), z.string()),
  specFiles: z.array(z.string()),
  activeFile: z.string(),
  variables: z.record(z.string(), VariableValueSchema),
  mapper: z.object({
    metric: z.enum(['energy', 'latency', 'edp']),
    maxFusedLoops: z.number(),
    timeLimitSeconds: z.number(),
  }),
  selectedEinsum: z.string().nullable(),
  breakdownBy: z.enum(['component', 'einsum', 'tensor']),
  stackBy: z.enum(['tensor', 'action']),
  perCompute: z.boolean(),
  logScale: z.boolean(),
  paretoX: z.enum(['energy', 'latency', 'edp']),
  paretoY: z.enum(['energy', 'latency', 'edp']),
  selectedPoint: z.number().int().nonnegative().nullable(),
  editorFraction: z.number(),
  sweep: SweepDefinitionSchema,
  sweepShown: z.boolean(),
};

/** Reads what the last session saved; unknown or malformed values are skipped. */
export function loadLocal(storage: Pick<Storage, 'getItem'>): Partial<SavedData> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(LOCAL_KEY) ?? 'null');
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const raw = parsed as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(SAVED_SCHEMAS)) {
    const result = schema.safeParse(raw[key]);
    if (result.success) out[key] = result.data;
  }
  return out as Partial<SavedData>;
}

export function saveLocal(storage: Pick<Storage, 'setItem'>, state: ExplorerData): void {
  try {
    storage.setItem(LOCAL_KEY, JSON.stringify(pickSaved(state)));
  } catch {
    // Quota exceeded or storage disabled: autosave is best effort, the URL still holds the spec.
  }
}
