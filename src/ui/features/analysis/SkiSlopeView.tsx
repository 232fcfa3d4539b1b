/** Ski slope (Orojenesis): fewest off-chip accesses against on-chip buffer size, fused and unfused, on log-log axes. */
import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { useExplorer, useExplorerStore } from '../../store/context.js';
import { EmptyState } from '../../widgets/Panel.js';
import { BUNDLED_FILES } from '../examples/bundle.js';
import { getExamples } from '../examples/catalogue.js';
import { ChartCard } from '../results/ChartCard.js';
import { formatSI } from '../results/format.js';
import { useEngineClient } from '../run/engine-context.js';
import { defaultSkiMemory, SKI_CURVES, skiMemories, skiPoints, skiXMax, staircase, type SkiCurve, type SkiCurveKind, type SkiPoint, type SkiSlopeRun } from './ski-slope-data.js';
import { openSkiPoint, runSkiSlope } from './ski-slope-run.js';
import { dropsEdits, snowcatDesign } from './snowcat-preset.js';

const CURVE_COLORS: Readonly<Record<SkiCurveKind, string>> = { fused: '#1f4e79', unfused: '#e07b00' };

interface CurveView {
  readonly kind: SkiCurveKind;
  readonly curve: SkiCurve | undefined;
  readonly points: readonly SkiPoint[];
}

