/**
 * Editor help for spec files: hover text and completion items at a cursor, from the spec schema,
 * the component-model registry and the names a previous check found. Runs in the worker.
 */
import type { CheckResult } from '../api.js';
import type { SpecPath } from '../base/errors.js';
import { createDefaultRegistry } from '../components/index.js';
import { TAG_KEY } from '../spec/raw.js';
import { describeField, type FieldDoc } from '../spec/schema/index.js';
import { rawAt, schemaAt } from '../spec/schema/walk.js';
import { CURSOR_MARK, hitAt, markPath, offsetAt, type CursorHit } from './yaml-cursor.js';

/** Names from the design's last successful check, offered as values. */
export interface AssistNames {
  readonly tensors: readonly string[];
  readonly rankVariables: readonly string[];
  readonly components: readonly string[];
  readonly einsums: readonly string[];
}

/** A cursor in one file: 1-based line and column, as Monaco reports them. */
export interface AssistRequest {
  readonly text: string;
  readonly line: number;
  readonly col: number;
  readonly names?: AssistNames;
}

export type AssistItemKind = 'field' | 'tag' | 'class' | 'tensor' | 'rank-variable' | 'component' | 'einsum';

export interface AssistItem {
  readonly label: string;
  readonly kind: AssistItemKind;
  readonly insertText: string;
  readonly detail?: string;
  readonly documentation?: string;
}

/** Items replace the text from column `from` up to the cursor. */
export interface AssistCompletion {
  readonly from: number;
  readonly items: readonly AssistItem[];
}

/** The names a check found: tensors, rank variables, arch components and Einsums. */
export function namesFromCheck(check: CheckResult): AssistNames {
  const unique = (values: Iterable<string>) => [...new Set(values)].sort();
  return {
    tensors: unique(check.einsums.flatMap((e) => Object.keys(e.tensorSizes))),
    rankVariables: unique(check.einsums.flatMap((e) => Object.keys(e.rankVariableBounds))),
    components: unique(check.archPaths.flatMap((p) => p.nodes.map((n) => n.name))),
    einsums: unique(check.einsums.map((e) => e.name)),
  };
}

/** Markdown for the key or value under the cursor; null when there is nothing to say. */
export function hoverAt(request: AssistRequest): string | null {
  const hit = hitAt(request.text, offsetAt(request.text, request.line, request.col));
  if (hit === undefined || hit.path.length === 0) return null;
  const key = lastKey(hit.path);
  if (hit.on === 'value' && key === 'component_class') return classHover(String(rawAt(hit.raw, hit.path)));
  const fieldPath = hit.on === 'key' ? hit.path : trimToKey(hit.path);
  return fieldHover(fieldPath, hit.raw);
}

