/** Layout only: the editor column on the left, results, mapping and problems on the right. */
import { EditorPanel } from './features/editor-panel/EditorPanel.js';
import { ErrorList } from './features/errors/ErrorList.js';
import { ExamplePicker } from './features/examples/ExamplePicker.js';
import { VariablesForm } from './features/examples/VariablesForm.js';
import { LoopTreeView } from './features/mapping-tree/LoopTreeView.js';
import { ResultsToolbar, ResultsView } from './features/results/ResultsPanel.js';
import { RunControls } from './features/run/RunControls.js';
import { RecentDesigns } from './features/recent/RecentDesigns.js';
import { CopyLinkButton } from './features/share/CopyLinkButton.js';
import { SpecOrSweep } from './features/sweep/SpecOrSweep.js';
import { ImportTimeloopButton } from './features/timeloop/ImportTimeloopButton.js';
import { TimeloopReport } from './features/timeloop/TimeloopReport.js';
import { useExplorer } from './store/context.js';
import { Panel } from './widgets/Panel.js';
import { PanelBoundary } from './widgets/PanelBoundary.js';
import { SplitPane } from './widgets/SplitPane.js';

export function App() {
  const { editorFraction, setEditorFraction } = useExplorer((s) => ({
    editorFraction: s.editorFraction,
    setEditorFraction: s.setEditorFraction,
  }));
  return (
    <div className="app">
      <header className="app-header">
        <h1>AccelForge Web</h1>
        <PanelBoundary name="examples">
          <ExamplePicker />
        </PanelBoundary>
        <PanelBoundary name="run controls">
          <RunControls />
        </PanelBoundary>
        <CopyLinkButton />
      </header>
      <main className="app-main">
        <SplitPane fraction={editorFraction} onChange={setEditorFraction} left={<SpecColumn />} right={<ResultsColumn />} />
      </main>
    </div>
  );
}

function SpecColumn() {
  const imported = useExplorer((s) => s.timeloopReport !== null);
  return (
    <div className="column">
      <Panel title="Variables" className="variables">
        <VariablesForm />
      </Panel>
      <SpecOrSweep
        spec={
          <Panel
            title="Spec"
            className="spec"
            actions={
              <div className="panel-actions">
                <PanelBoundary name="recent designs">
                  <RecentDesigns />
                </PanelBoundary>
                <PanelBoundary name="Timeloop import">
                  <ImportTimeloopButton />
                </PanelBoundary>
              </div>
            }
          >
            <EditorPanel />
          </Panel>
        }
      />
      {imported ? (
        <Panel title="Timeloop conversion" className="timeloop">
          <TimeloopReport />
        </Panel>
      ) : null}
    </div>
  );
}

function ResultsColumn() {
  return (
    <div className="column">
      <Panel
        title="Results"
        className="results"
        actions={
          <PanelBoundary name="results toolbar">
            <ResultsToolbar />
          </PanelBoundary>
        }
      >
        <ResultsView />
      </Panel>
      <Panel title="Mapping" className="mapping">
        <LoopTreeView />
      </Panel>
      <Panel title="Problems" className="problems">
        <ErrorList />
      </Panel>
    </div>
  );
}
