/** Bars stacked by series on a linear axis; side by side on a log axis (log stacks mislead). */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { forLogAxis, type StackedBars } from './chart-data.js';
import { seriesColor } from './colors.js';
import { formatSI } from './format.js';

export function StackedBarChart(props: { bars: StackedBars; unit: string; log: boolean; colorOrder: readonly string[] }) {
  const { bars, unit, log } = props;
  const logged = log ? forLogAxis(bars) : null;
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={logged ? logged.rows : [...bars.rows]} margin={{ top: 8, right: 12, bottom: 4, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" tick={{ fontSize: 10 }} interval={0} />
        <YAxis
          tick={{ fontSize: 11 }}
          width={72}
          scale={logged ? 'log' : 'auto'}
          domain={logged ? logged.domain : [0, 'auto']}
          allowDataOverflow={logged !== null}
          tickFormatter={(v: number) => formatSI(v, unit)}
        />
        <Tooltip formatter={(v) => formatSI(Number(v), unit)} />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        {bars.keys.map((key) => (
          <Bar key={key} dataKey={key} stackId={logged ? undefined : 'stack'} fill={seriesColor(key, props.colorOrder)} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
