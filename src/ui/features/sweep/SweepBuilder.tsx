/** The sweep builder: one or two knobs, the plotted metric, Run / Cancel, the Eyeriss preset and CSV. */
import { useExplorer, useExplorerStore } from '../../store/context.js';
import { SWEEP_METRICS, type SweepMetric } from '../../store/sweep-slice.js';
import { BUNDLED_FILES } from '../examples/bundle.js';
import { getExamples } from '../examples/catalogue.js';
import { downloadText } from '../results/export.js';
import { useEngineClient } from '../run/engine-context.js';
import { eyerissDesign, EYERISS_MAPPER, EYERISS_SWEEP, presetDropsEdits } from './eyeriss-preset.js';
import { designVariableNames, fieldPathSuggestions, valueCount } from './knob-form.js';
import { KnobEditor } from './KnobEditor.js';
import { sweepCsv } from './sweep-csv.js';
import { hasBreakdown, METRIC_LABELS } from './sweep-data.js';
import { cancelSweep, runSweepFromStore } from './sweep-run.js';

export function SweepBuilder() {
  const store = useExplorerStore();
  const client = useEngineClient();
  const s = useExplorer((st) => ({
    sweep: st.sweep,
    run: st.sweepRun,
    specFiles: st.specFiles,
    files: st.files,
    variables: st.variables,
    setSweepKnob: st.setSweepKnob,
    addSweepKnob: st.addSweepKnob,
    removeSweepKnob: st.removeSweepKnob,
    setSweepView: st.setSweepView,
  }));
  const running = s.run?.status === 'running';
  const suggestions = [...designVariableNames(s, getExamples()), ...fieldPathSuggestions(s, BUNDLED_FILES)];
  const ready = s.sweep.knobs.every((k) => k.key.trim() !== '' && valueCount(k.values) !== null);
  const total = s.sweep.knobs.reduce((n, k) => n * (valueCount(k.values) ?? 0), 1);
  const run = () => void runSweepFromStore(store, { client, bundled: BUNDLED_FILES, examples: getExamples() });
  const loadPreset = () => {
    const state = store.getState();
    if (presetDropsEdits(state, BUNDLED_FILES) && !window.confirm('Load the Eyeriss design and discard your edits to the spec files?')) return;
    store.setState(eyerissDesign(BUNDLED_FILES));
    state.setMapper(EYERISS_MAPPER);
    state.setSweepDefinition(EYERISS_SWEEP);
  };
  const exportCsv = () => {
    if (s.run !== null) downloadText('sweep.csv', sweepCsv(s.run), 'text/csv');
  };
  return (
    <div className="sweep-builder" data-testid="sweep-builder">
      {s.sweep.knobs.map((knob, at) => (
        <KnobEditor
          key={at}
          at={at}
          knob={knob}
          suggestions={suggestions}
          onChange={(patch) => s.setSweepKnob(at, patch)}
          {...(s.sweep.knobs.length > 1 ? { onRemove: () => s.removeSweepKnob(at) } : {})}
        />
      ))}
      <div className="sweep-actions">
        {s.sweep.knobs.length < 2 ? (
          <button type="button" data-testid="sweep-add-knob" onClick={s.addSweepKnob}>
            + second knob
          </button>
        ) : null}
        <button type="button" data-testid="sweep-run" disabled={running || !ready} onClick={run} title={ready ? `Map ${total} design points` : 'Give every knob a name and values'}>
          Run sweep{ready ? ` (${total})` : ''}
        </button>
        <button type="button" data-testid="sweep-cancel" disabled={!running} onClick={() => cancelSweep(store, client)}>
          Cancel
        </button>
        <button type="button" data-testid="sweep-preset-eyeriss" disabled={running} onClick={loadPreset} title="Eyeriss, a 4096³ matmul, 32 GlobalBuffer sizes from 32 B to 4 MB">
          Eyeriss preset
        </button>
        <button type="button" data-testid="sweep-csv" disabled={s.run === null || s.run.points.length === 0} onClick={exportCsv}>
          CSV
        </button>
      </div>
      <div className="sweep-view-options">
        <label>
          plot
          <select data-testid="sweep-metric" value={s.sweep.metric} onChange={(e) => s.setSweepView({ metric: e.target.value as SweepMetric })}>
            {SWEEP_METRICS.map((m) => (
              <option key={m} value={m}>
                {METRIC_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" data-testid="sweep-per-compute" checked={s.sweep.perCompute} onChange={(e) => s.setSweepView({ perCompute: e.target.checked })} />
          per compute
        </label>
        <label title={hasBreakdown(s.sweep.metric) ? 'One curve per component' : 'Only energy and latency break down by component'}>
          <input type="checkbox" data-testid="sweep-breakdown" disabled={!hasBreakdown(s.sweep.metric)} checked={s.sweep.breakdown} onChange={(e) => s.setSweepView({ breakdown: e.target.checked })} />
          per component
        </label>
      </div>
    </div>
  );
}
