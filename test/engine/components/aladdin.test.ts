import { describe, expect, it } from 'vitest';
import {
  aladdinAdder,
  aladdinComparator,
  aladdinCounter,
  aladdinIntMac,
  aladdinMultiplier,
  aladdinRegister,
} from '../../../src/engine/components/models/aladdin.js';
import { ModelRejection } from '../../../src/engine/components/index.js';

describe('Aladdin units', () => {
  it('return the 40 nm / 32-bit constants unscaled', () => {
    const adder = aladdinAdder.create({ tech_node: 40e-9, width: 32 });
    expect(adder.area).toBe(278e-12);
    expect(adder.leakPower).toBe(2.4e-6);
    expect(adder.runAction('add')).toEqual({ energy: 0.21e-12, latency: 1e-9, throughput: expect.closeTo(1e9, 3) });
    expect(adder.runAction('write')).toEqual({ energy: 0, latency: 0, throughput: Infinity });
  });

  it('scale adder, comparator and counter linearly with width', () => {
    expect(aladdinAdder.create({ tech_node: 40e-9, width: 16 }).area).toBeCloseTo(139e-12, 20);
    const comparator = aladdinComparator.create({ tech_node: 40e-9 });
    expect(comparator.runAction('compare').energy).toBeCloseTo(0.02947e-12, 24);
    const counter = aladdinCounter.create({ tech_node: 40e-9, width: 64 });
    expect(counter.area).toBeCloseTo(991e-12, 20);
    expect(counter.leakPower).toBeCloseTo(6.42e-7, 18);
  });

  it('scale the multiplier quadratically with width, or linearly in width_a and width_b', () => {
    const m = aladdinMultiplier.create({ tech_node: 40e-9, width: 8 });
    expect(m.area).toBeCloseTo(6350e-12 / 16, 20);
    const ab = aladdinMultiplier.create({ tech_node: 40e-9, width_a: 16, width_b: 8 });
    expect(ab.runAction('multiply').energy).toBeCloseTo(12.68e-12 / 8, 24);
    expect(() => aladdinMultiplier.create({ tech_node: 40e-9, width: 8, width_a: 8 })).toThrow(ModelRejection);
    expect(() => aladdinMultiplier.create({ tech_node: 40e-9, width_a: 8 })).toThrow(ModelRejection);
  });

  it('size a register by width or size and cost accesses per width bits', () => {
    const reg = aladdinRegister.create({ tech_node: 40e-9, size: 10 });
    expect(reg.area).toBeCloseTo(59.8e-12, 20);
    expect(reg.runAction('read')).toEqual({ energy: expect.closeTo(0.09e-12, 24), latency: 0, throughput: Infinity });
    // 5 of 10 bits: half the energy, throughput of the (already infinite) read unchanged.
    expect(reg.runAction('write', { bits_per_action: 5 }).energy).toBeCloseTo(0.045e-12, 24);
    expect(reg.runAction('write', { bits_per_action: 5 }).throughput).toBeCloseTo(2e9, 3);
    expect(() => aladdinRegister.create({ tech_node: 40e-9, size: 10, width: 8 })).toThrow(ModelRejection);
    expect(() => aladdinRegister.create({ tech_node: 40e-9 })).toThrow(ModelRejection);
  });

  it('IntMAC at 65 nm matches the eyeriss MAC (docs/components.md §7)', () => {
    const mac = aladdinIntMac.create({ tech_node: 65e-9, adder_width: 16, multiplier_width: 8 });
    expect(mac.area).toBeCloseTo(1.1748029e-9, 15);
    expect(mac.leakPower).toBeCloseTo(8.8518708e-6, 12);
    const compute = mac.runAction('compute');
    expect(compute.energy).toBeCloseTo(1.2813797e-12, 18);
    expect(compute.throughput).toBeCloseTo(6.1538462e8, -1);
    expect(compute.latency).toBeCloseTo(2 * 1.625e-9, 18);
    expect(mac.runAction('mac')).toEqual(compute);
  });
});
