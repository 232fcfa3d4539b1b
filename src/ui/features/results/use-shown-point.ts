/** The result point the views show, from the store. */
import { useExplorer } from '../../store/context.js';
import { isEvaluated, shownPointIndex, type EvaluatedPoint, type ResultPoint } from './points.js';

export interface ShownPoint {
  readonly points: readonly ResultPoint[];
  readonly index: number | null;
  /** The shown point once its mapping is evaluated; null while it loads or when nothing is shown. */
  readonly point: EvaluatedPoint | null;
  /** The shown point is a front point whose evaluation has not arrived yet. */
  readonly loading: boolean;
}

export function useShownPoint(): ShownPoint {
  const { results, selectedPoint } = useExplorer((s) => ({ results: s.results, selectedPoint: s.selectedPoint }));
  const points = results?.points ?? [];
  const index = shownPointIndex(points, selectedPoint, results?.defaultIndex);
  const shown = index === null ? null : (points[index] ?? null);
  return { points, index, point: isEvaluated(shown) ? shown : null, loading: shown !== null && !isEvaluated(shown) };
}
