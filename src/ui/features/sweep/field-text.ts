/**
 * Writes a sweep point's field values (`arch.nodes[name=GlobalBuffer].size = 13004`) into the spec
 * file text, replacing only the value's characters so comments, layout and other edits stay.
 * Spec files are Jinja templates: tags are blanked (same length) before the YAML is read, so
 * positions still match the text, and a value written by a tag is never overwritten.
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { parseFieldPath, type FieldStep } from '../../../engine/sweep/field-path.js';
import { numberText } from './sweep-data.js';

/** Where a field's value sits in a file's text (`end` exclusive, `line` 1-based). */
export interface FieldSpot {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly col: number;
}

/** One field written into one file. */
export interface FieldEdit {
  readonly path: string;
  readonly file: string;
  readonly value: number;
  readonly line: number;
  readonly col: number;
}

export interface PointFieldEdits {
  /** New texts of the files that changed. */
  readonly files: Readonly<Record<string, string>>;
  readonly edits: readonly FieldEdit[];
  /** Field paths with no plain value in any spec file's text (they apply to the point only). */
  readonly missed: readonly string[];
}

const JINJA = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}/g;

/** The text with Jinja tags replaced by spaces (newlines kept), so offsets are unchanged. */
export function blankJinja(text: string): string {
  return text.replace(JINJA, (tag) => tag.replace(/[^\n]/g, ' '));
}

/** The value of the field at `path` in one file's text, or null when the text does not spell it out. */
export function findFieldInText(text: string, path: string): FieldSpot | null {
  let steps: FieldStep[];
  try {
    steps = parseFieldPath(path);
  } catch {
    return null;
  }
  const blanked = blankJinja(text);
  const doc = parseDocument(blanked, { uniqueKeys: false });
  if (doc.errors.length > 0) return null;
  const node = walk(doc.contents, steps);
  if (!isScalar(node) || node.range === undefined || node.range === null) return null;
  const [start, end] = node.range;
  // Blank or templated values (`size: {{ GLB }}`, `size: 4{{ unit }}`) belong to a variable: leave them alone.
  if (end <= start || touchesJinja(text, start, end)) return null;
  const before = text.slice(0, start);
  const line = before.split('\n').length;
  return { start, end, line, col: start - before.lastIndexOf('\n') };
}

function touchesJinja(text: string, start: number, end: number): boolean {
  for (const tag of text.matchAll(JINJA)) {
    if (tag.index <= end && tag.index + tag[0].length >= start) return true;
  }
  return false;
}

function walk(root: unknown, steps: readonly FieldStep[]): unknown {
  let node: unknown = root;
  for (const step of steps) {
    if (step.kind === 'key') {
      node = isMap(node) ? node.get(step.key, true) : undefined;
    } else if (step.kind === 'index') {
      node = isSeq(node) ? node.items[step.index] : undefined;
    } else {
      node = isSeq(node) ? node.items.find((item) => isMap(item) && scalarText(item.get(step.field, true)) === step.value) : undefined;
    }
    if (node === undefined || node === null) return undefined;
  }
  return node;
}

function scalarText(node: unknown): string | undefined {
  return isScalar(node) ? String(node.value) : undefined;
}

/** The text with the field's value replaced, or null when the text does not spell the field out. */
export function setFieldInText(text: string, path: string, value: number): string | null {
  const spot = findFieldInText(text, path);
  return spot === null ? null : text.slice(0, spot.start) + numberText(value) + text.slice(spot.end);
}

/** Each field goes into the first spec file whose text spells it out, as the loader reads them. */
export function pointFieldEdits(
  files: Readonly<Record<string, string>>,
  specFiles: readonly string[],
  fields: Readonly<Record<string, number>>,
): PointFieldEdits {
  const texts: Record<string, string> = {};
  const edits: FieldEdit[] = [];
  const missed: string[] = [];
  const textOf = (file: string) => texts[file] ?? files[file];
  for (const [path, value] of Object.entries(fields)) {
    const found = firstSpot(specFiles, textOf, path);
    if (found === null) {
      missed.push(path);
      continue;
    }
    const { file, spot } = found;
    const text = textOf(file)!;
    texts[file] = text.slice(0, spot.start) + numberText(value) + text.slice(spot.end);
    edits.push({ path, file, value, line: spot.line, col: spot.col });
  }
  const changed = Object.fromEntries(Object.entries(texts).filter(([file, text]) => text !== files[file]));
  return { files: changed, edits, missed };
}

function firstSpot(specFiles: readonly string[], textOf: (file: string) => string | undefined, path: string): { file: string; spot: FieldSpot } | null {
  for (const file of specFiles) {
    const text = textOf(file);
    const spot = text === undefined ? null : findFieldInText(text, path);
    if (spot !== null) return { file, spot };
  }
  return null;
}
