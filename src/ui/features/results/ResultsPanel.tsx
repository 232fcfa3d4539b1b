/** The results area: display toggles, downloads, the Pareto chart and the breakdowns of the shown point. */
import { useEffect } from 'react';
import { useExplorer, useExplorerStore } from '../../store/context.js';
import { AnalysisPanel } from '../analysis/AnalysisPanel.js';
import { useEngineClient } from '../run/engine-context.js';
import { LinkRunOffer } from '../run/LinkRunOffer.js';
import { RunProgress } from '../run/MapProgressView.js';
import { loadPointEvaluation } from '../run/point-run.js';
import type { BreakdownBy, StackBy } from '../../store/view-slice.js';
import { EmptyState } from '../../widgets/Panel.js';
import { resultsCsv } from './chart-data.js';
import { EinsumTable } from './EinsumTable.js';
import { EnergyChart } from './EnergyChart.js';
import { FusedComparisonView } from './FusedComparisonView.js';
import { downloadText } from './export.js';
import { LatencyChart } from './LatencyChart.js';
import { MemoryChart } from './MemoryChart.js';
import { ParetoChart } from './ParetoChart.js';
import { useShownPoint } from './use-shown-point.js';

const GROUPINGS: readonly BreakdownBy[] = ['component', 'einsum', 'tensor'];
const STACKINGS: readonly StackBy[] = ['tensor', 'action'];

export function ResultsView() {
  const { point, index, loading } = useShownPoint();
  const { message, results } = useExplorer((s) => ({ message: s.resultsMessage, results: s.results }));
  useLoadShownPoint(index);
  const emptyMessage = loading ? `Evaluating the mapping of Pareto point ${(index ?? 0) + 1}…` : message;
  return (
    <div className="results-grid">
      <RunProgress />
      <LinkRunOffer />
      <ParetoChart />
      {results?.comparison ? <FusedComparisonView comparison={results.comparison} /> : null}
      {point === null ? (
        <>
          <EmptyBreakdown testId="energy-breakdown" title="Energy" message={emptyMessage} />
          <EmptyBreakdown testId="latency-breakdown" title="Latency" message={emptyMessage} />
        </>
      ) : (
        <>
          <EnergyChart />
          <LatencyChart />
          <MemoryChart />
          <EinsumTable />
        </>
      )}
      <AnalysisPanel />
    </div>
  );
}

/** A mapper front point is evaluated in the worker the first time it is shown. */
function useLoadShownPoint(index: number | null): void {
  const client = useEngineClient();
  const store = useExplorerStore();
  const results = useExplorer((s) => s.results);
  useEffect(() => {
    if (results !== null && index !== null) void loadPointEvaluation(store, client, results, index);
  }, [store, client, results, index]);
}

function EmptyBreakdown(props: { testId: string; title: string; message: string | null }) {
  return (
    <div className="result-view" data-testid={props.testId} data-message={props.message !== null}>
      <h3>{props.title}</h3>
      <EmptyState>{props.message ?? 'No results yet. Press Evaluate, or pick a Pareto point.'}</EmptyState>
    </div>
  );
}

/** Grouping, stacking, normalisation and scale toggles plus the result downloads. */
export function ResultsToolbar() {
  const { point } = useShownPoint();
  const s = useExplorer((st) => ({
    by: st.breakdownBy,
    stackBy: st.stackBy,
    perCompute: st.perCompute,
    log: st.logScale,
    stale: st.resultsStale,
    setBreakdownBy: st.setBreakdownBy,
    setView: st.setView,
  }));
  return (
    <div className="results-toolbar">
      {s.stale ? (
        <span className="stale" data-testid="results-stale" title="The spec changed since these results were computed">
          out of date: press Evaluate
        </span>
      ) : null}
      <label className="grouping">
        by
        <select data-testid="breakdown-by" value={s.by} onChange={(e) => s.setBreakdownBy(e.target.value as BreakdownBy)}>
          {GROUPINGS.map((g) => (
            <option key={g}>{g}</option>
          ))}
        </select>
      </label>
      <label className="grouping">
        stack
        <select data-testid="stack-by" value={s.stackBy} onChange={(e) => s.setView({ stackBy: e.target.value as StackBy })}>
          {STACKINGS.map((g) => (
            <option key={g}>{g}</option>
          ))}
        </select>
      </label>
      <label className="grouping">
        <input type="checkbox" data-testid="per-compute" checked={s.perCompute} onChange={(e) => s.setView({ perCompute: e.target.checked })} />
        per MAC
      </label>
      <label className="grouping">
        <input type="checkbox" data-testid="log-scale" checked={s.log} onChange={(e) => s.setView({ logScale: e.target.checked })} />
        log
      </label>
      {point !== null ? (
        <span className="downloads">
          <button type="button" className="mini" data-testid="download-mapping" title="The mapping as YAML; evaluate it with `npm run cli -- evaluate`"
            onClick={() => downloadText('mapping.yaml', point.evaluation.mappingYaml, 'application/yaml')}>
            mapping.yaml
          </button>
          <button type="button" className="mini" data-testid="download-csv" onClick={() => downloadText('results.csv', resultsCsv(point.evaluation), 'text/csv')}>
            CSV
          </button>
          <button type="button" className="mini" data-testid="download-json"
            onClick={() => downloadText('results.json', JSON.stringify(point.evaluation, null, 2), 'application/json')}>
            JSON
          </button>
        </span>
      ) : null}
    </div>
  );
}
