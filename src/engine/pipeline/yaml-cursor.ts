/**
 * Where the cursor is in a YAML spec file: the spec path of the key or value under it. Jinja is
 * blanked out first (same columns), so templated files still parse well enough for the editor.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { SpecPath } from '../base/errors.js';
import { TAG_KEY } from '../spec/raw.js';

/** A placeholder that stands for the word being typed while the text is re-parsed. */
export const CURSOR_MARK = 'zzcursorzz';

/** Replaces Jinja with blanks of the same length so line and column numbers stay put. */
export function blankJinja(text: string): string {
  return text
    .replace(/\{%-?[\s\S]*?-?%\}/g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/\{#[\s\S]*?#\}/g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/\{\{[\s\S]*?\}\}/g, (m) => m.replace(/[^\n]/g, '_'));
}

/** Offset of 1-based (line, col) in `text`; clamps to the text. */
export function offsetAt(text: string, line: number, col: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + Math.max(0, col - 1));
}

/** What the cursor touches: a mapping key, or a value (scalar or tag) at `path`. */
export interface CursorHit {
  readonly path: SpecPath;
  readonly on: 'key' | 'value';
  /** The spec tree of the whole file (tags kept as `$tag`), for picking schema branches. */
  readonly raw: unknown;
}

type Visit = (node: Node, path: SpecPath, on: 'key' | 'value') => boolean;

/** Depth-first over maps and lists; stops when `visit` returns true. */
function walk(node: unknown, path: SpecPath, visit: Visit): boolean {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const childPath = [...path, String(pair.key.value)];
      if (visit(pair.key, childPath, 'key')) return true;
      if (pair.value && walk(pair.value, childPath, visit)) return true;
    }
    return false;
  }
  if (isSeq(node)) return node.items.some((item, i) => walk(item, [...path, i], visit));
  return isScalar(node) || isAlias(node) ? visit(node, path, 'value') : false;
}

/** The spec tree of a parsed node, with a YAML tag `!Memory` kept as `$tag: Memory`. */
export function rawOf(node: unknown): unknown {
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    const tag = node.tag?.startsWith('!') ? node.tag.slice(1) : undefined;
    if (tag) out[TAG_KEY] = tag;
    for (const pair of node.items) if (isPair(pair) && isScalar(pair.key)) out[String(pair.key.value)] = rawOf(pair.value);
    return out;
  }
  if (isSeq(node)) return node.items.map(rawOf);
  if (isScalar(node)) return node.value;
  return undefined;
}

function parse(text: string) {
  return parseDocument(blankJinja(text), { strict: false, uniqueKeys: false, prettyErrors: false, customTags: [] });
}

/** The key or scalar value under `offset`, or undefined (comments, blank space, broken text). */
export function hitAt(text: string, offset: number): CursorHit | undefined {
  const doc = parse(text);
  let found: CursorHit | undefined;
  const raw = rawOf(doc.contents);
  walk(doc.contents, [], (node, path, on) => {
    const range = node.range;
    if (!range || offset < range[0] || offset > range[1]) return false;
    found = { path, on, raw };
    return true;
  });
  return found;
}

/** Where the marker ended up after the typed word was replaced by it; undefined when it is lost. */
export function markPath(textWithMark: string): CursorHit | undefined {
  const doc = parse(textWithMark);
  const raw = rawOf(doc.contents);
  let found: CursorHit | undefined;
  walk(doc.contents, [], (node, path, on) => {
    if (!isScalar(node) || node.value !== CURSOR_MARK) return false;
    found = { path, on, raw };
    return true;
  });
  return found;
}