function fieldHover(path: SpecPath, raw: unknown): string | null {
  const described = describeField(path, raw);
  if (described === undefined) return null;
  const name = String(path[path.length - 1]);
  const doc = fieldDocAt(path, raw);
  const lines = [`**${name}**${doc?.required ? ' (required)' : ''}`];
  if (described.description) lines.push(described.description);
  const fallback = defaultOf(path, raw);
  if (fallback !== undefined) lines.push(`Default: \`${fallback}\``);
  if (described.tags) lines.push(`Tags: ${described.tags.map((t) => `\`!${t}\``).join(', ')}`);
  if (described.fields) lines.push(`Fields: ${described.fields.map((f) => `\`${f.name}\``).join(', ')}`);
  return lines.length > 1 ? lines.join('\n\n') : null;
}

function fieldDocAt(path: SpecPath, raw: unknown): FieldDoc | undefined {
  const name = path[path.length - 1];
  return describeField(path.slice(0, -1), raw)?.fields?.find((f) => f.name === name);
}

/** A scalar default such as `1` or `"inf"`; objects and lists are not worth a hover line. */
function defaultOf(path: SpecPath, raw: unknown): string | undefined {
  const parsed = schemaAt(path, raw)?.safeParse(undefined);
  if (!parsed?.success || parsed.data === undefined || typeof parsed.data === 'object') return undefined;
  return String(parsed.data);
}

function classHover(componentClass: string): string | null {
  const models = componentClasses().filter((c) => c.label.toLowerCase() === componentClass.toLowerCase());
  if (models.length === 0) return `**${componentClass}**\n\nNo built-in component model answers to this class.`;
  return `**${componentClass}**\n\nComponent models: ${models.map((m) => `\`${m.detail}\``).join(', ')}`;
}

let classItems: AssistItem[] | null = null;

/** One item per class name a model answers to, spelt like the model id when they agree; built once. */
function componentClasses(): AssistItem[] {
  classItems ??= createDefaultRegistry()
    .list()
    .flatMap((model) => classNames(model.id, model.aliases).map((name) => ({ label: name, kind: 'class' as const, insertText: name, detail: model.id })));
  return classItems;
}

function classNames(id: string, aliases: readonly string[]): string[] {
  const byLower = new Map<string, string>();
  for (const alias of aliases) byLower.set(alias.toLowerCase(), alias.toLowerCase() === id.toLowerCase() ? id : alias);
  return [...byLower.values()];
}

/** Completion items for the word before the cursor. */
export function completeAt(request: AssistRequest): AssistCompletion {
  const lines = request.text.split('\n');
  const lineText = lines[request.line - 1] ?? '';
  const before = lineText.slice(0, request.col - 1);
  const tag = /(^|[\s[{,])!(\w*)$/.exec(before);
  const word = tag ? `!${tag[2] ?? ''}` : (/[\w.~-]*$/.exec(before)?.[0] ?? '');
  const prefix = before.slice(0, before.length - word.length);
  const atKey = !tag && isKeyPosition(prefix);
  const marked = prefix + CURSOR_MARK + (atKey ? ': ' : '') + lineText.slice(request.col - 1).replace(/^[\w.~-]*/, '');
  lines[request.line - 1] = marked;
  const hit = markPath(lines.join('\n'));
  const from = prefix.length + 1;
  if (hit === undefined) return { from, items: [] };
  if (tag) return { from, items: tagItems(hit) };
  if (hit.on === 'key') return { from, items: [...fieldItems(hit), ...(isTagged(hit.raw, hit.path.slice(0, -1)) ? [] : tagItems(hit))] };
  return { from, items: valueItems(hit, request.names) };
}

/** A key is typed at the start of a line, after `- `, or after `{` / `,` inside a flow mapping. */
function isKeyPosition(prefix: string): boolean {
  if (/^\s*(-\s+)*$/.test(prefix)) return true;
  return /[{,]\s*$/.test(prefix) && innermostBracket(prefix) === '{';
}

function innermostBracket(text: string): string | undefined {
  const open: string[] = [];
  for (const ch of text) {
    if (ch === '{' || ch === '[') open.push(ch);
    else if (ch === '}' || ch === ']') open.pop();
  }
  return open[open.length - 1];
}

function fieldItems(hit: CursorHit): AssistItem[] {
  const parent = hit.path.slice(0, -1);
  const present = rawAt(hit.raw, parent);
  const taken = new Set(typeof present === 'object' && present !== null ? Object.keys(present) : []);
  const fields = describeField(parent, hit.raw)?.fields ?? [];
  return fields
    .filter((f) => !taken.has(f.name))
    .sort((a, b) => Number(b.required) - Number(a.required))
    .map((f) => ({
      label: f.name,
      kind: 'field' as const,
      insertText: `${f.name}: `,
      ...(f.required ? { detail: 'required' } : {}),
      ...(f.description ? { documentation: f.description } : {}),
    }));
}

/** Tags allowed for the list element (or value) the marker sits in. */
function tagItems(hit: CursorHit): AssistItem[] {
  const element = hit.on === 'key' ? hit.path.slice(0, -1) : hit.path;
  const list = typeof element[element.length - 1] === 'number' ? element.slice(0, -1) : element;
  const tags = new Set([...(describeField(list, undefined)?.tags ?? []), ...(describeField(element, undefined)?.tags ?? [])]);
  return [...tags].map((t) => ({ label: `!${t}`, kind: 'tag' as const, insertText: `!${t}` }));
}

const NAME_KEYS: Readonly<Record<string, readonly (keyof AssistNames)[]>> = {
  component: ['components'],
  resource: ['components'],
  target: ['components'],
  rank_variable: ['rankVariables'],
  einsum: ['einsums'],
  tensors: ['tensors'],
  keep: ['tensors', 'components'],
  may_keep: ['tensors', 'components'],
  bypass: ['tensors'],
};

const NAME_KIND: Readonly<Record<keyof AssistNames, AssistItemKind>> = {
  tensors: 'tensor',
  rankVariables: 'rank-variable',
  components: 'component',
  einsums: 'einsum',
};

function valueItems(hit: CursorHit, names: AssistNames | undefined): AssistItem[] {
  const key = lastKey(hit.path);
  if (key === 'component_class') return componentClasses();
  if (names === undefined) return [];
  const groups = NAME_KEYS[key ?? ''] ?? (Object.keys(NAME_KIND) as (keyof AssistNames)[]);
  return groups.flatMap((group) =>
    names[group].map((name) => ({ label: name, kind: NAME_KIND[group], insertText: name, detail: NAME_KIND[group] })),
  );
}

function isTagged(raw: unknown, path: SpecPath): boolean {
  const node = rawAt(raw, path);
  return typeof node === 'object' && node !== null && TAG_KEY in node;
}

function lastKey(path: SpecPath): string | undefined {
  const key = trimToKey(path)[trimToKey(path).length - 1];
  return typeof key === 'string' ? key : undefined;
}

/** The path up to its last mapping key (list indices after it dropped). */
function trimToKey(path: SpecPath): SpecPath {
  let end = path.length;
  while (end > 0 && typeof path[end - 1] === 'number') end--;
  return path.slice(0, end);
}
