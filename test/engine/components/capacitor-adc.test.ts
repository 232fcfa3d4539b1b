import { describe, expect, it } from 'vitest';
import { adc } from '../../../src/engine/components/models/adc.js';
import { capacitor, wire } from '../../../src/engine/components/models/capacitor.js';
import { ModelRejection } from '../../../src/engine/components/index.js';

describe('Capacitor and Wire', () => {
  // From 22 nm to 32 nm the area factor is 2.0 (index 4.833 → 4: 1·1/6 + 2.2·5/6).
  const cap = capacitor.create({ capacitance: 1e-12, tech_node: 32e-9 });

  it('has area C/(capacitance per m²) + border, both scaled from 22 nm', () => {
    expect(cap.area).toBeCloseTo(1e-12 / 4.6e-3 + 2e-12, 22);
    expect(cap.leakPower).toBe(0);
  });

  it('costs C·Vt·Vs to charge', () => {
    expect(cap.runAction('read').energy).toBeCloseTo(1e-12 * 0.7 * 0.7, 26);
    expect(cap.runAction('raise_voltage_to', { target_voltage: 0.5 }).energy).toBeCloseTo(3.5e-13, 26);
    expect(() => cap.runAction('raise_voltage_to', { target_voltage: 0.9 })).toThrow(ModelRejection);
  });

  it('averages switching energy over a value histogram', () => {
    expect(cap.runAction('switch', { value_probabilities: [1, 1] }).energy).toBeCloseTo(0.5 * 4.9e-13, 26);
    expect(cap.runAction('switch', { value_probabilities: [1, 1], zero_between_values: false }).energy).toBeCloseTo(0.25 * 4.9e-13, 26);
  });

  it('models a wire as length × 0.2 pF/mm with no area', () => {
    const w = wire.create({ length: 1e-3, tech_node: 32e-9 });
    expect(w.area).toBe(0);
    expect(w.runAction('read').energy).toBeCloseTo(2e-13 * 0.49, 27);
  });
});

describe('ADC survey model', () => {
  it('matches the documented seeds (8 b, 65 nm, 3.2e8 S/s, 4 ADCs) and (8 b, 32 nm, 1e9 S/s)', () => {
    const a = adc.create({ n_bits: 8, tech_node: 65e-9, throughput: 3.2e8, n_adcs: 4 });
    expect(a.area).toBeCloseTo(4.55717e-8, 12);
    const convert = a.runAction('convert');
    expect(convert.energy / 0.8).toBeCloseTo(6.49448e-12, 16);
    expect(convert.throughput).toBe(3.2e8);
    expect(a.leakPower).toBeCloseTo(6.49448e-12 * 3.2e8 * 0.2, 9);
    const b = adc.create({ n_bits: 8, tech_node: 32e-9, throughput: 1e9 });
    expect(b.area).toBeCloseTo(5.97163e-9, 13);
    expect(b.runAction('read').energy).toBeCloseTo(0.8 * 1.71371e-12, 16);
  });

  it('rejects fewer than 4 bits', () => {
    expect(() => adc.create({ n_bits: 3, tech_node: 65e-9, throughput: 1e8 })).toThrow(ModelRejection);
  });
});
