import type { Directive } from './model.js';
import type { Plain, PlainMap, SourceFile } from './source.js';
import { asList, asMap, asNameList, asNumber, asString, getKey } from './values.js';

const DATASPACE_TYPES = new Set(['dataspace', 'bypass', 'datatype']);

/** Normalise one directive (`{target, type, factors, ...}`) of a mapping or constraint list. */
export function readDirective(raw: PlainMap, src: SourceFile): Directive | undefined {
  const target = asString(raw['target']);
  const rawType = asString(raw['type']) ?? '';
  if (!target) return undefined;
  const type: Directive['type'] = DATASPACE_TYPES.has(rawType)
    ? 'dataspace'
    : rawType === 'temporal' || rawType === 'spatial' || rawType === 'utilization'
      ? rawType
      : 'other';
  return fromParts(target, type, raw, src);
}

function fromParts(target: string, type: Directive['type'], raw: PlainMap, src: SourceFile): Directive {
  const d: Directive = { target, type, raw, src };
  if ('factors' in raw) d.factors = raw['factors'];
  if ('permutation' in raw) d.permutation = raw['permutation'];
  const split = asNumber(raw['split']);
  if (split !== undefined) d.split = split;
  const keep = getKey(raw, 'keep') ?? getKey(raw, 'keep_only');
  const bypass = getKey(raw, 'bypass') ?? getKey(raw, 'bypass_only');
  if (keep !== undefined) d.keep = asNameList(keep);
  if (bypass !== undefined) d.bypass = asNameList(bypass);
  if (getKey(raw, 'keep_only') !== undefined) d.keepOnly = true;
  if (getKey(raw, 'bypass_only') !== undefined) d.bypassOnly = true;
  return d;
}

/** Directives of a list, or of a `{targets: [...]}` wrapper. */
export function readDirectiveList(value: Plain | undefined, src: SourceFile): Directive[] {
  const list = asList(value) ?? asList(asMap(value)?.['targets']) ?? [];
  const out: Directive[] = [];
  for (const item of list) {
    const map = asMap(item);
    const d = map ? readDirective(map, src) : undefined;
    if (d) out.push(d);
  }
  return out;
}

/** Directives embedded in a v0.4 node as `constraints: {temporal, spatial, dataspace, ...}`. */
export function embeddedDirectives(target: string, constraints: PlainMap, src: SourceFile): Directive[] {
  const out: Directive[] = [];
  for (const [key, value] of Object.entries(constraints)) {
    const map = asMap(value);
    if (!map) continue;
    const type: Directive['type'] = DATASPACE_TYPES.has(key)
      ? 'dataspace'
      : key === 'temporal' || key === 'spatial' || key === 'utilization'
        ? key
        : 'other';
    out.push(fromParts(target, type, map, src));
  }
  return out;
}
