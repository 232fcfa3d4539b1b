/**
 * The mapping key names a Pareto point in share links: equal LoopTrees get equal keys however
 * their objects were built (YAML round trip, key order, tensor order, nesting), different ones differ.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMapping, printMapping } from '../../../src/engine/model/index.js';
import { rawFromYaml } from '../../../src/engine/model/mapping-yaml.js';
import { mapDesign } from '../../../src/engine/pipeline/map-design.js';
import { canonicalMappingText, ENGINE_VERSION, mappingKey, MAPPING_KEY_LENGTH } from '../../../src/engine/results/index.js';
import type { Mapping } from '../../../src/engine/spec/schema/mapping.js';
import { BUNDLED_FILES } from '../../../src/ui/features/examples/bundle.js';
import { mappingOf } from '../model/builders.js';
import { FUSED_MATMULS_TWO as FUSED } from '../model/reference-mappings.js';

function reparsed(mapping: Mapping): Mapping {
  const parsed = parseMapping((rawFromYaml(printMapping(mapping)) as { mapping: unknown }).mapping);
  if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
  return parsed.value;
}

/** The same object with every object's keys in reverse order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)])) as T;
}

/** FNV-1a, 64 bits, written the plain way with BigInt (the engine avoids BigInt for speed). */
function fnv1a64Reference(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) h = BigInt.asUintN(64, (h ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

describe('mappingKey', () => {
  const fused = mappingOf(FUSED);

  it('is 16 hex digits, the 64-bit FNV-1a of the canonical LoopTree', () => {
    expect(mappingKey(fused)).toMatch(new RegExp(`^[0-9a-f]{${MAPPING_KEY_LENGTH}}$`));
    expect(mappingKey(fused)).toBe(fnv1a64Reference(canonicalMappingText(fused)));
    // Pinned: a change of the key orphans the points of every saved link, so it must be deliberate.
    expect(mappingKey(fused)).toBe('bea614139db8b8e0');
    expect(fnv1a64Reference('a')).toBe('af63dc4c8601ec8c');
  });

  it('is the same after a YAML round trip, with keys reordered, and with Storage tensors reordered', () => {
    expect(mappingKey(reparsed(fused))).toBe(mappingKey(fused));
    expect(mappingKey(reversedKeys(fused))).toBe(mappingKey(fused));
    const swapped = FUSED.replace('[T0, T2, W0, W1]', '[W1, W0, T2, T0]');
    expect(swapped).not.toBe(FUSED);
    expect(mappingKey(mappingOf(swapped))).toBe(mappingKey(fused));
  });

  it('differs when one tile shape differs', () => {
    const tiles = [...FUSED.matchAll(/tile_shape: (\d+)/g)];
    expect(tiles.length).toBeGreaterThan(0);
    const first = tiles[0]!;
    const changed = FUSED.slice(0, first.index) + `tile_shape: ${Number(first[1]) * 2}` + FUSED.slice(first.index! + first[0].length);
    expect(mappingKey(mappingOf(changed))).not.toBe(mappingKey(fused));
  });
});

describe('front points carry their mapping key', () => {
  it('each front point carries the key of the mapping its YAML holds', () => {
    const mapped = mapDesign(
      { files: BUNDLED_FILES, specFiles: ['arches/simple.yaml', 'workloads/basic/matmuls.yaml'], variables: { KN: 64, M: 64, N_EINSUMS: 2 } },
      { unfused: true },
    );
    expect(mapped.errors).toEqual([]);
    expect(mapped.front.length).toBeGreaterThan(0);
    for (const point of mapped.front) {
      const parsed = parseMapping((rawFromYaml(point.mappingYaml) as { mapping: unknown }).mapping);
      expect(parsed.ok && mappingKey(parsed.value)).toBe(point.mappingKey);
    }
  });
});

describe('ENGINE_VERSION', () => {
  it("is the package's version", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(ENGINE_VERSION).toBe(pkg.version);
  });
});
