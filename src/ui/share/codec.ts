/**
 * Share links: the state's `url` keys, minus defaults, as lz-string-compressed JSON in the URL
 * fragment (`#s=...`), so a link needs no server and the spec never leaves the browser.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { DEFAULT_MAPPER, MAPPER_TAB, type MapperSettings } from '../store/spec-slice.js';
import type { ExplorerData } from '../store/state.js';
import { DEFAULT_VIEW } from '../store/view-slice.js';
import { ENGINE_VERSION } from '../../engine/results/engine-version.js';
import { measureLzUriLength } from './lz-length.js';
import { migrateToLatest } from './migrate.js';
import { sharedPoint } from './point-ref.js';
import { LATEST_SHARE_VERSION, SharePayloadSchema, type SharePayload, type SharePayloadV1 } from './schema.js';
import { shareSweep, sweepFromShare } from './sweep-share.js';

export const FRAGMENT_PREFIX = '#s=';

export type ShareState = Pick<
  ExplorerData,
  | 'files'
  | 'specFiles'
  | 'variables'
  | 'mapper'
  | 'breakdownBy'
  | 'selectedEinsum'
  | 'activeFile'
> &
  // Optional so callers that predate the results view still build payloads.
  Partial<Pick<ExplorerData, 'selectedPoint' | ViewKey | 'sweep' | 'sweepShown' | 'results' | 'linkPoint'>>;

/** Display choices shared as they are when they differ from the defaults. */
const VIEW_KEYS = ['stackBy', 'perCompute', 'logScale', 'paretoX', 'paretoY'] as const;
type ViewKey = (typeof VIEW_KEYS)[number];

export type DecodeResult = { ok: true; payload: SharePayload } | { ok: false; message: string };

/**
 * Builds the minimal payload: only files that differ from `bundled`, only non-default knobs, and
 * the engine version (a link's point is found again by a key this engine computed).
 */
export function createSharePayload(
  state: ShareState,
  bundled: Readonly<Record<string, string>>,
): SharePayload {
  const point = sharedPoint(state);
  const payload: SharePayload = { v: LATEST_SHARE_VERSION, engine: point?.engine ?? ENGINE_VERSION };
  const files = Object.fromEntries(Object.entries(state.files).filter(([p, t]) => bundled[p] !== t));
  if (Object.keys(files).length > 0) payload.files = files;
  if (state.specFiles.length > 0) payload.specFiles = [...state.specFiles];
  if (Object.keys(state.variables).length > 0) payload.variables = { ...state.variables };
  const mapper = diffMapper(state.mapper);
  if (Object.keys(mapper).length > 0) payload.mapper = mapper;
  const view: NonNullable<SharePayload['view']> = {};
  if (state.breakdownBy !== DEFAULT_VIEW.breakdownBy) view.breakdownBy = state.breakdownBy;
  if (state.selectedEinsum !== null) view.selectedEinsum = state.selectedEinsum;
  if (state.activeFile !== (state.specFiles[0] ?? MAPPER_TAB)) view.activeFile = state.activeFile;
  if (point !== undefined) {
    view.point = point.point;
    if (point.from !== undefined) view.pointFrom = point.from;
  }
  for (const key of VIEW_KEYS) {
    if (state[key] !== undefined && state[key] !== DEFAULT_VIEW[key]) Object.assign(view, { [key]: state[key] });
  }
  if (Object.keys(view).length > 0) payload.view = view;
  const sweep = shareSweep(state.sweep, state.sweepShown);
  if (sweep !== undefined) payload.sweep = sweep;
  return payload;
}

function diffMapper(mapper: MapperSettings): Partial<MapperSettings> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_MAPPER) as (keyof MapperSettings)[]) {
    if (mapper[key] !== DEFAULT_MAPPER[key]) out[key] = mapper[key];
  }
  return out as Partial<MapperSettings>;
}

