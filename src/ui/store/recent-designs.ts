/**
 * Recent designs: a design that a link (or a restore) would replace is kept here first, as its own
 * share fragment, so it comes back with one click. Kept in the autosave, newest first.
 */
import { z } from 'zod';
import { createSharePayload, encodeShareFragment, type ShareState } from '../share/codec.js';
import { DEFAULT_MAPPER, type SpecData } from './spec-slice.js';

export const MAX_RECENT_DESIGNS = 10;

export interface RecentDesign {
  /** The spec files' names, e.g. "simple.yaml + matmuls.yaml". */
  readonly name: string;
  /** When it was put aside (ms since the epoch). */
  readonly savedAt: number;
  /** The design as a share fragment (`#s=...`), restored the way a link is. */
  readonly fragment: string;
}

export const RecentDesignsSchema = z
  .array(z.object({ name: z.string(), savedAt: z.number(), fragment: z.string() }))
  .max(MAX_RECENT_DESIGNS);

/** What a link replaces: the files of the spec, the variables and the mapper settings. */
export type DesignParts = Pick<SpecData, 'files' | 'specFiles'> & Partial<Pick<SpecData, 'variables' | 'mapper'>>;

export function hasDesign<T extends Partial<DesignParts>>(parts: T): parts is T & DesignParts {
  return parts.files !== undefined && parts.specFiles !== undefined && parts.specFiles.length > 0;
}

/** Same spec files with the same texts, same variables and mapper settings (view choices aside). */
export function sameDesign(a: DesignParts, b: DesignParts): boolean {
  const sorted = (record: object) => Object.entries(record).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  const key = (parts: DesignParts) =>
    JSON.stringify([
      parts.specFiles.map((path) => [path, parts.files[path] ?? null]),
      sorted(parts.variables ?? {}),
      sorted({ ...DEFAULT_MAPPER, ...parts.mapper }),
    ]);
  return key(a) === key(b);
}

export function designName(specFiles: readonly string[]): string {
  return specFiles.map((path) => path.slice(path.lastIndexOf('/') + 1)).join(' + ') || 'empty design';
}

/** The design of `state` as a Recent entry. */
export function recentEntry(state: ShareState, bundled: Readonly<Record<string, string>>, now: number): RecentDesign {
  return { name: designName(state.specFiles), savedAt: now, fragment: encodeShareFragment(createSharePayload(state, bundled)) };
}

/** `list` with `entry` first; an older copy of the same design moves up instead of repeating. */
export function withRecent(list: readonly RecentDesign[], entry: RecentDesign): RecentDesign[] {
  return [entry, ...list.filter((e) => e.fragment !== entry.fragment)].slice(0, MAX_RECENT_DESIGNS);
}
