/** Upgrades an old share payload one version at a time until it reaches LATEST_SHARE_VERSION. */
import { LATEST_SHARE_VERSION } from './schema.js';

type JsonObject = Record<string, unknown>;

/** MIGRATIONS[n] turns a vn payload into a v(n+1) payload. Pure; never drops user text. */
const MIGRATIONS: Readonly<Record<number, (payload: JsonObject) => JsonObject>> = {};

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
