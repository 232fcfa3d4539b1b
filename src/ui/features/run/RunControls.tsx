/** Evaluate / map (fused, unfused or both) / cancel buttons; progress shows above the results (MapProgressView). */
import { useState } from 'react';
import { useExplorer, useExplorerStore } from '../../store/context.js';
import { BUNDLED_FILES } from '../examples/bundle.js';
import { getExamples } from '../examples/catalogue.js';
import { useEngineClient } from './engine-context.js';
import { runEvaluate } from './evaluate-run.js';
import { runFusedComparison, runMapper } from './map-run.js';

type MapMode = 'fused' | 'unfused' | 'compare';

export function RunControls() {
  const client = useEngineClient();
  const store = useExplorerStore();
  const { runStatus, setRunStatus } = useExplorer((s) => ({ runStatus: s.runStatus, setRunStatus: s.setRunStatus }));
  // Per page session: an unfused run is a quick baseline, not part of the shared design.
  const [mode, setMode] = useState<MapMode>('fused');
  const busy = runStatus === 'evaluating' || runStatus === 'mapping';
  const env = () => ({ client, bundled: BUNDLED_FILES, examples: getExamples() });
  return (
    <div className="run-controls">
      <button type="button" data-testid="run-evaluate" disabled={busy} onClick={() => void runEvaluate(store, env())}>
        Evaluate
      </button>
      <button type="button" data-testid="run-mapper" disabled={busy}
        onClick={() => void (mode === 'compare' ? runFusedComparison(store, env()) : runMapper(store, env(), mode === 'unfused'))}>
        Run mapper
      </button>
      <select data-testid="run-mode" aria-label="Mapper mode" value={mode} disabled={busy} onChange={(e) => setMode(e.target.value as MapMode)}
        title="fused: the mapper settings; unfused: every tensor in the outermost memory (a fast baseline); compare: run both and compare the fronts">
        <option value="fused">fused</option>
        <option value="unfused">unfused</option>
        <option value="compare">compare</option>
      </select>
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
    </div>
  );
}
