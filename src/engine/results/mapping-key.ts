/**
 * A mapping's key: a short hash of its canonical LoopTree, so a share link can name a Pareto point
 * by what it is rather than by where it sits in a front that is recomputed on open.
 */
import { normalizeMapping } from '../model/index.js';
import { isDefaultMappingField } from '../model/mapping-yaml.js';
import type { Mapping } from '../spec/schema/mapping.js';

/** Hex digits in a key: 64 bits, so two points of one front never share a key in practice. */
export const MAPPING_KEY_LENGTH = 16;

/** The key of `mapping`; equal for equal LoopTrees however their objects were built or ordered. */
export function mappingKey(mapping: Mapping): string {
  return hash64Hex(canonicalMappingText(mapping));
}

/**
 * The canonical LoopTree text: normalised lines (mapping-normalize.ts), then JSON with keys sorted,
 * a Storage's `tensors` sorted (a set), and fields at their schema default or undefined left out,
 * as printing leaves them out; so a mapping parsed back from its YAML and the mapper's own object
 * give the same text. JSON rather than the YAML printer: the key is computed for every front point.
 */
export function canonicalMappingText(mapping: Mapping): string {
  return JSON.stringify(canonicalCopy(normalizeMapping(mapping)));
}

function canonicalCopy(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => canonicalCopy(item));
    return key === 'tensors' && items.every((t) => typeof t === 'string') ? [...items].sort() : items;
  }
  if (typeof value !== 'object' || value === null) return value;
  const kept = Object.entries(value).filter(([k, v]) => v !== undefined && !isDefaultMappingField(k, v));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(kept.map(([k, v]) => [k, canonicalCopy(v, k)]));
}

/**
 * 64-bit FNV-1a over the text's UTF-16 code units, as 16 hex digits. The 64-bit state is kept in
 * four 16-bit limbs so every product stays exact in a double (no BigInt on the hot path).
 */
function hash64Hex(text: string): string {
  // FNV-1a's 64-bit offset basis 0xcbf29ce484222325, lowest limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < text.length; i++) {
    h0 ^= text.charCodeAt(i);
    // Multiply by the FNV prime 2^40 + 0x1b3: h * 0x1b3 plus h shifted left by 40 bits (2.5 limbs).
    const p0 = h0 * 0x1b3;
    const p1 = h1 * 0x1b3 + (p0 >>> 16);
    const p2 = h2 * 0x1b3 + ((h0 & 0xff) << 8) + Math.floor(p1 / 0x10000);
    const p3 = h3 * 0x1b3 + ((h1 & 0xff) << 8) + (h0 >>> 8) + Math.floor(p2 / 0x10000);
    h0 = p0 & 0xffff;
    h1 = p1 & 0xffff;
    h2 = p2 & 0xffff;
    h3 = p3 & 0xffff;
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
}
