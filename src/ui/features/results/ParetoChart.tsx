/**
 * Result points on two chosen axes (log scales); clicking a point selects it. While the mapper
 * runs, its newest front is drawn instead, hollow: those points are provisional and cannot be opened.
 */
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useExplorer } from '../../store/context.js';
import type { ParetoAxis } from '../../store/view-slice.js';
import { EmptyState } from '../../widgets/Panel.js';
import { AXIS_UNITS, logDomain } from './chart-data.js';
import { ChartCard } from './ChartCard.js';
import { formatSI } from './format.js';
import { useShownPoint } from './use-shown-point.js';

const AXES: readonly ParetoAxis[] = ['energy', 'latency', 'edp'];

interface PlotRow {
  readonly x: number;
  readonly y: number;
  readonly index: number;
  readonly energy: number;
}

function plotRows(points: readonly { energy: number; latency: number }[], x: ParetoAxis, y: ParetoAxis): PlotRow[] {
  return points.map((p, index) => {
    const values = { energy: p.energy, latency: p.latency, edp: p.energy * p.latency };
    return { x: values[x], y: values[y], index, energy: p.energy };
  });
}

export function ParetoChart() {
  const { points, index: shown } = useShownPoint();
  const { x, y, selected, setView, selectPoint, source, live } = useExplorer((s) => ({
    x: s.paretoX,
    y: s.paretoY,
    selected: s.selectedPoint,
    setView: s.setView,
    selectPoint: s.selectPoint,
    source: s.results?.source ?? null,
    live: s.runStatus === 'mapping' ? (s.progress?.live ?? null) : null,
  }));
  if (points.length === 0 && (live === null || live.points.length === 0)) {
    return (
      <div className="result-view pareto" data-testid="pareto-chart" data-points={0}>
        <EmptyState>No results yet. Evaluate the spec's mapping, or find mappings, to see energy against latency.</EmptyState>
      </div>
    );
  }
  const provisional = live !== null && !live.final;
  const rows = plotRows(live !== null ? live.points : points, x, y);
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
  const title = live !== null ? `Pareto front (${live.label}${provisional ? ', provisional' : ''})` : source === 'evaluate' ? 'Evaluated mapping' : 'Pareto front';
  return (
    <ChartCard
      title={title}
      testId="pareto-chart"
      file="pareto"
      data={{ points: rows.length, provisional: String(live !== null) }}
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
            shape={(props: { cx?: number; cy?: number; index: number }) =>
              live !== null ? (
                <circle data-testid="pareto-point" data-index={props.index} data-provisional={provisional} data-energy={rows[props.index]?.energy}
                  cx={props.cx} cy={props.cy} r={5} fill="#fff" stroke="#1f4e79" strokeWidth={provisional ? 1.5 : 2.5} strokeDasharray={provisional ? '2 2' : undefined} />
              ) : (
                <circle
                  data-testid="pareto-point"
                  data-index={props.index}
                  data-provisional={false}
                  data-selected={props.index === selected}
                  data-evaluated={points[props.index]?.evaluation !== null}
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
              )
            }
          />
        </ScatterChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
