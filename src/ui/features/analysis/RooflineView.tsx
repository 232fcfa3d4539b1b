/** Roofline of the shown mapping: compute and off-chip bandwidth roofs, one point per Einsum. Formulas: roofline-data.ts. */
import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { useExplorer } from '../../store/context.js';
import { EmptyState } from '../../widgets/Panel.js';
import { ChartCard } from '../results/ChartCard.js';
import { formatSI } from '../results/format.js';
import { useShownPoint } from '../results/use-shown-point.js';
import { intensityRange, roofLine, rooflineOf, type Roofline, type RooflinePoint } from './roofline-data.js';

type PlottedPoint = RooflinePoint & { readonly intensity: number; readonly performance: number };

function plotted(p: RooflinePoint): p is PlottedPoint {
  return p.intensity !== null && p.performance !== null && p.intensity > 0 && p.performance > 0;
}

export function RooflineView() {
  const { point } = useShownPoint();
  const { picked, setRooflineMemory } = useExplorer((s) => ({ picked: s.rooflineMemory, setRooflineMemory: s.setRooflineMemory }));
  if (point === null) {
    return (
      <div className="result-view" data-testid="roofline" data-points={0}>
        <h3>Roofline</h3>
        <EmptyState>Evaluate the spec's mapping or open a Pareto point to place its Einsums on the roofline.</EmptyState>
      </div>
    );
  }
  const roofline = rooflineOf(point.evaluation, picked);
  const points = roofline.points.filter(plotted);
  return (
    <ChartCard
      title="Roofline"
      testId="roofline"
      file="roofline"
      data={{ points: points.length, einsums: roofline.points.length, 'off-chip': roofline.offChip ?? '', 'peak-compute': roofline.peakCompute ?? 'none', bandwidth: roofline.bandwidth ?? 'unbounded' }}
      extra={
        <label className="axis-pick" title="The memory whose accesses count as off-chip traffic">
          off-chip
          <select data-testid="roofline-memory" value={roofline.offChip ?? ''} onChange={(e) => setRooflineMemory(e.target.value)}>
            {roofline.memories.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
      }
    >
      {points.length > 0 ? <RooflineChart roofline={roofline} points={points} /> : <EmptyState>No Einsum has both off-chip traffic and a latency to plot.</EmptyState>}
      <p className="analysis-caption" data-testid="roofline-caption">
        {roofCaption(roofline)} Per Einsum: intensity = computes / {roofline.offChip ?? 'off-chip'} accesses, performance = computes / Einsum
        latency. Compute roof = the compute units' own rate (computes / their latency, best Einsum); bandwidth roof = {roofline.offChip ?? 'the memory'}'s
        own rate (accesses / its latency, best Einsum); attainable = min(compute roof, bandwidth roof × intensity). Accesses are bits when the
        memory moves one bit per action; latency is in the arch's units (s, or cycles).
        {roofline.points.length > points.length ? ` Not drawn: ${roofline.points.filter((p) => !plotted(p)).map((p) => p.einsum).join(', ')} (no off-chip traffic or no latency).` : ''}
      </p>
    </ChartCard>
  );
}

function roofCaption(r: Roofline): string {
  const compute = r.peakCompute === null ? 'no compute roof (compute takes no time)' : `compute roof ${formatSI(r.peakCompute, 'op/s')}`;
  const bandwidth = r.bandwidth === null ? `no bandwidth roof (${r.offChip ?? 'the off-chip memory'} never limits latency)` : `bandwidth roof ${formatSI(r.bandwidth, 'access/s')}`;
  return `${compute}; ${bandwidth}.`;
}

/** Einsums drawn on the same spot share one label, written by the first of them. */
function sharedLabel(points: readonly PlottedPoint[], index: number): string {
  const p = points[index]!;
  const same = (q: PlottedPoint) => q.intensity === p.intensity && q.performance === p.performance;
  if (points.slice(0, index).some(same)) return '';
  return points.filter(same).map((q) => q.einsum).join(', ');
}

function RooflineChart(props: { roofline: Roofline; points: readonly PlottedPoint[] }) {
  const { roofline, points } = props;
  const [xMin, xMax] = intensityRange(roofline);
  const roof = roofLine(roofline, xMin, xMax);
  const ys = [...points.map((p) => p.performance), ...roof.map((r) => r.y)].filter((y) => y > 0);
  return (
    <ResponsiveContainer width="100%" height={280}>
      <ComposedChart margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" dataKey="x" scale="log" domain={[xMin, xMax]} allowDataOverflow tick={{ fontSize: 11 }} tickFormatter={(v: number) => formatSI(v, '')}
          label={{ value: 'computes per off-chip access', position: 'insideBottom', offset: -8, fontSize: 11 }} />
        <YAxis type="number" dataKey="y" scale="log" domain={[Math.min(...ys) / 4, Math.max(...ys) * 4]} allowDataOverflow width={72} tick={{ fontSize: 11 }}
          tickFormatter={(v: number) => formatSI(v, 'op/s')} />
        <Tooltip formatter={(v) => formatSI(Number(v), '')} />
        {roof.length > 0 ? <Line data={roof} dataKey="y" name="roof" stroke="#444" strokeWidth={2} dot={false} activeDot={false} tooltipType="none" isAnimationActive={false} /> : null}
        <Scatter data={points.map((p) => ({ x: p.intensity, y: p.performance }))} name="Einsums" isAnimationActive={false}
          shape={(shape: { cx?: number; cy?: number; index: number }) => {
            const p = points[shape.index];
            const label = p === undefined ? '' : sharedLabel(points, shape.index);
            return (
              <g>
                <circle data-testid="roofline-point" data-einsum={p?.einsum} data-intensity={p?.intensity} data-performance={p?.performance}
                  cx={shape.cx} cy={shape.cy} r={5} fill="#d62728" stroke="#fff" strokeWidth={1.5} />
                <text x={(shape.cx ?? 0) + 7} y={(shape.cy ?? 0) - 6} fontSize={10} fill="#333">{label}</text>
              </g>
            );
          }} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
