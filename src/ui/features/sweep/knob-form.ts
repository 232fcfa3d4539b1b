/**
 * The builder's view of a values expression (`1,2,4`, `lin:A:B:N`, `log:A:B:N`, the CLI's syntax)
 * and the names offered as knobs. The engine parses the expression; this only splits it into fields.
 */
import type { ExplorerData } from '../../store/state.js';
import type { ExampleEntry } from '../examples/catalogue.js';

export type ValuesMode = 'list' | 'lin' | 'log';

export interface ValuesForm {
  readonly mode: ValuesMode;
  /** Comma-separated values (list mode). */
  readonly list: string;
  readonly start: string;
  readonly stop: string;
  readonly count: string;
}

const RANGE = /^(lin|log):([^:]*):([^:]*):([^:]*)$/;

export function valuesForm(text: string): ValuesForm {
  const range = RANGE.exec(text.trim());
  if (range) return { mode: range[1] as ValuesMode, list: '', start: range[2] ?? '', stop: range[3] ?? '', count: range[4] ?? '' };
  return { mode: 'list', list: text, start: '', stop: '', count: '' };
}

export function valuesText(form: ValuesForm): string {
  return form.mode === 'list' ? form.list : `${form.mode}:${form.start}:${form.stop}:${form.count}`;
}

/** Switching mode keeps what carries over: a list's first and last items become a range's ends. */
export function switchMode(form: ValuesForm, mode: ValuesMode): ValuesForm {
  if (mode === form.mode) return form;
  if (mode === 'list') return { ...form, mode, list: [form.start, form.stop].filter((v) => v !== '').join(', ') };
  if (form.mode !== 'list') return { ...form, mode };
  const items = form.list.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return { ...form, mode, start: items[0] ?? '', stop: items.at(-1) ?? '', count: String(Math.max(2, items.length)) };
}

/** How many values the expression gives, or null when it is not complete yet. */
export function valueCount(text: string): number | null {
  const form = valuesForm(text);
  if (form.mode !== 'list') {
    const n = Number(form.count);
    return Number.isInteger(n) && n > 0 && form.start.trim() !== '' && form.stop.trim() !== '' ? n : null;
  }
  const items = form.list.split(',').filter((s) => s.trim() !== '');
  return items.length > 0 ? items.length : null;
}

/** Jinja variables of the design: the catalogue's for its example files, plus any the user set. */
export function designVariableNames(state: Pick<ExplorerData, 'specFiles' | 'variables'>, examples: readonly ExampleEntry[]): string[] {
  const names: string[] = [];
  for (const entry of examples) {
    if (!state.specFiles.includes(entry.path)) continue;
    for (const v of entry.variables) if (!names.includes(v.name)) names.push(v.name);
  }
  for (const name of Object.keys(state.variables)) if (!names.includes(name)) names.push(name);
  return names;
}

const MEMORY_NODE = /!Memory\s*\n\s*name:\s*([A-Za-z_][\w]*)/g;

/** `arch.nodes[name=X].size` for every `!Memory` node named in the spec files' text. */
export function fieldPathSuggestions(state: Pick<ExplorerData, 'files' | 'specFiles'>, bundled: Readonly<Record<string, string>>): string[] {
  const paths: string[] = [];
  for (const file of state.specFiles) {
    const text = state.files[file] ?? bundled[file] ?? '';
    for (const match of text.matchAll(MEMORY_NODE)) {
      const path = `arch.nodes[name=${match[1]}].size`;
      if (!paths.includes(path)) paths.push(path);
    }
  }
  return paths;
}
