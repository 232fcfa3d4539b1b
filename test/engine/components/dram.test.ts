import { describe, expect, it } from 'vitest';
import { DRAM_MODELS } from '../../../src/engine/components/models/dram.js';
import { ModelRejection } from '../../../src/engine/components/index.js';

const byId = (id: string) => {
  const m = DRAM_MODELS.find((d) => d.id === id);
  if (!m) throw new Error(id);
  return m;
};

describe('DRAM tables', () => {
  it('LPDDR4 per bit: 8 pJ and 50·2^20·64 accesses/s', () => {
    const dram = byId('LPDDR4').create({});
    expect(dram.area).toBe(0);
    expect(dram.leakPower).toBe(0);
    const perBit = dram.runAction('read', { bits_per_action: 1 });
    expect(perBit.energy).toBeCloseTo(8e-12, 24);
    expect(perBit.throughput).toBe(3355443200);
    expect(dram.runAction('write')).toEqual({ energy: 8e-12 * 64, latency: 1 / (50 * 2 ** 20), throughput: 50 * 2 ** 20 });
  });

  it('energy per access is pJ/bit × width', () => {
    expect(byId('DDR3').create({ width: 32 }).runAction('read').energy).toBeCloseTo(70e-12 * 32, 22);
    expect(byId('HBM4').create({}).runAction('read').energy).toBeCloseTo(3.2e-12 * 4096, 20);
    expect(byId('HBM3').create({}).runAction('read').throughput).toBe(51.2 * 2 ** 30);
  });

  it('rejects widths outside each standard', () => {
    expect(() => byId('LPDDR').create({ width: 128 })).toThrow(ModelRejection);
    expect(() => byId('HBM2').create({ width: 512 })).toThrow(ModelRejection);
    expect(() => byId('HBM4').create({ width: 1024 })).toThrow(ModelRejection);
  });
});
