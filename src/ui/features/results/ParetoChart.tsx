/** Result points on two chosen axes (log scales); clicking a point selects it. */
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useExplorer } from '../../store/context.js';
import type { ParetoAxis } from '../../store/view-slice.js';
import { EmptyState } from '../../widgets/Panel.js';
import { AXIS_UNITS, axisValue, logDomain } from './chart-data.js';
import { ChartCard } from './ChartCard.js';
import { formatSI } from './format.js';
import { useShownPoint } from './use-shown-point.js';

const AXES: readonly ParetoAxis[] = ['energy', 'latency', 'edp'];

interface PlotRow {
  readonly x: number;
  readonly y: number;
  readonly index: number;
}

export function ParetoChart() {
  const { points, index: shown } = useShownPoint();
  const { x, y, selected, setView, selectPoint, source } = useExplorer((s) => ({
    x: s.paretoX,
    y: s.paretoY,
    selected: s.selectedPoint,
    setView: s.setView,
    selectPoint: s.selectPoint,
    source: s.results?.source ?? null,
  }));
  if (points.length === 0) {
    return (
      <div className="result-view pareto" data-testid="pareto-chart" data-points={0}>
        <EmptyState>No results yet. Evaluate the spec's mapping, or find mappings, to see energy against latency.</EmptyState>
      </div>
    );
  }
  const rows: PlotRow[] = points.map((p, i) => ({ x: axisValue(p, x), y: axisValue(p, y), index: i }));
  const axisPicker = (value: ParetoAxis, onChange: (a: ParetoAxis) => void, label: string) => (
    <label className="axis-pick">
      {label}
      <select data-testid={`pareto-${label}`} value={value} onChange={(e) => onChange(e.target.value as ParetoAxis)}>
        {AXES.map((a) => (
          <option key={a}>{a}</option>
        ))}
      </select>
    </label>
  );
  const title = source === 'evaluate' ? 'Evaluated mapping' : 'Pareto front';
  return (
    <ChartCard
      title={title}
      testId="pareto-chart"
      file="pareto"
      data={{ points: points.length }}
      extra={
        <span className="axis-picks">
          {axisPicker(x, (a) => setView({ paretoX: a }), 'x')}
          {axisPicker(y, (a) => setView({ paretoY: a }), 'y')}
        </span>
      }
    >
      <ResponsiveContainer width="100%" height={220}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="x" name={x} scale="log" domain={logDomain(rows.map((r) => r.x))} allowDataOverflow
            tick={{ fontSize: 11 }} tickFormatter={(v: number) => formatSI(v, AXIS_UNITS[x])}
            label={{ value: x, position: 'insideBottom', offset: -8, fontSize: 11 }} />
          <YAxis type="number" dataKey="y" name={y} scale="log" domain={logDomain(rows.map((r) => r.y))} allowDataOverflow width={70}
            tick={{ fontSize: 11 }} tickFormatter={(v: number) => formatSI(v, AXIS_UNITS[y])} />
          <Tooltip formatter={(v, name) => formatSI(Number(v), AXIS_UNITS[name === y ? y : x])} />
          <Scatter
            data={rows}
            isAnimationActive={false}
            shape={(props: { cx?: number; cy?: number; index: number }) => (
              <circle
                data-testid="pareto-point"
                data-index={props.index}
                data-selected={props.index === selected}
                data-energy={points[props.index]?.energy}
                cx={props.cx}
                cy={props.cy}
                r={props.index === shown ? 8 : 6}
                fill={props.index === selected ? '#d62728' : '#1f4e79'}
                stroke="#fff"
                strokeWidth={2}
                style={{ cursor: 'pointer' }}
                onClick={() => selectPoint(props.index)}
              />
            )}
          />
        </ScatterChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
