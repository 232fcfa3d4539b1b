/** Energy per component (or Einsum, or tensor), stacked by tensor or by action. */
import { useMemo } from 'react';
import { useExplorer } from '../../store/context.js';
import { energyBars, tensorOrder } from './chart-data.js';
import { ChartCard } from './ChartCard.js';
import { formatSI } from './format.js';
import { StackedBarChart } from './StackedBarChart.js';
import { useShownPoint } from './use-shown-point.js';

export function EnergyChart() {
  const { point } = useShownPoint();
  const view = useExplorer((s) => ({ by: s.breakdownBy, stackBy: s.stackBy, perCompute: s.perCompute, log: s.logScale }));
  const bars = useMemo(
    () => (point ? energyBars(point.evaluation, view.by, view.stackBy, view.perCompute) : null),
    [point, view.by, view.stackBy, view.perCompute],
  );
  const order = useMemo(() => (point && view.stackBy === 'tensor' ? tensorOrder(point.evaluation) : bars?.keys ?? []), [point, view.stackBy, bars]);
  if (point === null || bars === null) return null;
  const unit = view.perCompute ? 'J/MAC' : 'J';
  return (
    <ChartCard
      title={`Energy by ${view.by}`}
      testId="energy-breakdown"
      file="energy-breakdown"
      data={{ total: bars.total, unit, bars: bars.rows.length }}
      extra={<span className="chart-total" data-testid="energy-total">Total {formatSI(bars.total, unit)}</span>}
    >
      <StackedBarChart bars={bars} unit={unit} log={view.log} colorOrder={order} />
    </ChartCard>
  );
}
