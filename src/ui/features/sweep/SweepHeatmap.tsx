/** Two knobs: a grid coloured by the metric (first knob down, second across); finished cells open on click. */
import type { ResolvedKnob } from '../../../worker/sweep-protocol.js';
import type { SweepDefinition, SweepPointView } from '../../store/sweep-slice.js';
import { formatSI } from '../results/format.js';
import { colorPosition, heatCells, heatColor, knobText, metricUnit, paretoDesigns, type HeatCell } from './sweep-data.js';

interface HeatmapProps {
  knobs: readonly ResolvedKnob[];
  points: readonly SweepPointView[];
  definition: SweepDefinition;
  opened: number | null;
  onOpen(index: number): void;
}

export function SweepHeatmap(props: HeatmapProps) {
  const [rowKnob, colKnob] = props.knobs;
  if (rowKnob === undefined || colKnob === undefined) return null;
  const { metric, perCompute } = props.definition;
  const unit = metricUnit(metric, perCompute);
  const cells = heatCells(props.knobs, props.points, metric, perCompute);
  const values = cells.flatMap((c) => (c.value === null ? [] : [c.value]));
  const pareto = paretoDesigns(props.points);
  const cell = (c: HeatCell, rowValue: ResolvedKnob['values'][number]) => {
    const where = `${rowKnob.key} = ${knobText(rowValue)}, ${colKnob.key} = ${knobText(colKnob.values[c.col])}`;
    if (c.point === null) return <span key={c.index} className="sweep-heat-cell pending" title={`${where}: not mapped yet`} />;
    const value = c.value;
    const optimal = pareto.has(c.index);
    return (
      <button
        key={c.index}
        type="button"
        className={`sweep-heat-cell${value === null ? ' failed' : ''}${c.index === props.opened ? ' opened' : ''}`}
        data-testid="sweep-point"
        data-index={c.index}
        data-ok={value !== null}
        data-opened={c.index === props.opened}
        data-value={value ?? ''}
        data-pareto={optimal}
        style={value === null ? undefined : { background: heatColor(colorPosition(value, values)), ...(optimal ? { outline: '3px solid #f0a000', outlineOffset: -3 } : {}) }}
        title={`${where}: ${value === null ? 'failed' : formatSI(value, unit)}${optimal ? '; Pareto-optimal in energy, latency and area' : ''} (click to open)`}
        onClick={() => props.onOpen(c.index)}
      />
    );
  };
  return (
    <>
      <HeatLegend values={values} unit={unit} />
      <div className="sweep-heatmap" style={{ gridTemplateColumns: `auto repeat(${colKnob.values.length}, minmax(28px, 1fr))` }}>
        <span className="sweep-heat-corner" title={`${rowKnob.key} down, ${colKnob.key} across`}>
          {rowKnob.key} ↓ / {colKnob.key} →
        </span>
        {colKnob.values.map((v, i) => (
          <span key={`c${i}`} className="sweep-heat-label">
            {knobText(v)}
          </span>
        ))}
        {rowKnob.values.flatMap((rowValue, row) => [
          <span key={`r${row}`} className="sweep-heat-label">
            {knobText(rowValue)}
          </span>,
          ...cells.filter((c) => c.row === row).map((c) => cell(c, rowValue)),
        ])}
      </div>
    </>
  );
}

/** The colour scale: lowest and highest value seen so far. */
function HeatLegend(props: { values: readonly number[]; unit: string }) {
  if (props.values.length === 0) return null;
  const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => `${heatColor(t)} ${t * 100}%`).join(', ');
  return (
    <div className="sweep-heat-legend">
      <span>{formatSI(Math.min(...props.values), props.unit)}</span>
      <span className="sweep-heat-scale" style={{ background: `linear-gradient(to right, ${stops})` }} />
      <span>{formatSI(Math.max(...props.values), props.unit)}</span>
    </div>
  );
}
