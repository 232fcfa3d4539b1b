/** One knob: the metric against the knob value, total plus per-component curves; points open on click. */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ResolvedKnob } from '../../../worker/sweep-protocol.js';
import type { SweepDefinition, SweepPointView } from '../../store/sweep-slice.js';
import { seriesColor } from '../results/colors.js';
import { formatSI } from '../results/format.js';
import { isNumericKnob, knobText, lineSeries, metricUnit, paretoDesigns, positiveOnly, prefersLogScale, type LineRow } from './sweep-data.js';

interface DotProps {
  readonly cx?: number;
  readonly cy?: number;
  readonly payload?: LineRow;
}

export function SweepLineChart(props: {
  knob: ResolvedKnob;
  points: readonly SweepPointView[];
  definition: SweepDefinition;
  opened: number | null;
  onOpen(index: number): void;
}) {
  const { metric, perCompute, breakdown } = props.definition;
  const { rows, components } = lineSeries(props.points, props.knob, metric, perCompute, breakdown);
  const unit = metricUnit(metric, perCompute);
  const numeric = isNumericKnob(props.knob);
  const xs = numeric ? (props.knob.values as readonly number[]) : [];
  const xText = (x: number) => (numeric ? knobText(x) : knobText(props.knob.values[x]));
  const ys = rows.flatMap((r) => [r.total, ...components.map((c) => r[c] ?? null)]).filter((v): v is number => v !== null && v > 0);
  const logX = prefersLogScale(xs);
  const logY = prefersLogScale(ys);
  const pareto = paretoDesigns(props.points);
  const dot = (p: DotProps) => {
    const row = p.payload;
    if (row === undefined || p.cx === undefined || p.cy === undefined || row.total === null) return <g key={`none-${row?.index ?? 'x'}`} />;
    const open = row.index === props.opened;
    const optimal = pareto.has(row.index);
    return (
      <circle
        key={row.index}
        data-testid="sweep-point"
        data-index={row.index}
        data-ok="true"
        data-opened={open}
        data-value={row.total}
        data-pareto={optimal}
        cx={p.cx}
        cy={p.cy}
        r={open ? 7 : 5}
        fill={open ? '#d62728' : '#1f4e79'}
        stroke={optimal ? '#f0a000' : '#fff'}
        strokeWidth={optimal ? 3 : 1.5}
        style={{ cursor: 'pointer' }}
        onClick={() => props.onOpen(row.index)}
      >
        <title>{`${props.knob.key} = ${xText(row.x)}: ${formatSI(row.total, unit)}${optimal ? '; Pareto-optimal in energy, latency and area' : ''} (click to open)`}</title>
      </circle>
    );
  };
  return (
    <ResponsiveContainer width="100%" height={300}>
      <LineChart data={logY ? positiveOnly(rows, ['total', ...components]) : [...rows]} margin={{ top: 8, right: 16, bottom: 20, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" dataKey="x" scale={logX ? 'log' : 'linear'} domain={['dataMin', 'dataMax']} padding={{ left: 12, right: 12 }} allowDataOverflow
          tick={{ fontSize: 11 }} tickFormatter={(v: number) => (numeric ? formatSI(v, '') : xText(v))}
          label={{ value: props.knob.key, position: 'insideBottom', offset: -12, fontSize: 11 }} />
        <YAxis type="number" scale={logY ? 'log' : 'linear'} domain={logY ? paddedLogDomain(ys) : [0, 'auto']} allowDataOverflow width={76}
          tick={{ fontSize: 11 }} tickFormatter={(v: number) => formatSI(v, unit)} />
        <Tooltip labelFormatter={(v) => `${props.knob.key} = ${xText(Number(v))}`} formatter={(v) => formatSI(Number(v), unit)} />
        <Legend verticalAlign="top" wrapperStyle={{ fontSize: 11 }} />
        {components.map((c) => (
          <Line key={c} dataKey={c} name={c} stroke={seriesColor(c, components)} strokeDasharray="4 3" dot={false} isAnimationActive={false} connectNulls />
        ))}
        <Line dataKey="total" name="total" stroke="#1f4e79" strokeWidth={2} dot={dot} activeDot={false} isAnimationActive={false} connectNulls />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** A log domain with room above and below, so points on the extremes stay whole. */
function paddedLogDomain(values: readonly number[]): [number, number] {
  return [Math.min(...values) / 1.5, Math.max(...values) * 1.5];
}
