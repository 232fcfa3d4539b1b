/**
 * The selected Pareto point in a link: written as a reference (its mapping key and figures), and
 * found again in the front of the run the reader starts, by key, else the nearest point is shown.
 */
// The version module alone: the page's main bundle must not pull in the engine.
import { ENGINE_VERSION } from '../../engine/results/engine-version.js';
import { formatSI } from '../features/results/format.js';
import type { ResultPoint, ResultSet } from '../features/results/points.js';
import type { LinkRun } from '../store/link-slice.js';
import type { PointRef, SharePayload } from './schema.js';

/** A link's mapper point, waiting for the reader's mapper run to find it. */
export interface LinkPoint {
  readonly ref: PointRef;
  readonly from: LinkRun;
  /** The engine version that made the link; undefined for links from before versions were recorded. */
  readonly engine?: string;
}

/** What a link records about the selection: the point and, for a mapper point, the run it came from. */
export interface SharedPoint {
  readonly point: PointRef;
  readonly from?: LinkRun;
  readonly engine?: string;
}

interface SelectionState {
  readonly selectedPoint?: number | null;
  readonly results?: ResultSet | null;
  readonly linkPoint?: LinkPoint | null;
}

/**
 * The selected point as a link holds it. A link's point still waiting for its run is passed on as
 * it came (with its engine), so copying a link before running the mapper keeps the point.
 */
export function sharedPoint(state: SelectionState): SharedPoint | undefined {
  const pending = state.linkPoint;
  if (pending && state.results?.source !== 'mapper') return { point: pending.ref, from: pending.from, ...(pending.engine ? { engine: pending.engine } : {}) };
  const index = state.selectedPoint;
  if (index === undefined || index === null) return undefined;
  if (state.results?.source !== 'mapper') return { point: { index } };
  const shown = state.results.points[index];
  return { point: { index, ...(shown ? figuresOf(shown) : {}) }, from: state.results.unfused ? 'mapper-unfused' : 'mapper' };
}

/** Key and figures of a point; infinite figures are left out (JSON has no Infinity). */
function figuresOf(point: ResultPoint): Omit<PointRef, 'index'> {
  return {
    ...(point.mappingKey !== undefined ? { key: point.mappingKey } : {}),
    ...(Number.isFinite(point.energy) ? { energy: point.energy } : {}),
    ...(Number.isFinite(point.latency) ? { latency: point.latency } : {}),
  };
}

/** The mapper point a decoded link asks to reopen, or null. */
export function linkPointOf(payload: SharePayload): LinkPoint | null {
  const ref = payload.view?.point;
  const from = payload.view?.pointFrom;
  if (ref === undefined || from === undefined) return null;
  return { ref, from, ...(payload.engine !== undefined ? { engine: payload.engine } : {}) };
}

export interface FoundPoint {
  /** Index of the point to show in the new front; null leaves the mapper's choice shown. */
  readonly index: number | null;
  /** What the user should know when the link's own point is not there. */
  readonly notice: string | null;
}

/** Finds a link's point in a new front: by key; else the nearest by energy and latency; v1 links by index. */
export function findLinkPoint(points: readonly ResultPoint[], link: LinkPoint): FoundPoint {
  const { ref } = link;
  const label = `point ${ref.index + 1}`;
  if (ref.key === undefined) {
    if (ref.index < points.length) return { index: ref.index, notice: null };
    return { index: null, notice: `The link's ${label} is not on this run's Pareto front (${points.length} point${points.length === 1 ? '' : 's'}); showing the mapper's choice instead.` };
  }
  const byKey = points.findIndex((p) => p.mappingKey === ref.key);
  if (byKey >= 0) return { index: byKey, notice: null };
  const nearest = nearestPointIndex(points, ref);
  const figures = ref.energy !== undefined && ref.latency !== undefined ? ` (${describeFigures(ref.energy, ref.latency)})` : '';
  const instead = nearest === null ? "Showing the mapper's choice instead." : `Showing the nearest point instead: point ${nearest + 1} (${describeFigures(points[nearest]!.energy, points[nearest]!.latency)}).`;
  return {
    index: nearest,
    notice: `The link's ${label}${figures} is not on this run's Pareto front: no point has its mapping (key ${ref.key}). ${versionSentence(link.engine)} ${instead}`,
  };
}

function describeFigures(energy: number, latency: number): string {
  return `energy ${formatSI(energy, 'J')}, latency ${formatSI(latency, 's')}`;
}

function versionSentence(engine: string | undefined): string {
  if (engine === undefined) return `The link does not say which engine version made it; this page runs ${ENGINE_VERSION}.`;
  if (engine !== ENGINE_VERSION) return `The link was made with engine ${engine}; this page runs ${ENGINE_VERSION}, whose mapper may find other mappings.`;
  return `The link was made with this engine version (${ENGINE_VERSION}), so the design, the mapper settings or a time limit differ from the author's run.`;
}

/**
 * The point closest to `target` in relative energy and latency (both axes count alike, whatever
 * their units); null when the target has no figures or there are no points.
 */
export function nearestPointIndex(points: readonly ResultPoint[], target: Pick<PointRef, 'energy' | 'latency'>): number | null {
  const { energy, latency } = target;
  if (energy === undefined || latency === undefined) return null;
  let best: number | null = null;
  let bestDistance = Infinity;
  points.forEach((p, i) => {
    const distance = relativeGap(p.energy, energy) ** 2 + relativeGap(p.latency, latency) ** 2;
    if (best === null || distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}

/** |a - b| over the larger magnitude: 0 for equal values, 1 at most; an infinite or NaN value counts as 1 unless equal. */
function relativeGap(a: number, b: number): number {
  if (a === b) return 0;
  const gap = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
  return Number.isFinite(gap) ? gap : 1;
}
