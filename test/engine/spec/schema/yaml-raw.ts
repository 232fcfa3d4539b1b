/** Test helper: YAML text → raw tree + SourceIndex (a small stand-in for the spec loader). */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { SourcePos } from '../../../../src/engine/base/errors.js';
import { TAG_KEY, type RawMap, type RawValue } from '../../../../src/engine/spec/raw.js';
import { SourceIndex, type EntryMeta } from '../../../../src/engine/spec/source-index.js';

export interface ParsedYaml {
  root: RawMap;
  sources: SourceIndex;
}

/** Parses `text` as if it were the file `file`. */
export function parseYamlToRaw(text: string, file = 'spec.yaml'): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, customTags: [] });
  const sources = new SourceIndex();
  const pos = (node: Node | null | undefined): SourcePos => {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
  };
  const convert = (node: Node | null | undefined): RawValue => {
    if (isMap(node)) {
      const out: RawMap = {};
      const entries = new Map<string | number, EntryMeta>();
      if (node.tag) out[TAG_KEY] = node.tag.replace(/^!/, '');
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const value = pair.value as Node | null;
        out[key] = convert(value);
        const quoted = isScalar(value) && (value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE');
        entries.set(key, { keyPos: pos(pair.key), valuePos: value ? pos(value) : pos(pair.key), quoted });
      }
      sources.set(out, { pos: pos(node), entries });
      return out;
    }
    if (isSeq(node)) {
      const out: RawValue[] = [];
      const entries = new Map<string | number, EntryMeta>();
      node.items.forEach((item, i) => {
        out.push(convert(item as Node));
        const quoted = isScalar(item) && (item.type === 'QUOTE_DOUBLE' || item.type === 'QUOTE_SINGLE');
        entries.set(i, { valuePos: pos(item as Node), quoted });
      });
      sources.set(out, { pos: pos(node), entries });
      return out;
    }
    if (isScalar(node)) return node.value as RawValue;
    return null;
  };
  const root = convert(doc.contents as Node);
  if (root === null || typeof root !== 'object' || Array.isArray(root)) throw new Error('root must be a mapping');
  return { root, sources };
}
