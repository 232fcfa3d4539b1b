/** Pins the shown result (its energy, latency and area) for the comparison bars. */
import { useExplorer, useExplorerStore } from '../../store/context.js';
import { useShownPoint } from '../results/use-shown-point.js';
import { pinLabel, pinOf } from './compare-data.js';

export function PinButton() {
  const store = useExplorerStore();
  const { point, index, points } = useShownPoint();
  const stale = useExplorer((s) => s.resultsStale);
  const pin = () => {
    if (point === null) return;
    const state = store.getState();
    const where = index === null ? null : { index, of: points.length };
    state.pinResult(pinOf(point.evaluation, pinLabel(state.specFiles, where), state.pins));
  };
  return (
    <button type="button" className="mini" data-testid="pin-result" disabled={point === null}
      title={stale ? 'The design changed since this result; the pin is of the result as shown' : 'Keep this result for the comparison bars'} onClick={pin}>
      Pin for comparison
    </button>
  );
}
