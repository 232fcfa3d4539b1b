/**
 * Result points on two chosen axes (log scales); clicking a point selects it. While the mapper
 * runs, its newest front is drawn instead, hollow: those points are provisional and cannot be opened.
 */
import { useState } from 'react';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useExplorer } from '../../store/context.js';
import { EmptyState } from '../../widgets/Panel.js';
import { logDomain } from './chart-data.js';
import { ChartCard } from './ChartCard.js';
import { formatSI } from './format.js';
import { chartAxes, chartUnit, chartValue, isStoredAxis, LIVE_AXES, type ChartAxis } from './pareto-axes.js';
import type { ResultPoint } from './points.js';
import { useShownPoint } from './use-shown-point.js';

interface PlotRow {
  readonly x: number;
  readonly y: number;
  readonly index: number;
  readonly energy: number;
}

function plotRows(points: readonly (Pick<ResultPoint, 'energy' | 'latency'> & Partial<ResultPoint>)[], x: ChartAxis, y: ChartAxis): PlotRow[] {
  return points.map((p, index) => ({ x: chartValue(p, x), y: chartValue(p, y), index, energy: p.energy }));
}

export function ParetoChart() {
  const { points, index: shown } = useShownPoint();
  const { storedX, storedY, selected, setView, selectPoint, source, live } = useExplorer((s) => ({
    storedX: s.paretoX,
    storedY: s.paretoY,
    selected: s.selectedPoint,
    setView: s.setView,
    selectPoint: s.selectPoint,
    source: s.results?.source ?? null,
    live: s.runStatus === 'mapping' ? (s.progress?.live ?? null) : null,
  }));
  // Area and usage axes are picked per page (links keep energy, latency and EDP only).
  const [picked, setPicked] = useState<{ x?: ChartAxis; y?: ChartAxis }>({});
  if (points.length === 0 && (live === null || live.points.length === 0)) {
    return (
      <div className="result-view pareto" data-testid="pareto-chart" data-points={0}>
        <EmptyState>No results yet. Evaluate the spec's mapping, or find mappings, to see energy against latency.</EmptyState>
      </div>
    );
  }
  const provisional = live !== null && !live.final;
  // A live front has energy and latency only; other axes apply to finished runs.
  const axes = live !== null ? LIVE_AXES : chartAxes(points);
  const axisOf = (choice: ChartAxis | undefined, stored: ChartAxis): ChartAxis => (choice !== undefined && axes.includes(choice) ? choice : stored);
  const x = axisOf(picked.x, storedX);
  const y = axisOf(picked.y, storedY);
  const rows = plotRows(live !== null ? live.points : points, x, y);
  const pick = (key: 'x' | 'y', axis: ChartAxis) => {
    setPicked((p) => ({ ...p, [key]: axis }));
    if (isStoredAxis(axis)) setView(key === 'x' ? { paretoX: axis } : { paretoY: axis });
  };
  const axisPicker = (value: ChartAxis, key: 'x' | 'y') => (
    <label className="axis-pick">
      {key}
      <select data-testid={`pareto-${key}`} value={value} onChange={(e) => pick(key, e.target.value as ChartAxis)}>
        {axes.map((a) => (
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
          {axisPicker(x, 'x')}
          {axisPicker(y, 'y')}
        </span>
      }
    >
      <ResponsiveContainer width="100%" height={220}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="x" name={x} scale="log" domain={logDomain(rows.map((r) => r.x))} allowDataOverflow
            tick={{ fontSize: 11 }} tickFormatter={(v: number) => formatSI(v, chartUnit(x))}
            label={{ value: x, position: 'insideBottom', offset: -8, fontSize: 11 }} />
          <YAxis type="number" dataKey="y" name={y} scale="log" domain={logDomain(rows.map((r) => r.y))} allowDataOverflow width={70}
            tick={{ fontSize: 11 }} tickFormatter={(v: number) => formatSI(v, chartUnit(y))} />
          <Tooltip formatter={(v, name) => formatSI(Number(v), chartUnit(name === y ? y : x))} />
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
                  data-latency={points[props.index]?.latency}
                  data-usage={JSON.stringify(points[props.index]?.usage ?? {})}
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
