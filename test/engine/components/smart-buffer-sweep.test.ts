import { describe, expect, it } from 'vitest';
import type { ComponentCosts } from '../../../src/engine/components/index.js';
import { computeComponentCosts, createDefaultRegistry } from '../../../src/engine/components/index.js';

const registry = createDefaultRegistry();
const POINTS = 32;
// 32 B (2^8 bits) to 4 MB (2^25 bits), log-spaced, rounded to whole bits.
const SIZES_BITS = Array.from({ length: POINTS }, (_, i) => Math.round(2 ** (8 + (17 * i) / (POINTS - 1))));

function globalBufferLike(size: number): ComponentCosts {
  const result = computeComponentCosts(
    {
      name: 'GlobalBuffer',
      componentClass: 'SmartBufferSRAM',
      attributes: { size, tech_node: 65e-9, n_banks: 32 },
      actions: ['read', 'write'].map((name) => ({ name, attributes: { bits_per_action: 64 } })),
    },
    { registry },
  );
  if (!result.ok) throw new Error(`${size} bits: ${result.errors[0]?.message}`);
  return result.value;
}

function exactness(c: ComponentCosts): 'exact' | 'approximate' | 'missing' {
  const line = c.log.find((l) => l.includes('CACTI table')) ?? '';
  if (line.includes('CACTI table, exact')) return 'exact';
  return line.includes('CACTI table, approximate') ? 'approximate' : 'missing';
}

describe('SmartBufferSRAM sweep, eyeriss GlobalBuffer-like (65 nm, 32 banks, 64-bit accesses)', () => {
  const sweep = SIZES_BITS.map((size) => ({ size, costs: globalBufferLike(size) }));

  it('spans 32 B to 4 MB', () => {
    expect(SIZES_BITS[0]).toBe(256);
    expect(SIZES_BITS[POINTS - 1]).toBe(4 * 1024 * 1024 * 8);
  });

  it('gives finite positive area, leak power, energies and throughputs at every size', () => {
    for (const { size, costs } of sweep) {
      const values = [costs.area ?? NaN, costs.leakPower, ...Object.values(costs.actions).flatMap((a) => [a.energy, a.throughput])];
      for (const v of values) expect(Number.isFinite(v) && v > 0, `${size} bits: ${v}`).toBe(true);
    }
  });

  it('says in the log whether each point is exact or approximate', () => {
    const kinds = sweep.map(({ costs }) => exactness(costs));
    expect(kinds).not.toContain('missing');
    // 32 B pads to a 4 B × 2048-row array (64 rows per bank), a grid point.
    expect(kinds[0]).toBe('exact');
    // 4 MB is 5793 bits wide, rounded to a 725 B block: between grid blocks.
    expect(kinds[POINTS - 1]).toBe('approximate');
    expect(kinds.filter((k) => k === 'exact').length).toBeGreaterThan(0);
  });

  it('grows in area and read energy from the smallest to the largest buffer', () => {
    const first = sweep[0]?.costs as ComponentCosts;
    const last = sweep[POINTS - 1]?.costs as ComponentCosts;
    expect(last.area ?? 0).toBeGreaterThan(100 * (first.area ?? 0));
    expect(last.actions['read']?.energy ?? 0).toBeGreaterThan(first.actions['read']?.energy ?? 0);
  });
});
