/**
 * AccelForge's `<<<` pass (docs/spec-format.md §2.6), run bottom-up on every mapping after parsing. Sources are
 * deep-copied and merged recursively: local scalars win, mappings merge, sequences concatenate
 * (local first), `!nomerge` collections keep their own value. Like AccelForge, the loop walks a
 * snapshot of the mapping, so a sequence key written after `<<<` gets its local value back.
 */
import { failWith, type SourcePos } from '../../base/errors.js';
import { isRawMap, TAG_KEY, type RawMap, type RawValue } from '../raw.js';
import type { EntryMeta, SourceIndex } from '../source-index.js';
import { deepCopyWithMeta } from './deep-copy.js';

export const HIERARCHICAL_MERGE_KEY = '<<<';

export function applyHierarchicalMerges(root: RawValue, sources: SourceIndex): RawValue {
  return new HierarchicalMerge(sources).process(root);
}

class HierarchicalMerge {
  private readonly done = new WeakSet<object>();

  constructor(private readonly sources: SourceIndex) {}

  process(value: RawValue): RawValue {
    if (typeof value !== 'object' || value === null || this.done.has(value)) return value;
    this.done.add(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = this.process(value[i]!);
    } else this.processMap(value);
    return value;
  }

  private processMap(map: RawMap): void {
    for (const [key, value] of Object.entries(map)) {
      map[key] = this.process(value);
      if (key !== HIERARCHICAL_MERGE_KEY) continue;
      const pos = this.entryPos(map, key);
      const source = this.foldSources(deepCopyWithMeta(map[key]!, this.sources), pos);
      delete map[key];
      this.sources.get(map)?.entries.delete(key);
      this.merge(map, source, pos);
    }
  }

  private entryPos(map: RawMap, key: string): SourcePos | undefined {
    const meta = this.sources.get(map);
    return meta?.entries.get(key)?.valuePos ?? meta?.pos;
  }

  private foldSources(source: RawValue, pos: SourcePos | undefined): RawMap {
    if (!Array.isArray(source)) return this.requireMap(source, pos);
    const folded: RawMap = {};
    if (pos) this.sources.set(folded, { pos, entries: new Map() });
    for (const item of source) this.merge(folded, this.requireMap(item, pos), pos);
    return folded;
  }

  private requireMap(value: RawValue, pos: SourcePos | undefined): RawMap {
    if (isRawMap(value)) return value;
    return failWith('yaml', "The value of '<<<' must be a mapping or a list of mappings", {
      ...(pos ? { pos } : {}),
      hint: 'Give <<< a mapping, e.g. <<<: {{X}}.workload.rank_sizes, or a list of them.',
    });
  }

  private merge(into: RawMap, source: RawMap, pos: SourcePos | undefined): void {
    const sourceMeta = this.sources.get(source);
    for (const [key, value] of Object.entries(source)) {
      if (key === TAG_KEY) continue;
      const local = into[key];
      if (!Object.hasOwn(into, key) || local === undefined) {
        into[key] = value;
        this.setEntry(into, key, sourceMeta?.entries.get(key), pos);
      } else if (typeof local === 'object' && local !== null && this.sources.get(local)?.nomerge) {
        continue;
      } else if (isRawMap(local) && isRawMap(value)) {
        this.merge(local, value, pos);
      } else if (Array.isArray(local) && Array.isArray(value)) {
        into[key] = this.concat(local, value);
      }
    }
  }

  private concat(local: RawValue[], added: RawValue[]): RawValue[] {
    const joined = [...local, ...added];
    const localMeta = this.sources.get(local);
    const addedMeta = this.sources.get(added);
    const entries = new Map<string | number, EntryMeta>();
    local.forEach((_, i) => {
      const meta = localMeta?.entries.get(i);
      if (meta) entries.set(i, meta);
    });
    added.forEach((_, i) => {
      const meta = addedMeta?.entries.get(i);
      if (meta) entries.set(local.length + i, meta);
    });
    const pos = localMeta?.pos ?? addedMeta?.pos;
    if (pos) this.sources.set(joined, { pos, entries });
    this.done.add(joined);
    return joined;
  }

  private setEntry(map: RawMap, key: string, meta: EntryMeta | undefined, pos: SourcePos | undefined): void {
    const target = this.sources.get(map);
    const entry = meta ?? (pos ? { valuePos: pos, quoted: false } : undefined);
    if (target && entry) target.entries.set(key, entry);
  }
}
