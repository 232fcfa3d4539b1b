/** Latency per component, one segment per Einsum. */
import { useMemo } from 'react';
import { useExplorer } from '../../store/context.js';
import { latencyBars } from './chart-data.js';
import { ChartCard } from './ChartCard.js';
import { formatSI } from './format.js';
import { StackedBarChart } from './StackedBarChart.js';
import { useShownPoint } from './use-shown-point.js';

export function LatencyChart() {
  const { point } = useShownPoint();
  const log = useExplorer((s) => s.logScale);
  const bars = useMemo(() => (point ? latencyBars(point.evaluation) : null), [point]);
  if (point === null || bars === null) return null;
  return (
    <ChartCard
      title="Latency by component and Einsum"
      testId="latency-breakdown"
      file="latency-breakdown"
      data={{ total: bars.total }}
      extra={<span className="chart-total">Total {formatSI(bars.total, 's')}</span>}
    >
      <StackedBarChart bars={bars} unit="s" log={log} colorOrder={bars.keys} />
    </ChartCard>
  );
}
