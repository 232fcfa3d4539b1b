/**
 * YAML text → raw tree, recording positions and quoting in the SourceIndex. Handles class tags
 * (`$tag`), `!nomerge`, `!include_loaded`, legacy `!include`, `<<` merge keys (local keys win,
 * earlier sources win, merged keys after local ones) and duplicate-key errors.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq, Scalar } from 'yaml';
import { failWith, type SourcePos } from '../../base/errors.js';
import { isRawMap, TAG_KEY, type RawList, type RawMap, type RawValue } from '../raw.js';
import type { EntryMeta, SourceIndex } from '../source-index.js';
import type { PositionMap } from './position-map.js';
import { resolveIncludeLoaded } from './include-loaded.js';
import type { IncludeResult } from './jinja-globals.js';
import { ExpansionBudget } from './expansion-budget.js';
import { checkYamlNesting } from './yaml-depth.js';

export interface YamlContext {
  readonly positions: PositionMap;
  readonly sources: SourceIndex;
  readonly includes: ReadonlyMap<string, IncludeResult>;
  /** Legacy `!include path`: loads that file (relative to the current file) with the same data. */
  readonly legacyInclude: (path: string, pos: SourcePos) => RawValue;
}

const STANDARD_TAG = /^tag:yaml\.org,2002:(str|int|float|bool|null|map|seq)$/;
/** What may stand between a tag and its collection: spaces, newlines, an anchor, a comment. */
const TAG_TO_CONTENT = /^(?:\s+|&\S+|#[^\n]*)*$/;
const UNDERSCORE_NUMBER = /^[-+]?\d[\d_]*(\.[\d_]*)?([eE][-+]?\d+)?$/;

/** Parses one rendered file. */
export function parseYamlToRaw(text: string, context: YamlContext): RawValue {
  checkYamlNesting(text, context.positions);
  const doc = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: false, merge: false, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    failWith('yaml', `YAML syntax error: ${first.message.split('\n')[0]}`, {
      pos: context.positions.posAt(first.pos[0]),
      hint: 'Check indentation, and quote values that start with a YAML indicator ({, [, !, &, *, |, >, %, @) or contain ": " or " #".',
    });
  }
  return new Converter(doc, context, text).convert(doc.contents);
}

class Converter {
  private readonly memo = new Map<Node, RawValue>();
  private readonly budget = new ExpansionBudget();

  constructor(
    private readonly doc: Document,
    private readonly context: YamlContext,
    private readonly text: string,
  ) {}

  /**
   * A plain scalar whose end maps to the same line, exactly its length further on: no line break
   * and no Jinja output inside it, so a character offset in its text is a column offset.
   */
  private isVerbatim(node: unknown, start: SourcePos): boolean {
    if (!isScalar(node) || node.type !== Scalar.PLAIN || !node.range) return false;
    const length = node.range[1] - node.range[0];
    const end = this.context.positions.posAt(node.range[1]);
    return end.file === start.file && end.line === start.line && end.col - start.col === length;
  }

  private pos(node: Node | null | undefined, fallback?: SourcePos): SourcePos {
    const offset = node?.range?.[0];
    if (offset === undefined) return fallback ?? this.context.positions.posAt(0);
    return this.context.positions.posAt(offset);
  }

  /**
   * Where a collection's tag is written. The parser's range starts at the collection's first key,
   * which for a block mapping is the line below `- !Memory`; tag errors must point at the tag.
   */
  private tagPos(node: Node, fallback: SourcePos): SourcePos {
    const start = node.range?.[0];
    const tag = node.tag;
    if (start === undefined || tag === undefined) return fallback;
    const at = this.text.lastIndexOf(tag, start);
    const between = at < 0 ? '' : this.text.slice(at + tag.length, start);
    if (at < 0 || !TAG_TO_CONTENT.test(between)) return fallback;
    return this.context.positions.posAt(at);
  }

