/** Result views. Until the evaluator and mapper stream results, each says so plainly. */
import { useExplorer } from '../../store/context.js';
import type { BreakdownBy } from '../../store/view-slice.js';
import { EmptyState } from '../../widgets/Panel.js';

const GROUPINGS: readonly BreakdownBy[] = ['component', 'einsum', 'tensor'];

export function ParetoChart() {
  return (
    <div className="result-view pareto" data-testid="pareto-chart" data-points={0}>
      <EmptyState>No results yet. Run the mapper to see the Pareto front of energy against latency.</EmptyState>
    </div>
  );
}

export function BreakdownGrouping() {
  const { breakdownBy, setBreakdownBy } = useExplorer((s) => ({ breakdownBy: s.breakdownBy, setBreakdownBy: s.setBreakdownBy }));
  return (
    <label className="grouping">
      by
      <select value={breakdownBy} onChange={(e) => setBreakdownBy(e.target.value as BreakdownBy)}>
        {GROUPINGS.map((g) => (
          <option key={g}>{g}</option>
        ))}
      </select>
    </label>
  );
}

export function EnergyBreakdown() {
  return (
    <div className="result-view" data-testid="energy-breakdown">
      <h3>Energy</h3>
      <EmptyState>No results yet. Evaluate the mapping or pick a Pareto point.</EmptyState>
    </div>
  );
}

export function LatencyBreakdown() {
  return (
    <div className="result-view" data-testid="latency-breakdown">
      <h3>Latency</h3>
      <EmptyState>No results yet. Evaluate the mapping or pick a Pareto point.</EmptyState>
    </div>
  );
}
