/** The `progress` strip above the results: run status, and for the mapper templates, evaluated and kept per Einsum and join steps. */
import { useExplorer } from '../../store/context.js';
import type { RunStatus } from '../../store/run-slice.js';
import { compactCount, joinTotal, progressFraction, progressSummary, type MapProgress } from './map-progress.js';

// Drops down over the charts instead of pushing them down.
const POPOVER = { position: 'absolute', top: '100%', left: 0, zIndex: 20, background: '#fff', border: '1px solid #ccc', padding: 6, whiteSpace: 'nowrap' } as const;

/** Reads the run status and progress from the store. */
export function RunProgress() {
  const { status, progress } = useExplorer((s) => ({ status: s.runStatus, progress: s.progress }));
  return <MapProgressView status={status} progress={progress} />;
}

export function MapProgressView(props: { status: RunStatus; progress: MapProgress | null }) {
  const { status, progress } = props;
  const busy = status === 'evaluating' || status === 'mapping';
  const fraction = progress === null ? null : progressFraction(progress);
  return (
    <div className="progress run-progress" style={{ gridColumn: '1 / -1', minHeight: 22 }} data-testid="progress" data-status={status} data-events={progress?.events ?? 0} data-join-steps={progress?.joinSteps ?? 0}>
      {busy ? <progress max={1} value={fraction ?? undefined} /> : null}
      {progress !== null && progress.einsums.length > 0 ? (
        <>
          {statusLabel(status, fraction)}
          <ProgressDetails progress={progress} />
        </>
      ) : (
        statusLabel(status, fraction)
      )}
    </div>
  );
}

/** A short line in the header; the full counts per Einsum drop down. */
function ProgressDetails(props: { progress: MapProgress }) {
  const { progress } = props;
  return (
    <details className="map-progress" style={{ position: 'relative' }}>
      <summary data-testid="progress-summary" title="Per-Einsum counts">{progressSummary(progress)}</summary>
      <div style={POPOVER}>
        <EinsumProgressTable progress={progress} />
      </div>
    </details>
  );
}

function EinsumProgressTable(props: { progress: MapProgress }) {
  const { progress } = props;
  return (
    <table data-testid="progress-einsums" style={{ fontSize: 11, borderCollapse: 'collapse' }}>
      <thead>
        <tr>
          <th>Einsum</th>
          <th>templates</th>
          <th>evaluated</th>
          <th>kept</th>
          <th>pruned</th>
          <th>front</th>
        </tr>
      </thead>
      <tbody>
        {progress.einsums.map((e) => (
          <tr key={e.einsum} data-einsum={e.einsum}>
            <td>{e.einsum}</td>
            <td>{`${e.done}/${e.templates}`}</td>
            <td>{compactCount(e.evaluated)}</td>
            <td>{compactCount(e.kept)}</td>
            <td>{compactCount(e.pruned)}</td>
            <td>{e.front ?? '…'}</td>
          </tr>
        ))}
        <tr>
          <td colSpan={6}>{`join steps ${progress.joinSteps}/${joinTotal(progress)}${progress.live ? `; front shown: ${progress.live.label}` : ''}`}</td>
        </tr>
      </tbody>
    </table>
  );
}

function statusLabel(status: RunStatus, fraction: number | null) {
  return <span style={{ whiteSpace: 'nowrap' }}>{statusText(status, fraction)}</span>;
}

function statusText(status: RunStatus, fraction: number | null): string {
  if (fraction !== null && status === 'mapping') return `mapping ${Math.round(fraction * 100)}%`;
  return status === 'idle' ? 'Idle' : status;
}
