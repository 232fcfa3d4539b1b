import type { SourcePos, SpecPath } from '../base/errors.js';

/** Where one entry of a mapping or sequence came from. */
export interface EntryMeta {
  /** Position of the key (mappings only). */
  readonly keyPos?: SourcePos;
  /** Position of the value. */
  readonly valuePos: SourcePos;
  /** The value was a quoted YAML scalar: in free-form dicts it is a literal, never evaluated. */
  readonly quoted: boolean;
  /** The value is a plain scalar written verbatim on one line: its character k is at column col + k. */
  readonly verbatim?: boolean;
}

/** Where a mapping or sequence came from. */
export interface CollectionMeta {
  readonly pos: SourcePos;
  /** `!nomerge` was set on this collection (it keeps its own value in `<<<` merges). */
  readonly nomerge?: boolean;
  readonly entries: Map<string | number, EntryMeta>;
}

/**
 * Side table from raw collections (by identity) to their source positions. Objects inserted by
 * reference from included files keep their own file's positions.
 */
export class SourceIndex {
  private readonly meta = new WeakMap<object, CollectionMeta>();

  set(collection: object, meta: CollectionMeta): void {
    this.meta.set(collection, meta);
  }

  get(collection: object): CollectionMeta | undefined {
    return this.meta.get(collection);
  }

  isQuoted(collection: object, key: string | number): boolean {
    return this.meta.get(collection)?.entries.get(key)?.quoted ?? false;
  }

  /**
   * Position of the deepest node along `path` that the raw tree still has. Later stages may
   * reshape the tree (defaults, normalisations), so the nearest existing ancestor is used.
   */
  locate(root: unknown, path: SpecPath, valueOffset?: number): SourcePos | undefined {
    let node: unknown = root;
    let best: SourcePos | undefined =
      typeof root === 'object' && root !== null ? this.meta.get(root)?.pos : undefined;
    let depth = 0;
    for (const key of path) {
      if (typeof node !== 'object' || node === null) break;
      const entry = this.meta.get(node)?.entries.get(key);
      if (!entry) break;
      depth += 1;
      best = entry.valuePos;
      // Only the blamed value itself can be pointed inside, and only where its text is verbatim.
      if (depth === path.length && entry.verbatim && valueOffset !== undefined && valueOffset > 0) {
        best = { ...best, col: best.col + valueOffset };
      }
      node = (node as Record<string | number, unknown>)[key];
    }
    return best;
  }

  /** Position of a key itself (for "unknown field" errors), falling back to locate(). */
  locateKey(root: unknown, path: SpecPath): SourcePos | undefined {
    if (path.length === 0) return this.locate(root, path);
    const parentPath = path.slice(0, -1);
    let node: unknown = root;
    for (const key of parentPath) {
      if (typeof node !== 'object' || node === null) return this.locate(root, path);
      node = (node as Record<string | number, unknown>)[key];
    }
    if (typeof node === 'object' && node !== null) {
      const entry = this.meta.get(node)?.entries.get(path[path.length - 1]!);
      if (entry?.keyPos) return entry.keyPos;
    }
    return this.locate(root, path);
  }
}
