/**
 * The Pareto chart's axes: energy, latency, EDP, the design's area, and the peak usage of each
 * memory (runs with memory usage as an objective report it per front point).
 */
import type { ParetoAxis } from '../../store/view-slice.js';
import { AXIS_UNITS } from './chart-data.js';
import type { ResultPoint } from './points.js';

/** A chart axis: one of the stored view axes, 'area', or `usage:<memory>`. */
export type ChartAxis = ParetoAxis | 'area' | `usage:${string}`;

const USAGE_PREFIX = 'usage:';

/** What a live (provisional) front carries: energy and latency only. */
export const LIVE_AXES: readonly ChartAxis[] = ['energy', 'latency', 'edp'];

/** Axes the points can be drawn on: the usage axes only for memories every point reports. */
export function chartAxes(points: readonly ResultPoint[]): ChartAxis[] {
  const axes: ChartAxis[] = [...LIVE_AXES];
  if (points.length > 0 && points.every((p) => p.area !== undefined)) axes.push('area');
  const memories = points.length === 0 ? [] : Object.keys(points[0]!.usage ?? {});
  for (const memory of memories) if (points.every((p) => p.usage?.[memory] !== undefined)) axes.push(`usage:${memory}`);
  return axes;
}

/** The axis value of a point (NaN when the point lacks it, which a log axis leaves out). */
export function chartValue(point: Pick<ResultPoint, 'energy' | 'latency'> & Partial<ResultPoint>, axis: ChartAxis): number {
  if (axis === 'energy' || axis === 'latency') return point[axis];
  if (axis === 'edp') return point.energy * point.latency;
  if (axis === 'area') return point.area ?? NaN;
  return point.usage?.[axis.slice(USAGE_PREFIX.length)] ?? NaN;
}

export function chartUnit(axis: ChartAxis): string {
  if (axis === 'area') return 'm²';
  if (axis.startsWith(USAGE_PREFIX)) return 'b';
  return AXIS_UNITS[axis as ParetoAxis];
}

/** The stored view keeps only energy, latency and EDP (links carry those); other picks stay on the page. */
export function isStoredAxis(axis: ChartAxis): axis is ParetoAxis {
  return axis === 'energy' || axis === 'latency' || axis === 'edp';
}
