/**
 * Prints a raw spec subtree back to YAML that the loader reads into the same tree: class tags
 * (`$tag`) become YAML tags, and strings quoted in the source stay quoted (in free-form dicts a
 * quoted string is a literal, a plain one an expression).
 */
import { Document, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { isRawMap, TAG_KEY, type RawMap, type RawValue } from '../spec/raw.js';
import type { SourceIndex } from '../spec/source-index.js';

/** YAML text of the given top-level sections, wrapped so Jinja leaves it alone. */
export function printRawSections(root: RawMap, keys: readonly string[], sources: SourceIndex): string {
  const doc = new Document();
  const top = new YAMLMap();
  for (const key of keys) {
    if (!(key in root)) continue;
    top.items.push(doc.createPair(key, toNode(doc, root[key]!, sources.isQuoted(root, key), sources)));
  }
  doc.contents = top;
  const text = doc.toString({ lineWidth: 0 });
  return `{% raw %}\n${text}{% endraw %}\n`;
}

function toNode(doc: Document, value: RawValue, quoted: boolean, sources: SourceIndex): Node {
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    value.forEach((item, i) => seq.items.push(toNode(doc, item, sources.isQuoted(value, i), sources)));
    return seq;
  }
  if (isRawMap(value)) {
    const map = new YAMLMap();
    const tag = value[TAG_KEY];
    if (typeof tag === 'string') map.tag = `!${tag}`;
    for (const [key, item] of Object.entries(value)) {
      if (key === TAG_KEY) continue;
      map.items.push(doc.createPair(key, toNode(doc, item, sources.isQuoted(value, key), sources)));
    }
    return map;
  }
  const scalar = new Scalar(value);
  if (typeof value === 'string' && quoted) scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}
