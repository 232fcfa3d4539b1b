/** Fused versus unfused: both mapper fronts on one energy/latency plot, and their best points side by side. */
import { CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { logDomain } from './chart-data.js';
import { ChartCard } from './ChartCard.js';
import { formatSI } from './format.js';
import type { FusedComparison, RunSummary } from './points.js';

type Variant = 'fused' | 'unfused';

const COLORS: Readonly<Record<Variant, string>> = { fused: '#1f77b4', unfused: '#ff7f0e' };

/** Best-point ratio unfused / fused (how much fusion saves), or null when either run failed. */
export function fusionGain(comparison: FusedComparison, key: 'energy' | 'latency' | 'edp'): number | null {
  const { fused, unfused } = comparison;
  if (fused.best === null || unfused.best === null || fused.best[key] === 0) return null;
  return unfused.best[key] / fused.best[key];
}

export function FusedComparisonView(props: { comparison: FusedComparison }) {
  const { comparison } = props;
  const all = [...comparison.fused.front, ...comparison.unfused.front];
  const series = (variant: Variant) => comparison[variant].front.map((p) => ({ x: p.latency, y: p.energy, variant }));
  return (
    <ChartCard title="Fused vs unfused" testId="fused-comparison" file="fused-vs-unfused"
      data={{ fused: comparison.fused.front.length, unfused: comparison.unfused.front.length }}>
      <ResponsiveContainer width="100%" height={180}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="x" name="latency" scale="log" domain={logDomain(all.map((p) => p.latency))} allowDataOverflow
            tick={{ fontSize: 11 }} tickFormatter={(v: number) => formatSI(v, 's')} />
          <YAxis type="number" dataKey="y" name="energy" scale="log" domain={logDomain(all.map((p) => p.energy))} allowDataOverflow width={70}
            tick={{ fontSize: 11 }} tickFormatter={(v: number) => formatSI(v, 'J')} />
          <Tooltip formatter={(v, name) => formatSI(Number(v), name === 'energy' ? 'J' : 's')} />
          <Legend />
          {(['fused', 'unfused'] as const).map((variant) => (
            <Scatter key={variant} name={variant} data={series(variant)} fill={COLORS[variant]} isAnimationActive={false}
              shape={(p: { cx?: number; cy?: number }) => (
                <circle data-testid="comparison-point" data-variant={variant} cx={p.cx} cy={p.cy} r={5} fill={COLORS[variant]} />
              )} />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
      <ComparisonTable comparison={comparison} />
    </ChartCard>
  );
}

function ComparisonTable(props: { comparison: FusedComparison }) {
  const { comparison } = props;
  const cell = (run: RunSummary, key: 'energy' | 'latency' | 'edp', unit: string, variant: Variant) => (
    <td data-testid={`comparison-${key}-${variant}`} data-value={run.best?.[key] ?? ''}>
      {run.best ? formatSI(run.best[key], unit) : (run.error ?? 'no mapping')}
    </td>
  );
  const gain = (key: 'energy' | 'latency' | 'edp') => {
    const g = fusionGain(comparison, key);
    return <td>{g === null ? '–' : `${g.toPrecision(3)}×`}</td>;
  };
  const rows: readonly ['energy' | 'latency' | 'edp', string][] = [['energy', 'J'], ['latency', 's'], ['edp', 'J·s']];
  return (
    <table className="comparison-table" data-testid="comparison-table" style={{ fontSize: 12, width: '100%' }}>
      <thead>
        <tr>
          <th>best</th>
          <th>fused</th>
          <th>unfused</th>
          <th title="unfused / fused">fusion gain</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, unit]) => (
          <tr key={key}>
            <th>{key}</th>
            {cell(comparison.fused, key, unit, 'fused')}
            {cell(comparison.unfused, key, unit, 'unfused')}
            {gain(key)}
          </tr>
        ))}
        <tr>
          <th>points</th>
          <td>{comparison.fused.front.length}</td>
          <td>{comparison.unfused.front.length}</td>
          <td />
        </tr>
      </tbody>
    </table>
  );
}
