import { describe, expect, it } from 'vitest';
import type { CactiOracle, CactiQuery, CactiResult } from '../../../src/engine/components/index.js';
import { ModelRejection } from '../../../src/engine/components/index.js';
import { sramModel } from '../../../src/engine/components/models/sram.js';
import { sramShape } from '../../../src/engine/components/models/sram-geometry.js';

/** Answers every query with fixed raw values that depend only on the node (×1 at 22 nm, ×2 at 32 nm, …). */
class FakeOracle implements CactiOracle {
  readonly queries: CactiQuery[] = [];
  query(q: CactiQuery): CactiResult {
    this.queries.push(q);
    const k = q.techNm / 22;
    return {
      readEnergy: 1e-9 * k,
      writeEnergy: 2e-9 * k,
      leakPowerPerBank: 1e-3 * k,
      area: 1e-6 * k,
      cycleTime: 1e-9,
      accessTime: 2e-9,
      exactness: 'exact',
      note: 'fake',
    };
  }
}

const build = (attrs: Record<string, number>) => {
  const oracle = new FakeOracle();
  return { oracle, sram: sramModel(oracle).create(attrs) };
};

describe('SRAM wrapper', () => {
  it('derives width max(16, ⌈√size⌉) and depth size/width', () => {
    expect(sramShape({ tech_node: 65e-9, size: 192 })).toMatchObject({ width: 16, depth: 12 });
    expect(sramShape({ tech_node: 65e-9, size: 3072 })).toMatchObject({ width: 56, depth: 3072 / 56 });
    expect(sramShape({ tech_node: 65e-9, size: 6400, width: 64 })).toMatchObject({ width: 64, depth: 100 });
    expect(sramShape({ tech_node: 65e-9, size: 6400, depth: 50 })).toMatchObject({ width: 128, depth: 50 });
    expect(() => sramShape({ tech_node: 65e-9, size: 100, width: 8, depth: 8 })).toThrow(ModelRejection);
  });

  it('rounds the shape up for CACTI and corrects energy, leak and area back (eyeriss InputScratchpad shape)', () => {
    const { oracle, sram } = build({ tech_node: 22e-9, size: 192 });
    expect(oracle.queries).toEqual([{ techNm: 22, capacityBytes: 256, blockBytes: 4, ports: 1, banks: 1 }]);
    const ws = 0.5;
    const ds = 12 / 64;
    expect(sram.runAction('read').energy).toBeCloseTo(1e-9 * (0.7 * ws + 0.3) * ds ** 0.78, 20);
    expect(sram.runAction('write').energy).toBeCloseTo(2e-9 * (0.7 * ws + 0.3) * ds ** 0.78, 20);
    expect(sram.area).toBeCloseTo(1e-6 * ws * ds, 18);
    expect(sram.leakPower).toBeCloseTo(1e-3 * ws * ds, 15);
    // One 16-bit access per cycle; per bit that is 16 bits per ns.
    expect(sram.runAction('read').throughput).toBeCloseTo(1e9, 0);
    expect(sram.runAction('read', { bits_per_action: 1 }).throughput).toBeCloseTo(16e9, 0);
  });

  it('asks CACTI for a power-of-two bank count but multiplies leakage by the real one', () => {
    const { oracle, sram } = build({ tech_node: 22e-9, size: 1024 * 1024, n_banks: 3, n_rw_ports: 2 });
    expect(oracle.queries[0]).toMatchObject({ banks: 4, ports: 2, blockBytes: 128, capacityBytes: 131072 });
    expect(sram.leakPower).toBeCloseTo(3e-3, 15);
    expect(sram.runAction('read').throughput).toBeCloseTo(6e9, 0);
  });

  it('interpolates linearly between CACTI nodes', () => {
    const { oracle, sram } = build({ tech_node: 40e-9, size: 65536 });
    expect(oracle.queries.map((q) => q.techNm)).toEqual([32, 45]);
    const p = 8 / 13;
    expect(sram.area).toBeCloseTo(1e-6 * ((1 - p) * 32 + p * 45) / 22, 18);
  });

  it('scales from 22 nm below it (energy √s, area s, leak √s·0.79)', () => {
    const { oracle, sram } = build({ tech_node: 16e-9, size: 65536 });
    expect(oracle.queries.map((q) => q.techNm)).toEqual([22]);
    const s = 16 / 22;
    expect(sram.runAction('read').energy).toBeCloseTo(1e-9 * Math.sqrt(s), 20);
    expect(sram.area).toBeCloseTo(1e-6 * s, 18);
    expect(sram.leakPower).toBeCloseTo(1e-3 * Math.sqrt(s) * 0.79, 15);
    // Cycle time scales with s too: one access per 16/22 ns.
    expect(sram.runAction('read').throughput).toBeCloseTo(1 / (1e-9 * s), 0);
  });

  it('above 90 nm also scales from 22 nm, without the leak factor', () => {
    const { oracle, sram } = build({ tech_node: 130e-9, size: 65536 });
    expect(oracle.queries.map((q) => q.techNm)).toEqual([22]);
    expect(sram.leakPower).toBeCloseTo(1e-3, 15);
    expect(sram.area).toBeCloseTo((1e-6 * 130) / 22, 18);
  });
});
