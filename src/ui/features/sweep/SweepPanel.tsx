/** The sweep tab: builder, progress, the chart filling in as points stream, failures and the opened point. */
import { useExplorer } from '../../store/context.js';
import type { SweepPointView, SweepRunView } from '../../store/sweep-slice.js';
import { EmptyState } from '../../widgets/Panel.js';
import { formatSI } from '../results/format.js';
import type { FieldEdit } from './field-text.js';
import { knobText, metricUnit, METRIC_LABELS, metricValue, numberText } from './sweep-data.js';
import { SweepBuilder } from './SweepBuilder.js';
import { SweepHeatmap } from './SweepHeatmap.js';
import { SweepLineChart } from './SweepLineChart.js';
import './sweep.css';

export function SweepPanel() {
  return (
    <div className="sweep-panel">
      <SweepBuilder />
      <SweepStatus />
      <SweepChart />
      <OpenedPoint />
      <FailedPoints />
    </div>
  );
}

function SweepStatus() {
  const run = useExplorer((s) => s.sweepRun);
  if (run === null) return null;
  const label = run.status !== 'running' ? run.status : run.total === 0 ? 'starting' : `mapping (${run.total - run.points.length} to go)`;
  return (
    <div className="sweep-status" data-testid="sweep-status" data-status={run.status} data-done={run.points.length} data-total={run.total}>
      {run.status === 'running' ? <progress max={Math.max(1, run.total)} value={run.points.length} /> : null}
      <span>
        {label} · {run.points.length}/{run.total} points
      </span>
      {run.errors.map((e, i) => (
        <p key={i} className="sweep-error">
          {e.message}
          {e.hint ? <span className="hint"> {e.hint}</span> : null}
        </p>
      ))}
    </div>
  );
}

function SweepChart() {
  const { run, definition, opened, openSweepPoint } = useExplorer((s) => ({
    run: s.sweepRun,
    definition: s.sweep,
    opened: s.sweepOpened?.index ?? null,
    openSweepPoint: s.openSweepPoint,
  }));
  const onOpen = (index: number) => void openSweepPoint(index);
  const points = run?.points.length ?? 0;
  const title = `${METRIC_LABELS[definition.metric]}${definition.perCompute ? ' per compute' : ''}`;
  return (
    <div className="sweep-chart result-view" data-testid="sweep-chart" data-points={points} data-status={run?.status ?? 'idle'}>
      <h3>{title}</h3>
      {run === null || run.knobs.length === 0 ? (
        <EmptyState>No sweep yet. Choose a knob and its values, then press Run sweep; points appear here as they are mapped.</EmptyState>
      ) : run.knobs.length === 1 ? (
        <SweepLineChart knob={run.knobs[0]!} points={run.points} definition={definition} opened={opened} onOpen={onOpen} />
      ) : (
        <SweepHeatmap knobs={run.knobs} points={run.points} definition={definition} opened={opened} onOpen={onOpen} />
      )}
    </div>
  );
}

function pointLabel(run: SweepRunView, point: SweepPointView): string {
  return run.knobs.map((k) => `${k.key} = ${knobText(point.point.knobs[k.key])}`).join(', ');
}

function OpenedPoint() {
  const { run, opened, definition, revealInEditor, showSweep } = useExplorer((s) => ({
    run: s.sweepRun,
    opened: s.sweepOpened,
    definition: s.sweep,
    revealInEditor: s.revealInEditor,
    showSweep: s.showSweep,
  }));
  const point = run?.points.find((p) => p.point.index === opened?.index);
  if (run === null || opened === null || point === undefined) return null;
  const value = metricValue(point, definition.metric, definition.perCompute);
  const reveal = (edit: FieldEdit) => {
    showSweep(false);
    // The editor measures itself once it is visible again; reveal after that frame.
    requestAnimationFrame(() => requestAnimationFrame(() => revealInEditor(edit.file, edit.line, edit.col)));
  };
  return (
    <div className="sweep-opened" data-testid="sweep-opened" data-index={point.point.index}>
      Showing point {point.point.index + 1}: {pointLabel(run, point)}
      {value === null ? ' (failed)' : ` · ${formatSI(value, metricUnit(definition.metric, definition.perCompute))}`} in Results and Mapping.
      {opened.edits.map((edit) => (
        <span key={edit.path} className="hint" data-testid="sweep-opened-edit" data-file={edit.file} data-line={edit.line}>
          {' '}Set {edit.path} = {numberText(edit.value)} in{' '}
          <button type="button" className="sweep-reveal" onClick={() => reveal(edit)}>
            {edit.file}:{edit.line}
          </button>{' '}
          (undo in the editor reverts it).
        </span>
      ))}
      {opened.missed.length > 0 ? (
        <span className="hint" data-testid="sweep-opened-missed">
          {' '}The spec text does not spell out {opened.missed.join(', ')}; {opened.missed.length > 1 ? 'they apply' : 'it applies'} to this point only.
        </span>
      ) : null}
    </div>
  );
}

/** Failed points stay clickable (their errors open in Problems); on the line chart they have no y. */
function FailedPoints() {
  const { run, openSweepPoint } = useExplorer((s) => ({ run: s.sweepRun, openSweepPoint: s.openSweepPoint }));
  if (run === null || run.knobs.length !== 1) return null;
  const failed = run.points.filter((p) => p.point.metrics === null);
  if (failed.length === 0) return null;
  return (
    <ul className="sweep-failed">
      {failed.map((p) => (
        <li key={p.point.index}>
          <button type="button" className="mini" data-testid="sweep-point" data-index={p.point.index} data-ok="false" onClick={() => void openSweepPoint(p.point.index)}>
            {pointLabel(run, p)}
          </button>{' '}
          failed: {p.point.errors[0]?.message ?? 'no mapping'}
        </li>
      ))}
    </ul>
  );
}
