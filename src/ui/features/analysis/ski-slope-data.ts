/**
 * Ski-slope data (Orojenesis): the fewest off-chip accesses attainable with a given on-chip buffer.
 * A mapper run with memory usage as an objective gives points (usage, energy); on an arch whose
 * off-chip memory costs one energy unit per bit, energy is the off-chip bits accessed.
 */
import type { DesignFiles, FrontPointDto } from '../../../engine/index.js';
import type { ResultSet } from '../results/points.js';

export type SkiCurveKind = 'fused' | 'unfused';
export const SKI_CURVES: readonly SkiCurveKind[] = ['fused', 'unfused'];

/** One finished mapper run of a ski slope. */
export interface SkiCurve {
  /** The run's front; `usage` holds peak bits per finite memory. */
  readonly front: readonly Pick<FrontPointDto, 'energy' | 'latency' | 'usage'>[];
  /** The front as openable result points (same order as `front`). */
  readonly results: ResultSet | null;
  readonly seconds: number | null;
  /** Why the run gave no curve. */
  readonly error: string | null;
}

export type SkiStatus = 'running' | 'done' | 'failed' | 'cancelled';

export interface SkiSlopeRun {
  readonly status: SkiStatus;
  /** The curve being mapped while running. */
  readonly phase: SkiCurveKind | null;
  readonly curves: Readonly<Partial<Record<SkiCurveKind, SkiCurve>>>;
  readonly design: DesignFiles;
}

/** One staircase corner: `index` points into the run's front. */
export interface SkiPoint {
  readonly usage: number;
  readonly accesses: number;
  readonly index: number;
}

/** The finite memories the curves report, outermost first (the front's key order). */
export function skiMemories(curves: SkiSlopeRun['curves']): string[] {
  const names: string[] = [];
  for (const kind of SKI_CURVES) {
    for (const point of curves[kind]?.front ?? []) {
      for (const name of Object.keys(point.usage ?? {})) if (!names.includes(name)) names.push(name);
    }
  }
  return names;
}

/** The user's pick if it exists, else GlobalBuffer, else the outermost finite memory. */
export function defaultSkiMemory(memories: readonly string[], picked: string | null): string | null {
  if (picked !== null && memories.includes(picked)) return picked;
  if (memories.includes('GlobalBuffer')) return 'GlobalBuffer';
  return memories[0] ?? null;
}

/**
 * The staircase corners: points sorted by usage of `memory`, keeping only those that lower the
 * accesses (a bigger buffer is never worse, so the rest are dominated in this projection).
 */
export function skiPoints(front: SkiCurve['front'], memory: string): SkiPoint[] {
  const candidates = front
    .map((p, index) => ({ usage: p.usage?.[memory], accesses: p.energy, index }))
    .filter((p): p is SkiPoint => typeof p.usage === 'number' && Number.isFinite(p.accesses))
    .sort((a, b) => a.usage - b.usage || a.accesses - b.accesses);
  const out: SkiPoint[] = [];
  for (const p of candidates) {
    const last = out[out.length - 1];
    if (last === undefined || p.accesses < last.accesses) out.push(p);
  }
  return out;
}

/** How far right of the last corner the flat run-off goes (log axes: a fixed factor). */
export const RUN_OFF_FACTOR = 8;

/** Vertices of the step line: the corners plus a flat run-off past the last one. */
export function staircase(points: readonly SkiPoint[], xMax: number): { x: number; y: number }[] {
  const rows = points.map((p) => ({ x: p.usage, y: p.accesses }));
  const last = points[points.length - 1];
  if (last !== undefined) rows.push({ x: Math.max(xMax, last.usage * RUN_OFF_FACTOR), y: last.accesses });
  return rows;
}

/** Log-axis x range: from just below the smallest usage to the run-off end. */
export function skiXMax(curves: readonly (readonly SkiPoint[])[]): number {
  const usages = curves.flatMap((c) => c.map((p) => p.usage));
  return usages.length === 0 ? 1 : Math.max(...usages) * RUN_OFF_FACTOR;
}
