/** Evaluate / map / cancel buttons and the progress indicator. */
import { useExplorer, useExplorerStore } from '../../store/context.js';
import { BUNDLED_FILES } from '../examples/bundle.js';
import { getExamples } from '../examples/catalogue.js';
import { useEngineClient } from './engine-context.js';
import { runEvaluate } from './evaluate-run.js';
import { runMapper } from './map-run.js';

export function RunControls() {
  const client = useEngineClient();
  const store = useExplorerStore();
  const { runStatus, progress, setRunStatus } = useExplorer((s) => ({
    runStatus: s.runStatus,
    progress: s.progress,
    setRunStatus: s.setRunStatus,
  }));
  const busy = runStatus === 'evaluating' || runStatus === 'mapping';
  return (
    <div className="run-controls">
      <button type="button" data-testid="run-evaluate" disabled={busy} onClick={() => void runEvaluate(store, { client, bundled: BUNDLED_FILES, examples: getExamples() })}>
        Evaluate
      </button>
      <button type="button" data-testid="run-mapper" disabled={busy} onClick={() => void runMapper(store, { client, bundled: BUNDLED_FILES, examples: getExamples() })}>
        Run mapper
      </button>
      <button
        type="button"
        data-testid="cancel"
        disabled={!busy}
        onClick={() => {
          client.cancel('run');
          setRunStatus('cancelled');
        }}
      >
        Cancel
      </button>
      <span className="progress" data-testid="progress" data-status={runStatus}>
        {busy ? <progress max={1} value={progress ?? undefined} /> : null}
        {statusLabel(runStatus, progress)}
      </span>
    </div>
  );
}

function statusLabel(status: string, progress: number | null): string {
  if (progress !== null) return `${status} ${Math.round(progress * 100)}%`;
  return status === 'idle' ? 'Idle' : status;
}
