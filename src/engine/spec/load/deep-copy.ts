/** Deep copy of raw data that carries SourceIndex metadata over to the copies. */
import type { RawValue } from '../raw.js';
import type { SourceIndex } from '../source-index.js';

export function deepCopyWithMeta(value: RawValue, sources: SourceIndex, seen = new Map<object, RawValue>()): RawValue {
  if (typeof value !== 'object' || value === null) return value;
  const done = seen.get(value);
  if (done !== undefined) return done;
  let copy: RawValue;
  if (Array.isArray(value)) {
    const list: RawValue[] = [];
    seen.set(value, list);
    for (const item of value) list.push(deepCopyWithMeta(item, sources, seen));
    copy = list;
  } else {
    const map: Record<string, RawValue> = {};
    seen.set(value, map);
    for (const [key, item] of Object.entries(value)) map[key] = deepCopyWithMeta(item, sources, seen);
    copy = map;
  }
  const meta = sources.get(value);
  if (meta) sources.set(copy, { ...meta, entries: new Map(meta.entries) });
  return copy;
}
