import { Document, isMap, isScalar, visit } from 'yaml';
import type { PlainMap } from './source.js';

/** YAML text of a spec; mappings carrying `$tag` are written with that tag (`!Memory`). */
export function toTaggedYaml(spec: PlainMap, header: string): string {
  const doc = new Document(spec);
  visit(doc, {
    Map(_key, node) {
      const tagPair = node.items.find((p) => isScalar(p.key) && p.key.value === '$tag');
      if (!tagPair || !isScalar(tagPair.value)) return;
      node.tag = `!${String(tagPair.value.value)}`;
      node.items = node.items.filter((p) => p !== tagPair);
    },
  });
  visit(doc, {
    Seq(_key, node) {
      if (node.items.every((i) => isScalar(i))) node.flow = true;
    },
    Map(_key, node) {
      // Short leaf mappings (actions, loop bounds, mapping nodes) read best on one line.
      if (isMap(node) && node.items.every((p) => isScalar(p.value)) && node.items.length <= 6) node.flow = true;
    },
  });
  const body = doc.toString({ lineWidth: 0 });
  return `${header}${body}`;
}
