/** Pinned results side by side: one bar per pin for energy, latency and area. */
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useExplorer } from '../../store/context.js';
import { EmptyState } from '../../widgets/Panel.js';
import { ChartCard } from '../results/ChartCard.js';
import { formatSI } from '../results/format.js';
import { COMPARE_METRICS, COMPARE_UNITS, compareRows, type CompareMetric, type PinnedResult } from './compare-data.js';
import { PinButton } from './PinButton.js';

const PIN_COLORS = ['#1f4e79', '#e07b00', '#2a7f62', '#d62728', '#9467bd', '#8c564b', '#17becf', '#7f7f7f'];

export function CompareView() {
  const { pins, unpin, clear } = useExplorer((s) => ({ pins: s.pins, unpin: s.unpinResult, clear: s.clearPins }));
  return (
    <ChartCard title="Comparison" testId="compare" file="comparison" data={{ pins: pins.length }}
      extra={
        <span className="analysis-controls">
          <PinButton />
          <button type="button" className="mini" data-testid="clear-pins" disabled={pins.length === 0} onClick={clear}>
            Clear
          </button>
        </span>
      }
    >
      {pins.length === 0 ? (
        <EmptyState>Pin the shown result, change the design or pick another Pareto point, and pin again to compare them.</EmptyState>
      ) : (
        <>
          <div className="analysis-triple">
            {COMPARE_METRICS.map((m) => (
              <MetricBars key={m} pins={pins} metric={m} />
            ))}
          </div>
          <ul className="analysis-pins" data-testid="pin-list">
            {pins.map((p, i) => (
              <li key={p.id} data-testid="pin">
                <span className="swatch" style={{ background: PIN_COLORS[i % PIN_COLORS.length] }} />
                {p.label}: {formatSI(p.energy, 'J')}, {formatSI(p.latency, 's')}, {formatSI(p.area, 'm²')}
                <button type="button" className="mini" title="Unpin" onClick={() => unpin(p.id)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </ChartCard>
  );
}

function MetricBars(props: { pins: readonly PinnedResult[]; metric: CompareMetric }) {
  const { metric } = props;
  const rows = compareRows(props.pins, metric);
  const unit = COMPARE_UNITS[metric];
  return (
    <div className="analysis-third" data-testid={`compare-${metric}`} data-bars={rows.length}>
      <h4>{metric}</h4>
      <ResponsiveContainer width="100%" height={180}>
        <BarChart data={rows} margin={{ top: 4, right: 4, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="id" tick={{ fontSize: 10 }} tickFormatter={(id: number) => `#${id}`} />
          <YAxis tick={{ fontSize: 10 }} width={60} tickFormatter={(v: number) => formatSI(v, unit)} />
          <Tooltip formatter={(v) => formatSI(Number(v), unit)} labelFormatter={(id) => rows.find((r) => r.id === Number(id))?.name ?? String(id)} />
          <Bar dataKey="value" isAnimationActive={false}
            shape={(shape: { x?: number; y?: number; width?: number; height?: number; index?: number }) => {
              const i = shape.index ?? 0;
              return (
                <rect data-testid={`compare-${metric}-bar`} data-pin={rows[i]?.id} data-value={rows[i]?.value}
                  x={shape.x} y={shape.y} width={shape.width} height={Math.max(0, shape.height ?? 0)} fill={PIN_COLORS[i % PIN_COLORS.length]} />
              );
            }} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
