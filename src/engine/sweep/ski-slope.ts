/**
 * Ski slope: off-chip (outermost memory) read+write actions against on-chip buffer size.
 * The mapper exposes no resource-usage objective, so each point is the off-chip traffic of the
 * mapping it chose (for energy, latency or EDP): an upper bound on the lowest attainable traffic.
 * A mapping that fits a buffer also fits any larger one, so a running minimum over increasing
 * sizes tightens that bound into a staircase.
 */
import type { SweepResult } from './sweep.js';

export interface SkiSlopePoint {
  /** The swept buffer size (bits). */
  readonly size: number;
  /** Off-chip read+write actions of the chosen mapping at this size. */
  readonly offChipAccesses: number;
  /** Lowest off-chip accesses seen at this size or any smaller one. */
  readonly lowestSoFar: number;
}

/** Ski-slope points of a sweep over a buffer-size knob, sorted by size; failed points are skipped. */
export function skiSlope(sweep: SweepResult, sizeKnob: string): SkiSlopePoint[] {
  const rows = sweep.points
    .filter((p) => p.metrics !== null && typeof p.knobs[sizeKnob] === 'number')
    .map((p) => ({ size: p.knobs[sizeKnob] as number, offChipAccesses: p.metrics!.offChipAccesses }))
    .sort((a, b) => a.size - b.size);
  let lowest = Infinity;
  return rows.map((r) => {
    lowest = Math.min(lowest, r.offChipAccesses);
    return { ...r, lowestSoFar: lowest };
  });
}
