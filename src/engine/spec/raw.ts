/**
 * The raw spec tree: what YAML + Jinja + merges produce, before schema validation.
 * Plain data only. A YAML class tag such as `!Memory` is kept on its mapping under TAG_KEY,
 * so zod can discriminate on it; positions, quoting and `!nomerge` live in a SourceIndex.
 */
export const TAG_KEY = '$tag';

export type RawScalar = null | boolean | number | string;
export type RawValue = RawScalar | RawMap | RawList;
export interface RawMap {
  [key: string]: RawValue;
}
export type RawList = RawValue[];

export function isRawMap(value: unknown): value is RawMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function tagOf(value: unknown): string | undefined {
  if (!isRawMap(value)) return undefined;
  const tag = value[TAG_KEY];
  return typeof tag === 'string' ? tag : undefined;
}
