/** Upgrades an old share payload one version at a time until it reaches LATEST_SHARE_VERSION. */
import { LATEST_SHARE_VERSION } from './schema.js';

type JsonObject = Record<string, unknown>;

/**
 * v1 → v2: a v1 link names its point only by its index in the front (`view.selectedPoint`); v2
 * holds a point reference (`view.point`) that may also carry the mapping key. The index carries
 * over as it is, so an old link opens the point it always did. A v1 link has no engine version.
 */
function pointIndexToRef(payload: JsonObject): JsonObject {
  const view = payload['view'];
  if (typeof view !== 'object' || view === null || Array.isArray(view) || !('selectedPoint' in view)) return payload;
  const { selectedPoint, ...rest } = view as JsonObject;
  return { ...payload, view: { ...rest, point: { index: selectedPoint } } };
}

/** MIGRATIONS[n] turns a vn payload into a v(n+1) payload. Pure; never drops user text. */
const MIGRATIONS: Readonly<Record<number, (payload: JsonObject) => JsonObject>> = { 1: pointIndexToRef };

export type MigrateResult = { ok: true; payload: JsonObject } | { ok: false; message: string };

export function migrateToLatest(raw: unknown): MigrateResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, message: 'The link does not hold a design.' };
  }
  let payload = raw as JsonObject;
  const start = payload['v'];
  if (typeof start !== 'number' || !Number.isInteger(start) || start < 1) {
    return { ok: false, message: 'The link has no version number.' };
  }
  if (start > LATEST_SHARE_VERSION) {
    return { ok: false, message: `The link was made by a newer version of the app (v${start}); reload to update.` };
  }
  for (let v = start; v < LATEST_SHARE_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (step === undefined) return { ok: false, message: `No upgrade from link version ${v}.` };
    payload = { ...step(payload), v: v + 1 };
  }
  return { ok: true, payload };
}
