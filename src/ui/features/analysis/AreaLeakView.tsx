/** Area and leak power per arch component of the shown evaluation (× the fanout above each component). */
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { EmptyState } from '../../widgets/Panel.js';
import { ChartCard } from '../results/ChartCard.js';
import { formatSI } from '../results/format.js';
import { useShownPoint } from '../results/use-shown-point.js';
import { barTotals, componentBars, type ComponentBar } from './area-data.js';

export function AreaLeakView() {
  const { point } = useShownPoint();
  const bars = point === null ? null : componentBars(point.evaluation);
  if (point === null || bars === null) {
    return (
      <div className="result-view" data-testid="area-breakdown" data-bars={0}>
        <h3>Area and leak power</h3>
        <EmptyState>{point === null ? 'Evaluate a mapping to see area and leak power per component.' : 'This evaluation carries no per-component area.'}</EmptyState>
      </div>
    );
  }
  const totals = barTotals(bars);
  const { area, leakPower } = point.evaluation.totals;
  return (
    <ChartCard title="Area and leak power" testId="area-breakdown" file="area-leak"
      data={{ bars: bars.length, total: totals.area, 'leak-total': totals.leakPower, 'evaluation-area': area, 'evaluation-leak': leakPower }}>
      <div className="analysis-pair">
        <ComponentChart bars={bars} field="area" unit="m²" color="#2a7f62" testId="area-bars" />
        <ComponentChart bars={bars} field="leakPower" unit="W" color="#8c564b" testId="leak-bars" />
      </div>
      <p className="analysis-caption" data-testid="area-caption">
        Total area {formatSI(area, 'm²')}, total leak power {formatSI(leakPower, 'W')}. Each bar is one component's area (or leak power) times the
        number of instances its ancestors' fanout makes.
      </p>
    </ChartCard>
  );
}

function ComponentChart(props: { bars: readonly ComponentBar[]; field: 'area' | 'leakPower'; unit: string; color: string; testId: string }) {
  const { bars, field, unit } = props;
  return (
    <div className="analysis-half" data-testid={props.testId} data-bars={bars.length}>
      <h4>{field === 'area' ? 'Area' : 'Leak power'}</h4>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={[...bars]} margin={{ top: 4, right: 8, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" tick={{ fontSize: 10 }} interval={0} angle={-30} textAnchor="end" height={64} />
          <YAxis tick={{ fontSize: 10 }} width={64} tickFormatter={(v: number) => formatSI(v, unit)} />
          <Tooltip formatter={(v) => formatSI(Number(v), unit)} />
          <Bar dataKey={field} fill={props.color} isAnimationActive={false}
            shape={(shape: { x?: number; y?: number; width?: number; height?: number; index?: number }) => (
              <rect data-testid={`${props.testId}-bar`} data-name={bars[shape.index ?? 0]?.name} data-value={bars[shape.index ?? 0]?.[field]}
                x={shape.x} y={shape.y} width={shape.width} height={Math.max(0, shape.height ?? 0)} fill={props.color} />
            )} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
