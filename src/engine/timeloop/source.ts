import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { ReportItem, ReportKind } from './report.js';

/** Line and column (1-based) of a YAML node. */
export interface Pos {
  line: number;
  col: number;
}

/** A plain JSON-like value; tagged mappings keep their tag under `$tag`. */
export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };
export type PlainMap = { [key: string]: Plain };

/** One parsed input file with positions of its collections and entries. */
export class SourceFile {
  private readonly positions = new WeakMap<object, { self: Pos; entries: Map<string | number, Pos>; values?: Map<string, Pos> }>();
  readonly root: Plain;

  constructor(readonly path: string, text: string) {
    const jinja = /\{%|\{\{/.exec(text);
    if (jinja) {
      const line = text.slice(0, jinja.index).split('\n').length;
      throw new TimeloopInputError('Jinja templates are not rendered by the converter', { file: path, line, col: 1 });
    }
    const counter = new LineCounter();
    const doc = parseDocument(text, { lineCounter: counter, merge: true, uniqueKeys: false });
    if (doc.errors.length > 0) {
      const err = doc.errors[0]!;
      const pos = counter.linePos(err.pos[0]);
      throw new TimeloopInputError(`YAML error: ${err.message.split('\n')[0]}`, { file: path, line: pos.line, col: pos.col });
    }
    this.root = this.toPlain(doc.contents as Node | null, counter);
  }

  /** Position of `obj[key]`, or of `obj` itself. */
  pos(obj: unknown, key?: string | number): Pos | undefined {
    if (typeof obj !== 'object' || obj === null) return undefined;
    const meta = this.positions.get(obj);
    if (!meta) return undefined;
    return key === undefined ? meta.self : (meta.entries.get(key) ?? meta.self);
  }

  /** Position of the value of `obj[key]` (errors about a value point at it, not at its key). */
  valuePos(obj: unknown, key: string | number): Pos | undefined {
    if (typeof obj !== 'object' || obj === null) return undefined;
    const meta = this.positions.get(obj);
    return meta?.values?.get(String(key)) ?? this.pos(obj, key);
  }

  private toPlain(node: Node | null, counter: LineCounter): Plain {
    if (node === null) return null;
    const at = (n: Node): Pos => {
      const p = counter.linePos(n.range?.[0] ?? 0);
      return { line: p.line, col: p.col };
    };
    if (isMap(node)) {
      const out: PlainMap = {};
      const entries = new Map<string | number, Pos>();
      const values = new Map<string, Pos>();
      if (node.tag && node.tag !== 'tag:yaml.org,2002:map') out['$tag'] = node.tag.replace(/^!/, '');
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        out[key] = this.toPlain(pair.value as Node | null, counter);
        entries.set(key, at((pair.key as Node | null) ?? node));
        if (pair.value) values.set(key, at(pair.value as Node));
      }
      this.positions.set(out, { self: at(node), entries, values });
      applyRecursiveMerge(out);
      return out;
    }
    if (isSeq(node)) {
      const out: Plain[] = [];
      const entries = new Map<string | number, Pos>();
      node.items.forEach((item, i) => {
        out.push(this.toPlain(item as Node | null, counter));
        entries.set(i, at((item as Node | null) ?? node));
      });
      this.positions.set(out, { self: at(node), entries });
      return out;
    }
    if (isScalar(node)) return scalarValue(node.value);
    return null;
  }
}

/** Accelergy's `<<<` key: merge the given mapping(s) in recursively, own keys winning. */
function applyRecursiveMerge(map: PlainMap): void {
  const base = map['<<<'];
  if (base === undefined) return;
  delete map['<<<'];
  const sources = Array.isArray(base) ? base : [base];
  for (const source of sources) if (isPlainMap(source)) mergeInto(map, source);
}

function mergeInto(target: PlainMap, source: PlainMap): void {
  for (const [key, value] of Object.entries(source)) {
    const own = target[key];
    if (own === undefined) target[key] = value;
    else if (isPlainMap(own) && isPlainMap(value)) mergeInto(own, value);
  }
}

function isPlainMap(value: Plain | undefined): value is PlainMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalarValue(value: unknown): Plain {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  return String(value);
}

/** A malformed or unsupported Timeloop input (reported to the user, never a stack trace). */
export class TimeloopInputError extends Error {
  constructor(message: string, readonly pos?: { file: string; line: number; col: number }, readonly hint?: string) {
    super(message);
    this.name = 'TimeloopInputError';
  }
}

/** Collects report items, resolving positions through the source file. */
export class Reporter {
  readonly items: ReportItem[] = [];

  add(kind: ReportKind, feature: string, reason: string, src?: SourceFile, obj?: unknown, key?: string | number): void {
    const pos = src?.pos(obj, key);
    const item: ReportItem = { kind, feature, reason };
    if (src) item.file = src.path;
    if (pos) {
      item.line = pos.line;
      item.col = pos.col;
    }
    this.items.push(item);
  }
}