export function SkiSlopeView() {
  const { run, picked, setSkiMemory } = useExplorer((s) => ({ run: s.skiSlope, picked: s.skiMemory, setSkiMemory: s.setSkiMemory }));
  const memories = run === null ? [] : skiMemories(run.curves);
  const memory = defaultSkiMemory(memories, picked);
  const views: CurveView[] = SKI_CURVES.map((kind) => {
    const curve = run?.curves[kind];
    return { kind, curve, points: curve !== undefined && memory !== null ? skiPoints(curve.front, memory) : [] };
  });
  const count = (kind: SkiCurveKind) => views.find((v) => v.kind === kind)?.points.length ?? 0;
  return (
    <ChartCard
      title="Ski slope"
      testId="ski-slope"
      file="ski-slope"
      data={{ status: run?.status ?? 'none', memory: memory ?? '', 'fused-points': count('fused'), 'unfused-points': count('unfused') }}
      extra={
        <span className="analysis-controls">
          <SkiControls run={run} />
          <label className="axis-pick" title="The memory whose size is the x axis">
            on-chip
            <select data-testid="ski-memory" value={memory ?? ''} disabled={memories.length < 2} onChange={(e) => setSkiMemory(e.target.value)}>
              {memories.length === 0 ? <option value="">—</option> : null}
              {memories.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </label>
        </span>
      }
    >
      <SkiStatusLine run={run} />
      {views.some((v) => v.points.length > 0) && memory !== null ? <SkiChart views={views} memory={memory} /> : <EmptyState>{emptyText(run)}</EmptyState>}
      <p className="analysis-caption">
        x: peak bits held in {memory ?? 'the on-chip memory'} (the buffer size a mapping needs); y: off-chip accesses in bits, read from the
        mapper's energy (equal on snowcat, whose MainMemory costs 1 per bit). Each step is the fewest accesses any mapping attains with at most
        that buffer; past the last step a bigger buffer no longer helps. Fused may keep intermediates on chip; unfused keeps every tensor in
        the outermost memory. Click a point to open its mapping.
      </p>
    </ChartCard>
  );
}

function emptyText(run: SkiSlopeRun | null): string {
  if (run === null) return 'Press Run ski slope to map the design fused and unfused with memory usage as an objective, or load the Snowcat preset.';
  if (run.status === 'running') return `Mapping the ${run.phase ?? 'fused'} curve…`;
  return 'No curve: the mapper found no mapping, or the arch has no finite memory.';
}

function SkiStatusLine(props: { run: SkiSlopeRun | null }) {
  const { run } = props;
  if (run === null) return null;
  const parts = SKI_CURVES.map((kind) => {
    const curve = run.curves[kind];
    if (curve === undefined) return `${kind}: ${run.phase === kind ? 'mapping…' : run.status === 'running' ? 'waiting' : '—'}`;
    if (curve.error !== null) return `${kind}: ${curve.error}`;
    return `${kind}: ${curve.front.length} points${curve.seconds !== null ? ` in ${curve.seconds.toFixed(1)} s` : ''}`;
  });
  return (
    <div className="analysis-status" data-testid="ski-status" data-status={run.status}>
      {run.status === 'cancelled' ? 'cancelled · ' : ''}
      {parts.join(' · ')}
    </div>
  );
}

function SkiControls(props: { run: SkiSlopeRun | null }) {
  const client = useEngineClient();
  const store = useExplorerStore();
  const busy = useExplorer((s) => s.runStatus === 'evaluating' || s.runStatus === 'mapping');
  const env = () => ({ client, bundled: BUNDLED_FILES, examples: getExamples() });
  const loadPreset = () => {
    if (dropsEdits(store.getState(), BUNDLED_FILES) && !window.confirm('Load snowcat with a 4096³ matmul and discard your edits to the spec files?')) return;
    store.setState(snowcatDesign(BUNDLED_FILES));
    store.getState().setSkiMemory(null);
    void runSkiSlope(store, env());
  };
  return (
    <>
      <button type="button" className="mini" data-testid="ski-run" disabled={busy} title="Map the current design fused and unfused with memory usage as an objective"
        onClick={() => void runSkiSlope(store, env())}>
        {props.run?.status === 'running' ? 'Running…' : 'Run ski slope'}
      </button>
      <button type="button" className="mini" data-testid="ski-preset-snowcat" disabled={busy} title="Load snowcat with one 4096×4096×4096 matmul and draw its ski slope (~2 s)"
        onClick={loadPreset}>
        Snowcat · 4096³ matmul
      </button>
    </>
  );
}

function SkiChart(props: { views: readonly CurveView[]; memory: string }) {
  const store = useExplorerStore();
  const { views } = props;
  const xMax = skiXMax(views.map((v) => v.points));
  const all = views.flatMap((v) => v.points);
  const xMin = Math.min(...all.map((p) => p.usage)) / 2;
  const ys = all.map((p) => p.accesses);
  return (
    <ResponsiveContainer width="100%" height={300}>
      <ComposedChart margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" dataKey="x" scale="log" domain={[xMin, xMax]} allowDataOverflow tick={{ fontSize: 11 }}
          tickFormatter={(v: number) => formatSI(v, 'b')} label={{ value: `${props.memory} usage (bits)`, position: 'insideBottom', offset: -8, fontSize: 11 }} />
        <YAxis type="number" dataKey="y" scale="log" domain={[Math.min(...ys) / 2, Math.max(...ys) * 2]} allowDataOverflow width={70}
          tick={{ fontSize: 11 }} tickFormatter={(v: number) => formatSI(v, 'b')} />
        <Tooltip formatter={(v) => formatSI(Number(v), 'b')} />
        <Legend verticalAlign="top" align="right" height={20} wrapperStyle={{ fontSize: 11 }} />
        {views.map((v) => (
          <Line key={`${v.kind}-steps`} name={`${v.kind} (steps)`} legendType="none" data={staircase(v.points, xMax)} dataKey="y" type="stepAfter"
            stroke={CURVE_COLORS[v.kind]} strokeWidth={v.kind === 'fused' ? 2 : 1.5} strokeDasharray={v.kind === 'unfused' ? '5 3' : undefined}
            dot={false} activeDot={false} tooltipType="none" isAnimationActive={false} />
        ))}
        {views.map((v) => (
          <Scatter key={`${v.kind}-points`} name={v.kind} data={v.points.map((p) => ({ x: p.usage, y: p.accesses }))} fill={CURVE_COLORS[v.kind]} isAnimationActive={false}
            shape={(shape: { cx?: number; cy?: number; index: number }) => {
              const point = v.points[shape.index];
              return (
                <circle data-testid="ski-point" data-curve={v.kind} data-index={point?.index} data-usage={point?.usage} data-accesses={point?.accesses}
                  cx={shape.cx} cy={shape.cy} r={v.kind === 'fused' ? 4.5 : 3.5} fill={v.kind === 'fused' ? CURVE_COLORS.fused : '#fff'}
                  stroke={CURVE_COLORS[v.kind]} strokeWidth={1.5} style={{ cursor: 'pointer' }}
                  onClick={() => {
                    if (v.curve !== undefined && point !== undefined) openSkiPoint(store, v.curve, point.index);
                  }} />
              );
            }} />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