  convert(node: unknown): RawValue {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) return this.convertAlias(node as Node & { source: string; resolve(doc: Document): Node | undefined });
    const yamlNode = node as Node;
    const known = this.memo.get(yamlNode);
    if (known !== undefined) return known;
    const started = this.budget.start(yamlNode, () => this.pos(yamlNode));
    let value: RawValue;
    if (isScalar(node)) value = this.convertScalar(node);
    else if (isMap(node)) value = this.convertMap(node);
    else if (isSeq(node)) value = this.convertSeq(node);
    else failWith('yaml', 'Unsupported YAML node', { pos: this.pos(yamlNode) });
    this.memo.set(yamlNode, value);
    this.budget.finish(yamlNode, started);
    return value;
  }

  private convertAlias(alias: Node & { source: string; resolve(doc: Document): Node | undefined }): RawValue {
    const target = alias.resolve(this.doc);
    if (!target) failWith('yaml', `Unknown YAML alias *${alias.source}`, { pos: this.pos(alias), hint: 'Define the anchor (&name) before using it.' });
    // An anchor still being converted is in the memo (and open in the budget, which refuses it).
    const value = this.memo.has(target) ? this.memo.get(target)! : this.convert(target);
    this.budget.alias(target, () => this.pos(alias));
    return value;
  }

  private tagOf(node: Node): string | undefined {
    const tag = node.tag;
    if (tag === undefined || STANDARD_TAG.test(tag)) return undefined;
    return tag;
  }

  private convertScalar(node: Scalar): RawValue {
    const tag = this.tagOf(node);
    const source = typeof node.source === 'string' ? node.source : String(node.value);
    if (tag === '!include_loaded') return this.includeLoaded(source.trim(), node);
    if (tag === '!include') return this.context.legacyInclude(source.trim().replace(/,$/, ''), this.pos(node));
    if (tag === '!nomerge') failWith('yaml', '!nomerge can only be used on a mapping or a sequence', { pos: this.pos(node) });
    if (tag !== undefined) this.misplacedTag(tag, 'a scalar', node);
    const value = node.value;
    if (node.type === Scalar.PLAIN && typeof value === 'string' && value.includes('_') && UNDERSCORE_NUMBER.test(value)) {
      return Number(value.replace(/_/g, ''));
    }
    if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
    if (typeof value === 'bigint') return Number(value);
    return String(value);
  }

  private includeLoaded(path: string, node: Scalar): RawValue {
    const value = resolveIncludeLoaded(path, this.context.includes, this.pos(node));
    this.budget.reference(value, () => this.pos(node));
    return value;
  }

  private misplacedTag(tag: string, what: string, node: Node): never {
    const known = tag === '!include_loaded' || tag === '!include' || tag === '!includedir';
    return failWith('yaml', known ? `${tag} is not supported on ${what}` : `YAML tag ${tag} cannot be used on ${what}`, {
      pos: this.tagPos(node, this.pos(node)),
      hint: known ? undefined : 'Class tags such as !Memory or !Temporal go on mappings; !nomerge goes on mappings and sequences.',
    });
  }

  private collectionTag(node: Node, isMapping: boolean): { classTag?: string; nomerge: boolean } {
    const tag = this.tagOf(node);
    if (tag === undefined) return { nomerge: false };
    if (tag === '!nomerge') return { nomerge: true };
    if (tag.startsWith('!') && !tag.startsWith('!!') && !['!include_loaded', '!include', '!includedir'].includes(tag)) {
      if (isMapping) return { classTag: tag.slice(1), nomerge: false };
    }
    return this.misplacedTag(tag, isMapping ? 'a mapping' : 'a sequence', node);
  }

  private convertSeq(node: YAMLSeq): RawList {
    const { nomerge } = this.collectionTag(node as unknown as Node, false);
    const list: RawList = [];
    this.memo.set(node as unknown as Node, list);
    const entries = new Map<string | number, EntryMeta>();
    node.items.forEach((item, index) => {
      list.push(this.convert(item));
      entries.set(index, { valuePos: this.pos(item as Node), quoted: isQuoted(item, this.doc) });
    });
    this.context.sources.set(list, { pos: this.pos(node as unknown as Node), ...(nomerge ? { nomerge } : {}), entries });
    return list;
  }

  private convertMap(node: YAMLMap): RawMap {
    const { classTag, nomerge } = this.collectionTag(node as unknown as Node, true);
    const map: RawMap = classTag !== undefined ? { [TAG_KEY]: classTag } : {};
    this.memo.set(node as unknown as Node, map);
    const pos = this.pos(node as unknown as Node);
    const entries = new Map<string | number, EntryMeta>();
    if (classTag !== undefined) {
      const tagPos = this.tagPos(node as unknown as Node, pos);
      entries.set(TAG_KEY, { keyPos: tagPos, valuePos: tagPos, quoted: false });
    }
    const mergeSources: RawMap[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = this.keyOf(pair);
      const keyPos = this.pos(pair.key as Node, pos);
      if (key === '<<' && isScalar(pair.key) && pair.key.type === Scalar.PLAIN) {
        mergeSources.push(...this.mergeSourcesOf(pair.value, keyPos));
        continue;
      }
      if (Object.hasOwn(map, key) && key !== TAG_KEY) this.duplicateKey(key, keyPos, entries.get(key)?.keyPos);
      map[key] = this.convert(pair.value);
      const valuePos = pair.value ? this.pos(pair.value as Node) : keyPos;
      entries.set(key, { keyPos, valuePos, quoted: isQuoted(pair.value, this.doc), ...(this.isVerbatim(pair.value, valuePos) ? { verbatim: true } : {}) });
    }
    for (const source of mergeSources) this.mergeShallow(map, entries, source);
    this.context.sources.set(map, { pos, ...(nomerge ? { nomerge } : {}), entries });
    return map;
  }

  private keyOf(pair: Pair): string {
    const key = pair.key;
    const text = isScalar(key) ? (key.value === null ? 'null' : String(key.value)) : key === null || key === undefined ? 'null' : undefined;
    if (text === '__proto__') {
      failWith('yaml', "The key '__proto__' is not allowed", {
        pos: this.pos(key as Node),
        hint: 'It would change what JavaScript objects inherit; choose another name (a tensor or Einsum may still be named __proto__).',
      });
    }
    if (text !== undefined) return text;
    return failWith('yaml', 'Mapping keys must be plain values', { pos: this.pos(key as Node) });
  }

  private duplicateKey(key: string, keyPos: SourcePos, first?: SourcePos): never {
    const where = first ? ` (first defined at line ${first.line})` : '';
    if (key === '<<<') {
      failWith('yaml', `Two '<<<' merge keys in one mapping${where}`, { pos: keyPos, hint: 'Use one <<< key with a list of sources: <<<: [a, b].' });
    }
    return failWith('yaml', `Duplicate key '${key}'${where}`, { pos: keyPos, hint: 'Each key may appear only once in a mapping; remove or rename one.' });
  }

  /** `<<` accepts a mapping, an alias to one, or a sequence of those. */
  private mergeSourcesOf(value: unknown, keyPos: SourcePos): RawMap[] {
    const items = isSeq(value) ? value.items : [value];
    return items.map((item) => {
      const raw = this.convert(item);
      if (!isRawMap(raw)) {
        failWith('yaml', "The value of a '<<' merge key must be a mapping or a list of mappings", {
          pos: item ? this.pos(item as Node, keyPos) : keyPos,
          hint: "Merge an anchored mapping (<<: *name); to merge included data use '<<<'.",
        });
      }
      return raw;
    });
  }

  private mergeShallow(map: RawMap, entries: Map<string | number, EntryMeta>, source: RawMap): void {
    const sourceMeta = this.context.sources.get(source);
    for (const [key, value] of Object.entries(source)) {
      if (key === TAG_KEY || Object.hasOwn(map, key)) continue;
      map[key] = value;
      const meta = sourceMeta?.entries.get(key);
      if (meta) entries.set(key, meta);
    }
  }
}

function isQuoted(node: unknown, doc: Document): boolean {
  const target = isAlias(node) ? (node as unknown as { resolve(d: Document): unknown }).resolve(doc) : node;
  return isScalar(target) && (target.type === Scalar.QUOTE_DOUBLE || target.type === Scalar.QUOTE_SINGLE);
}
