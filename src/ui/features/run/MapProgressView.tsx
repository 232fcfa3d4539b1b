/** The `progress` strip above the results: run status, and for the mapper templates, evaluated and kept per Einsum and join steps. */
import { useExplorer } from '../../store/context.js';
import type { RunStatus } from '../../store/run-slice.js';
import { compactCount, joinTotal, progressFraction, progressSummary, type MapProgress, type WorkerProgress } from './map-progress.js';

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
    <div className="progress run-progress" style={{ gridColumn: '1 / -1', minHeight: 22 }} data-testid="progress" data-status={status} data-events={progress?.events ?? 0} data-join-steps={progress?.joinSteps ?? 0} data-workers={progress?.workers.length ?? 0}>
      {busy ? <progress max={1} value={fraction ?? undefined} /> : null}
      {progress !== null && progress.einsums.length > 0 ? (
        <>
          {statusLabel(status, fraction)}
          <WorkerStrip workers={progress.workers} busy={busy} />
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

/** One chip per mapper worker: the Einsum and template it is on (or idle) and the templates it finished. */
function WorkerStrip(props: { workers: readonly WorkerProgress[]; busy: boolean }) {
  if (props.workers.length === 0) return null;
  return (
    <span className="map-workers" data-testid="map-workers" style={{ display: 'inline-flex', gap: 4, fontSize: 11, margin: '0 6px' }}>
      {props.workers.map((w, i) => (
        <span key={i} data-testid="map-worker" data-worker={i} data-busy={w.einsum !== null} data-done={w.done}
          title={`worker ${i + 1}: ${w.done} templates done`} style={{ border: '1px solid #ccc', borderRadius: 3, padding: '0 4px', background: w.einsum !== null ? '#e8f0fa' : undefined }}>
          {`w${i + 1} ${w.einsum !== null && props.busy ? `${w.einsum}#${w.jobId}` : 'idle'} · ${w.done}`}
        </span>
      ))}
    </span>
  );
}

function statusLabel(status: RunStatus, fraction: number | null) {
  return <span style={{ whiteSpace: 'nowrap' }}>{statusText(status, fraction)}</span>;
}

function statusText(status: RunStatus, fraction: number | null): string {
  if (fraction !== null && status === 'mapping') return `mapping ${Math.round(fraction * 100)}%`;
  return status === 'idle' ? 'Idle' : status;
}
