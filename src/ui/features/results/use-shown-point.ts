/** The result point the views show, from the store. */
import { useExplorer } from '../../store/context.js';
import { shownPointIndex, type ResultPoint } from './points.js';

export interface ShownPoint {
  readonly points: readonly ResultPoint[];
  readonly index: number | null;
  readonly point: ResultPoint | null;
}

export function useShownPoint(): ShownPoint {
  const { results, selectedPoint } = useExplorer((s) => ({ results: s.results, selectedPoint: s.selectedPoint }));
  const points = results?.points ?? [];
  const index = shownPointIndex(points, selectedPoint);
  return { points, index, point: index === null ? null : (points[index] ?? null) };
}
