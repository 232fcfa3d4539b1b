/**
 * Names that are keys of Object.prototype (`toString`, `__proto__`, `constructor`...) are ordinary
 * names: a spec using them gives the same numbers as the same spec with ordinary names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSpec, evaluateSpecMapping, mapSpec, MemoryFileSystem, type SpecInput } from '../../../src/engine/index.js';
import { bitsPerValueIn } from '../../../src/engine/model/values-per-action.js';
import type { ArchLeaf, ModelTensor } from '../../../src/engine/model/types.js';

const ORDINARY = readFileSync(join(import.meta.dirname, '../../fixtures/names/ordinary-names.yaml'), 'utf8');

/** Each ordinary name of the fixture and the prototype key that replaces it. */
const RENAMES: readonly (readonly [string, string])[] = [
  ['W0', 'toString'],
  ['W1', '__proto__'],
  ['T1', 'constructor'],
  ['Matmul0', 'hasOwnProperty'],
  ['Matmul1', 'valueOf'],
  ['MainMemory', '__proto__'],
  ['GlobalBuffer', 'toString'],
  ['MAC', 'constructor'],
  ['n1', 'propertyIsEnumerable'],
];

function renamed(pairs: readonly (readonly [string, string])[]): string {
  return pairs.reduce((text, [from, to]) => text.replace(new RegExp(`\\b${from}\\b`, 'g'), to), ORDINARY);
}

function input(text: string): SpecInput {
  return { fs: new MemoryFileSystem({ '/spec.yaml': text }), specFiles: ['/spec.yaml'], variables: {} };
}

function evaluated(text: string) {
  const result = evaluateSpecMapping(input(text));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value.result.toCliJson();
}

describe('prototype keys as names', () => {
  it('evaluates to the same figures as ordinary names', () => {
    const ordinary = evaluated(ORDINARY);
    expect(ordinary.energy).toBe(5504);
    expect(ordinary.latency).toBe(128);
    const prototype = evaluated(renamed(RENAMES));
    expect(prototype.energy).toBe(ordinary.energy);
    expect(prototype.latency).toBe(ordinary.latency);
    expect(prototype.energy_breakdown.map((e) => e.energy)).toEqual(ordinary.energy_breakdown.map((e) => e.energy));
    expect(prototype.actions.map((a) => a.count)).toEqual(ordinary.actions.map((a) => a.count));
    expect(prototype.energy_breakdown.filter((e) => e.tensor === 'toString').map((e) => e.energy)).toEqual(
      ordinary.energy_breakdown.filter((e) => e.tensor === 'W0').map((e) => e.energy),
    );
  });

  it('checks with the same tensor sizes', () => {
    const result = checkSpec(input(renamed(RENAMES)));
    expect(result.errors).toEqual([]);
    expect(result.einsums.map((e) => e.name)).toEqual(['hasOwnProperty', 'valueOf']);
    // Entries, because an object literal cannot hold an own `__proto__` key.
    expect(Object.entries(result.einsums[0]!.tensorSizes)).toEqual([['T0', 16], ['toString', 16], ['constructor', 16]]);
    expect(Object.entries(result.einsums[1]!.tensorSizes)).toEqual([['constructor', 16], ['__proto__', 16], ['T2', 16]]);
  });

  it.each(RENAMES)('maps %s renamed to %s to the same best mapping', (from, to) => {
    const best = (text: string) => {
      const result = mapSpec(input(text), { metric: 'energy' });
      if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
      return result.value.result.toCliJson();
    };
    const ordinary = best(ORDINARY);
    expect(ordinary.energy).toBe(3968);
    const prototype = best(renamed([[from, to]]));
    expect(prototype.energy).toBe(ordinary.energy);
    expect(prototype.latency).toBe(ordinary.latency);
  });

  it('looks up per-memory bits per value only in the record itself (records cloned from a worker have a prototype)', () => {
    const leaf = { bitsPerValue: {} } as unknown as ArchLeaf;
    const tensor = { name: 'toString', bitsPerValue: 8 } as unknown as ModelTensor;
    expect(bitsPerValueIn(leaf, tensor)).toBe(8);
  });
});
