/** The chosen examples' Jinja variables; blank means "use the default shown as placeholder". */
import { useMemo } from 'react';
import { useExplorer } from '../../store/context.js';
import { getExamples, type ExampleEntry, type ExampleVariable } from './catalogue.js';
import { parseVariableInput } from './variable-input.js';

export function VariablesForm() {
  const { specFiles, variables, setVariable, setVariables } = useExplorer((s) => ({
    specFiles: s.specFiles,
    variables: s.variables,
    setVariable: s.setVariable,
    setVariables: s.setVariables,
  }));
  const chosen = useMemo(() => getExamples().filter((e) => specFiles.includes(e.path)), [specFiles]);
  const declared = useMemo(() => declaredVariables(chosen), [chosen]);
  const presets = chosen.flatMap((e) => e.presets.filter((p) => Object.keys(p.variables).length > 0));
  if (declared.length === 0) return <p className="empty-state small">The chosen files declare no variables.</p>;
  return (
    <div className="variables">
      {presets.length > 0 ? (
        <label className="preset-select">
          Preset
          <select value="" onChange={(e) => {
            const preset = presets[Number(e.target.value)];
            if (preset) setVariables({ ...variables, ...preset.variables });
          }}>
            <option value="">apply a preset…</option>
            {presets.map((p, i) => (
              <option key={p.name} value={i}>{p.name}</option>
            ))}
          </select>
        </label>
      ) : null}
      <div className="variables-form" aria-label="Jinja variables">
        {declared.map((v) => (
          <label key={v.name} title={v.description || v.name} className={variableClass(v, variables[v.name] !== undefined)}>
            <span>
              {v.name}
              {v.required ? ' *' : ''}
            </span>
            <input
              name={v.name}
              value={String(variables[v.name] ?? '')}
              placeholder={v.defaultValue === null ? (v.required ? 'required' : '') : String(v.defaultValue)}
              onChange={(e) => setVariable(v.name, parseVariableInput(e.target.value))}
            />
          </label>
        ))}
      </div>
    </div>
  );
}

function variableClass(v: ExampleVariable, isSet: boolean): string {
  if (isSet) return 'changed';
  return v.required && v.defaultValue === null ? 'missing' : '';
}

function declaredVariables(chosen: readonly ExampleEntry[]): ExampleVariable[] {
  const seen = new Map<string, ExampleVariable>();
  for (const entry of chosen) for (const v of entry.variables) if (!seen.has(v.name)) seen.set(v.name, v);
  return [...seen.values()];
}