/** Turns a payload back into store data; spec files missing from the link come from `bundled`. */
export function applySharePayload(
  payload: SharePayload,
  bundled: Readonly<Record<string, string>>,
): Partial<ExplorerData> {
  const specFiles = payload.specFiles ?? [];
  const files: Record<string, string> = { ...payload.files };
  for (const path of specFiles) {
    // Own keys only: a spec file named 'toString' must not pick up Object.prototype's function.
    const text = Object.hasOwn(files, path) ? files[path] : Object.hasOwn(bundled, path) ? bundled[path] : undefined;
    if (text !== undefined) files[path] = text;
  }
  return {
    files,
    specFiles,
    variables: payload.variables ?? {},
    mapper: { ...DEFAULT_MAPPER, ...payload.mapper },
    breakdownBy: payload.view?.breakdownBy ?? DEFAULT_VIEW.breakdownBy,
    selectedEinsum: payload.view?.selectedEinsum ?? null,
    activeFile: payload.view?.activeFile ?? specFiles[0] ?? MAPPER_TAB,
    selectedPoint: payload.view?.point?.index ?? null,
    stackBy: payload.view?.stackBy ?? DEFAULT_VIEW.stackBy,
    perCompute: payload.view?.perCompute ?? DEFAULT_VIEW.perCompute,
    logScale: payload.view?.logScale ?? DEFAULT_VIEW.logScale,
    paretoX: payload.view?.paretoX ?? DEFAULT_VIEW.paretoX,
    paretoY: payload.view?.paretoY ?? DEFAULT_VIEW.paretoY,
    ...sweepFromShare(payload.sweep),
  };
}

/** Encodes a payload; any released version, so tests can write the old links users still hold. */
export function encodeShareFragment(payload: SharePayload | SharePayloadV1): string {
  return FRAGMENT_PREFIX + compressToEncodedURIComponent(JSON.stringify(payload));
}

/** Links longer than this are refused unread (2 million characters; real designs take a few thousand). */
export const MAX_LINK_CHARS = 2_000_000;
/** A link's design text may expand to this many characters; measured before anything is decompressed. */
export const MAX_LINK_TEXT_CHARS = 4_000_000;

const DAMAGED = 'The share link is damaged (it may have been cut off).';

/** Why a link body is refused before decompression, or null when it may be decompressed. */
function linkSizeProblem(body: string): string | null {
  const millions = (n: number) => `${(n / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 })} million`;
  if (body.length > MAX_LINK_CHARS) {
    return `The share link is too long (${millions(body.length)} characters; links of up to ${millions(MAX_LINK_CHARS)} are opened). Open the design from its files instead: drop them on the editor.`;
  }
  const measured = measureLzUriLength(body, MAX_LINK_TEXT_CHARS);
  if (measured.kind === 'too-long') {
    return `The share link expands to more than ${millions(MAX_LINK_TEXT_CHARS)} characters, more than this page opens from a link. Open the design from its files instead: drop them on the editor.`;
  }
  return measured.kind === 'damaged' ? DAMAGED : null;
}

/** Decodes `#s=...`; returns a user-facing message when the link is damaged, too large or from the future. */
export function decodeShareFragment(fragment: string): DecodeResult {
  if (!fragment.startsWith(FRAGMENT_PREFIX)) return { ok: false, message: 'Not a share link.' };
  const body = fragment.slice(FRAGMENT_PREFIX.length);
  const sizeProblem = linkSizeProblem(body);
  if (sizeProblem !== null) return { ok: false, message: sizeProblem };
  const json = decompressFromEncodedURIComponent(body);
  if (!json) return { ok: false, message: DAMAGED };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, message: 'The share link is damaged (its content is not JSON).' };
  }
  const migrated = migrateToLatest(raw);
  if (!migrated.ok) return migrated;
  const parsed = SharePayloadSchema.safeParse(migrated.payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    return { ok: false, message: `The share link has an invalid field${where ? ` '${where}'` : ''}.` };
  }
  return { ok: true, payload: parsed.data };
}

/** A link may ask the mapper to run this long at most; more would let a link hold a tab for hours. */
export const MAX_LINK_TIME_LIMIT_SECONDS = 60;

/** Caps what a link may ask for (the mapper's time limit), with a notice for each change. */
export function limitLinkPayload(payload: SharePayload): { payload: SharePayload; notices: string[] } {
  const asked = payload.mapper?.timeLimitSeconds;
  if (asked === undefined || asked <= MAX_LINK_TIME_LIMIT_SECONDS) return { payload, notices: [] };
  return {
    payload: { ...payload, mapper: { ...payload.mapper, timeLimitSeconds: MAX_LINK_TIME_LIMIT_SECONDS } },
    notices: [
      `The link asked for a mapper time limit of ${asked.toLocaleString('en-US')} s; it is set to ${MAX_LINK_TIME_LIMIT_SECONDS} s. Raise it in mapper settings if you mean to run that long.`,
    ],
  };
}

export function hasShareFragment(hash: string): boolean {
  return hash.startsWith(FRAGMENT_PREFIX);
}
