/** Autosave to localStorage: each saved key is validated on load, so one bad value drops only itself. */
import { z } from 'zod';
import type { SavedData } from './persistence.js';
import { pickSaved } from './persistence.js';
import { SweepDefinitionSchema } from '../share/schema.js';
import { RecentDesignsSchema } from './recent-designs.js';
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
  recentDesigns: RecentDesignsSchema,
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

export const AUTOSAVE_FULL =
  "Autosave failed: this browser's storage for the page is full, so your latest edits are only in this tab and its link (Copy link keeps them). Clear the Recent list or other site data, and the next edit saves again.";

export const AUTOSAVE_BLOCKED =
  'Autosave is off: this browser does not let the page store data, so your edits are only in this tab and its link (Copy link keeps them).';

function isQuotaError(thrown: unknown): boolean {
  if (typeof thrown !== 'object' || thrown === null) return false;
  const { name, code } = thrown as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22;
}

/** Writes the autosave; returns why it failed (said to the user, never swallowed), or null. */
export function saveLocal(storage: Pick<Storage, 'setItem'>, state: ExplorerData): string | null {
  try {
    storage.setItem(LOCAL_KEY, JSON.stringify(pickSaved(state)));
    return null;
  } catch (thrown) {
    if (isQuotaError(thrown)) return AUTOSAVE_FULL;
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    return `Autosave failed (${reason}), so your latest edits are only in this tab and its link (Copy link keeps them). The next edit tries again.`;
  }
}
