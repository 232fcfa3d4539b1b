/** One knob row: what to vary (variable or field path) and its values as a list, linear or log range. */
import type { SweepKnobDraft } from '../../store/sweep-slice.js';
import { switchMode, valueCount, valuesForm, valuesText, type ValuesForm, type ValuesMode } from './knob-form.js';

const MODES: readonly { id: ValuesMode; label: string }[] = [
  { id: 'list', label: 'list' },
  { id: 'lin', label: 'linear range' },
  { id: 'log', label: 'log range' },
];

export function KnobEditor(props: {
  at: number;
  knob: SweepKnobDraft;
  suggestions: readonly string[];
  onChange(patch: Partial<SweepKnobDraft>): void;
  onRemove?: () => void;
}) {
  const form = valuesForm(props.knob.values);
  const update = (next: ValuesForm) => props.onChange({ values: valuesText(next) });
  const listId = `sweep-knob-names-${props.at}`;
  const count = valueCount(props.knob.values);
  return (
    <fieldset className="sweep-knob" data-testid={`sweep-knob-${props.at}`}>
      <legend>{props.at === 0 ? 'Knob' : 'Second knob'}</legend>
      <label>
        vary
        <input
          data-testid={`sweep-key-${props.at}`}
          list={listId}
          placeholder="a variable, or arch.nodes[name=GlobalBuffer].size"
          value={props.knob.key}
          onChange={(e) => props.onChange({ key: e.target.value })}
        />
        <datalist id={listId}>
          {props.suggestions.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </label>
      <label>
        values
        <select data-testid={`sweep-mode-${props.at}`} value={form.mode} onChange={(e) => update(switchMode(form, e.target.value as ValuesMode))}>
          {MODES.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      {form.mode === 'list' ? (
        <input data-testid={`sweep-list-${props.at}`} className="sweep-list" placeholder="1, 2, 4 or 32B, 64KB" value={form.list} onChange={(e) => update({ ...form, list: e.target.value })} />
      ) : (
        <span className="sweep-range">
          <input data-testid={`sweep-start-${props.at}`} aria-label="from" placeholder="from" value={form.start} onChange={(e) => update({ ...form, start: e.target.value })} />
          <input data-testid={`sweep-stop-${props.at}`} aria-label="to" placeholder="to" value={form.stop} onChange={(e) => update({ ...form, stop: e.target.value })} />
          <input data-testid={`sweep-count-${props.at}`} aria-label="points" placeholder="points" type="number" min={1} value={form.count} onChange={(e) => update({ ...form, count: e.target.value })} />
        </span>
      )}
      <span className="sweep-count" title="Sizes such as 32B or 4MB are converted to bits">
        {count === null ? '' : `${count} value${count === 1 ? '' : 's'}`}
      </span>
      {props.onRemove ? (
        <button type="button" className="mini" title="Remove this knob" onClick={props.onRemove}>
          ✕
        </button>
      ) : null}
    </fieldset>
  );
}
