import type { Plain, PlainMap } from './source.js';

/** The value as a mapping, or undefined. */
export function asMap(value: Plain | undefined): PlainMap | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}

/** The value as a list, or undefined. */
export function asList(value: Plain | undefined): Plain[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** A number, also from numeric strings such as `1e-9`; undefined otherwise. */
export function asNumber(value: Plain | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

/** A string, or undefined. */
export function asString(value: Plain | undefined): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** A list of strings from a YAML list or a comma/space-separated string. */
export function asNameList(value: Plain | undefined): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v));
  if (typeof value === 'string') return value.split(/[\s,]+/).filter((s) => s !== '');
  return [];
}

/** Key lookup that accepts both `snake_case` and v0.3 `hyphen-case` spellings. */
export function getKey(map: PlainMap, key: string): Plain | undefined {
  if (key in map) return map[key];
  const hyphen = key.replace(/_/g, '-');
  return hyphen in map ? map[hyphen] : undefined;
}
