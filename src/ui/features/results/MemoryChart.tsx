/** Peak occupancy of each memory level over the whole mapping. */
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { memoryBars } from './chart-data.js';
import { ChartCard } from './ChartCard.js';
import { formatPercent } from './format.js';
import { useShownPoint } from './use-shown-point.js';

export function MemoryChart() {
  const { point } = useShownPoint();
  const rows = useMemo(() => (point ? memoryBars(point.evaluation) : []), [point]);
  if (point === null) return null;
  return (
    <ChartCard title="Memory usage (peak)" testId="memory-usage" file="memory-usage">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 10 }} interval={0} />
          <YAxis tick={{ fontSize: 11 }} width={50} domain={[0, (max: number) => Math.max(100, max)]} unit="%" />
          <Tooltip formatter={(v) => formatPercent(Number(v) / 100)} />
          <Bar dataKey="percent" name="occupancy" fill="#1f4e79" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      {rows.every((r) => r.percent === 0) ? (
        <p className="totals-note">0 % everywhere: these memories are unbounded (size: inf), so no tile fills any part of them.</p>
      ) : null}
    </ChartCard>
  );
}
