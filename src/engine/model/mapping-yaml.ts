/** Mapping validation from the raw tree, and printing a mapping back to tagged YAML. */
import { Document, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Node } from 'yaml';
import { specError, type SpecPath } from '../base/errors.js';
import { err, ok, type Result } from '../base/result.js';
import { TAG_KEY, type RawValue } from '../spec/raw.js';
import { MappingSchema, type Mapping } from '../spec/schema/mapping.js';

/** Validates a raw `mapping:` tree (tags under `$tag`). */
export function parseMapping(raw: unknown, root: SpecPath = ['mapping']): Result<Mapping> {
  const parsed = MappingSchema.safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  return err(
    ...parsed.error.issues.map((issue) =>
      specError('schema', issue.message, {
        path: [...root, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')],
      }),
    ),
  );
}

/** The mapping as YAML (`mapping:` document) with `!Storage`-style tags. */
export function printMapping(mapping: Mapping): string {
  const doc = new Document({ mapping: stripUndefined(mapping) });
  visit(doc, {
    Map(_key, node) {
      const tagPair = node.items.find((p) => isScalar(p.key) && p.key.value === TAG_KEY);
      if (!tagPair || !isScalar(tagPair.value)) return;
      node.tag = `!${String(tagPair.value.value)}`;
      node.items = node.items.filter((p) => p !== tagPair && !isDefault(p.key, p.value));
      node.flow = !node.items.some((p) => isScalar(p.key) && p.key.value === 'nodes');
    },
    Seq(_key, node) {
      if (node.items.every((item) => isScalar(item))) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, indentSeq: false, flowCollectionPadding: false });
}

/** Fields left at their schema default are not printed (parsing restores them). */
function isDefault(key: unknown, value: unknown): boolean {
  return isScalar(key) && isScalar(value) && isDefaultMappingField(key.value, value.value);
}

/** A mapping node field at the schema default that printing leaves out (and so does a mapping's key). */
export function isDefaultMappingField(key: unknown, value: unknown): boolean {
  return (key === 'persistent' && value === false) || (key === 'initial_tile_shape' && value === null);
}

/** Reads YAML text into the raw tree shape (tags under `$tag`); for tests and tools. */
export function rawFromYaml(text: string): RawValue {
  const doc = parseDocument(text);
  return doc.contents ? toRaw(doc.contents) : null;
}

function toRaw(node: Node | null | undefined): RawValue {
  if (!node) return null;
  if (isMap(node)) {
    const out: { [key: string]: RawValue } = {};
    if (node.tag?.startsWith('!')) out[TAG_KEY] = node.tag.slice(1);
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      out[key] = toRaw(pair.value as Node | null);
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((item) => toRaw(item as Node | null));
  if (isScalar(node)) {
    const v = node.value;
    return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : null;
  }
  return null;
}

function stripUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripUndefined);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = stripUndefined(v);
  return out;
}
