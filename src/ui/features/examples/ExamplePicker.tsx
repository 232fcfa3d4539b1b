/** Pick the architecture and the workload from the bundled examples. */
import { useExplorer, useExplorerStore } from '../../store/context.js';
import { BUNDLED_FILES } from './bundle.js';
import { listExamplesOf, variablesAfterSwitch, type ExampleKind } from './catalogue.js';

export function ExamplePicker() {
  return (
    <div className="example-picker">
      <ExampleSelect kind="arch" label="Arch" testId="example-arch" />
      <ExampleSelect kind="workload" label="Workload" testId="example-workload" />
      <ExampleSelect kind="mapping" label="Mapping" testId="example-mapping" optional />
    </div>
  );
}

/** `optional`: the spec may go without one (a mapping), so '(none)' removes it. */
function ExampleSelect(props: { kind: ExampleKind; label: string; testId: string; optional?: boolean }) {
  const store = useExplorerStore();
  const specFiles = useExplorer((s) => s.specFiles);
  const entries = listExamplesOf(props.kind);
  const current = entries.find((e) => specFiles.includes(e.path));

  const choose = (id: string) => {
    const next = entries.find((e) => e.id === id);
    const { files, variables, replaceSpecFile, removeSpecFile, setVariables } = store.getState();
    const old = current?.path ?? null;
    const edited = old !== null && files[old] !== BUNDLED_FILES[old];
    if (edited && !window.confirm(`Discard your edits to ${old}?`)) return;
    if (next === undefined) {
      if (props.optional && old !== null) removeSpecFile(old);
      return;
    }
    replaceSpecFile(old, next.path, BUNDLED_FILES[next.path] ?? '');
    setVariables(variablesAfterSwitch(variables, current, next));
  };

  return (
    <label className="example-select" title={current?.description}>
      {props.label}
      <select data-testid={props.testId} value={current?.id ?? ''} onChange={(e) => choose(e.target.value)}>
        {props.optional ? <option value="">(none)</option> : current === undefined ? <option value="">(custom)</option> : null}
        {entries.map((e) => (
          <option key={e.id} value={e.id}>
            {e.title}
          </option>
        ))}
      </select>
    </label>
  );
}
