import { describe, expect, it } from 'vitest';
import { attainable, compareDesigns, componentBreakdown, roofline } from '../../../src/engine/sweep/index.js';
import { mapCase, reference } from '../mapper/regression-case.js';

const FUSED = 'tpu_v4i|matmuls|KN=64,M=64,N_EINSUMS=2|fused';
const UNFUSED = 'tpu_v4i|matmuls|KN=64,M=64,N_EINSUMS=2|unfused';

describe('roofline of the tpu_v4i regression mapping (two 64×64×64 matmuls, fused)', () => {
  const mapped = mapCase(FUSED);
  const roof = roofline(mapped.prepared.evaluated, mapped.result);

  it('has the compute roof 1.05 GHz × (Z 4 × 128 × 128) MACs', () => {
    expect(roof.computeRoofs.MAC).toBeCloseTo(1.05e9 * 4 * 128 * 128, -3);
    // The ScalarUnit sits below LocalBuffer's Z fanout of 4.
    expect(roof.computeRoofs.ScalarUnit).toBeCloseTo(1.05e9 * 128 * 4, -3);
  });

  it('has bandwidth roofs of throughput × 1 bit per action × instances', () => {
    const byName = Object.fromEntries(roof.bandwidthRoofs.map((r) => [r.memory, r]));
    expect(byName.MainMemory).toEqual({ memory: 'MainMemory', instances: 1, readBandwidth: 8 * 614e9, writeBandwidth: 8 * 614e9 });
    expect(byName.GlobalBuffer!.readBandwidth).toBe(8 * 2048e9);
    expect(byName.GlobalBuffer!.writeBandwidth).toBe(8 * 1024e9);
    // LocalBuffer's own Z fanout of 4 is below it (as for total_area): one instance.
    expect(byName.LocalBuffer!.instances).toBe(1);
    expect(byName.LocalBuffer!.readBandwidth).toBe(Infinity);
    expect(byName.Register!.instances).toBe(65536);
  });

  it('places each Einsum by intensity and achieved performance', () => {
    const [p0, p1] = roof.points;
    expect(p0!.einsum).toBe('Matmul0');
    expect(p0!.compute).toBe('MAC');
    expect(p0!.ops).toBe(64 ** 3);
    // The MAC bounds the Einsum: 16 MACs per unit on 16384 busy units at 1.05 GHz.
    expect(p0!.latency).toBeCloseTo(16 / 1.05e9, 20);
    expect(p0!.performance).toBeCloseTo(1.05e9 * 16384, -3);
    // Off chip: W0 and T0 read once, 64×64×8 bits each → 262144 / 65536 bits.
    expect(p0!.intensity.MainMemory).toBe(4);
    // GlobalBuffer: W0 read 131072 + written 32768, T1 written 32768 bits.
    expect(p0!.intensity.GlobalBuffer).toBeCloseTo(262144 / 196608, 12);
    expect(p1!.intensity.MainMemory).toBe(4);
    expect(p0!.performance).toBeLessThan(attainable(roof.computeRoofs.MAC!, 8 * 614e9, p0!.intensity.MainMemory!));
  });

  it('breaks area down per component with instance counts applied', () => {
    const rows = Object.fromEntries(componentBreakdown(mapped.result).map((r) => [r.component, r]));
    expect(rows.GlobalBuffer!.area).toBeCloseTo(112e-6, 12);
    expect(rows.LocalBuffer!.area).toBeCloseTo(51e-6, 12);
    expect(rows.MAC!.area).toBeCloseTo(65536 * 8.5e-10, 12);
    expect(rows.MainMemory!.area).toBe(0);
    const shares = Object.values(rows).reduce((a, r) => a + r.areaShare, 0);
    expect(shares).toBeCloseTo(1, 12);
    expect(rows.MAC!.energy).toBeCloseTo(2 * 262144 * 0.084e-12, 20);
  });
}, 60_000);

describe('comparing the fused and unfused tpu_v4i mappings', () => {
  it('puts energy, latency and area side by side, relative to the first', () => {
    const rows = compareDesigns([
      { label: 'unfused', result: mapCase(UNFUSED).result },
      { label: 'fused', result: mapCase(FUSED).result },
    ]);
    expect(rows.map((r) => r.label)).toEqual(['unfused', 'fused']);
    expect(rows[0]!.energy / reference(UNFUSED).energy).toBeCloseTo(1, 2);
    expect(rows[1]!.energy / reference(FUSED).energy).toBeCloseTo(1, 2);
    expect(rows[0]!.relative).toEqual({ energy: 1, latency: 1, edp: 1, area: 1 });
    expect(rows[1]!.relative.energy).toBeCloseTo(reference(FUSED).energy / reference(UNFUSED).energy, 2);
    // Same arch: same area.
    expect(rows[1]!.relative.area).toBe(1);
  }, 60_000);
});
