/**
 * Best-effort spec path of a source position, for errors raised before a raw tree exists
 * (YAML syntax, Jinja). Jinja markup is blanked out first so the YAML around it still parses.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { SpecPath } from '../../base/errors.js';

/** Replaces `{% … %}`, `{{ … }}` and `{# … #}` by placeholders of the same length. */
function blankJinja(text: string): string {
  return text
    .replace(/\{%[\s\S]*?%\}/g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/\{#[\s\S]*?#\}/g, (m) => m.replace(/[^\n]/g, ' '))
    .split('\n')
    .map((line) => (/^\s*\{\{[^\n]*\}\}\s*$/.test(line) ? ' '.repeat(line.length) : line.replace(/\{\{.*?\}\}/g, (m) => 'x'.repeat(m.length))))
    .join('\n');
}

function offsetOf(text: string, line: number, col: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + Math.max(0, col - 1);
}

function contains(node: unknown, offset: number): boolean {
  const range = (node as Node | null)?.range;
  return !!range && range[0] <= offset && offset <= range[2];
}

/** The path of the deepest mapping entry or sequence item whose span holds the position. */
export function specPathAt(text: string, line: number, col: number): SpecPath {
  const source = blankJinja(text);
  const doc = parseDocument(source, { lineCounter: new LineCounter(), prettyErrors: false, strict: false, uniqueKeys: false });
  const offset = offsetOf(source, line, col);
  const path: (string | number)[] = [];
  let node: unknown = doc.contents;
  for (let depth = 0; depth < 64 && node; depth++) {
    let next: unknown;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        const endsAt = (pair.value as Node | null)?.range?.[2] ?? keyNode?.range?.[2] ?? -1;
        if (keyNode?.range && keyNode.range[0] <= offset && offset <= endsAt) {
          path.push(isScalar(keyNode) ? String(keyNode.value) : '?');
          next = pair.value;
          break;
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (next === undefined && contains(item, offset)) {
          path.push(i);
          next = item;
        }
      });
    }
    if (next === undefined) break;
    node = next;
  }
  return path;
}
