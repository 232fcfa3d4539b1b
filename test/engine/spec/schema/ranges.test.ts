import { describe, expect, it } from 'vitest';
import { describeViolation, FIELD_RANGES, rangeViolation } from '../../../../src/engine/spec/schema/ranges.js';

describe('field ranges', () => {
  it('accepts the values the example library relies on', () => {
    expect(rangeViolation(Infinity, FIELD_RANGES.size)).toBeUndefined();
    expect(rangeViolation(0, FIELD_RANGES.size)).toBeUndefined();
    expect(rangeViolation(0, FIELD_RANGES.energy)).toBeUndefined();
    expect(rangeViolation(0, FIELD_RANGES.leak_power)).toBeUndefined();
    expect(rangeViolation(0, FIELD_RANGES.area_scale)).toBeUndefined();
    expect(rangeViolation(0, FIELD_RANGES.latency)).toBeUndefined();
    expect(rangeViolation(Infinity, FIELD_RANGES.throughput)).toBeUndefined();
    expect(rangeViolation(Infinity, FIELD_RANGES.throughput_scale)).toBeUndefined();
    expect(rangeViolation(16e-9, FIELD_RANGES.tech_node)).toBeUndefined();
    expect(rangeViolation(1, FIELD_RANGES.min_usage)).toBeUndefined();
  });

  it('rejects values without meaning', () => {
    expect(rangeViolation(-8, FIELD_RANGES.bits_per_value)).toBe('must be > 0');
    expect(rangeViolation(0, FIELD_RANGES.throughput)).toBe('must be > 0');
    expect(rangeViolation(-1, FIELD_RANGES.size)).toBe('must be ≥ 0');
    expect(rangeViolation(-Infinity, FIELD_RANGES.size)).toBe('must be finite or inf');
    expect(rangeViolation(Infinity, FIELD_RANGES.energy)).toBe('must be finite');
    expect(rangeViolation(0, FIELD_RANGES.fanout)).toBe('must be ≥ 1');
    expect(rangeViolation(1.01, FIELD_RANGES.min_usage)).toBe('must be ≤ 1');
    expect(rangeViolation(NaN, FIELD_RANGES.size)).toBe('is not a number (NaN)');
  });

  it('says what was written, what it evaluated to and what the field means', () => {
    expect(describeViolation('size', '2 - 10', -8, FIELD_RANGES.size)).toEqual({
      message: '`size: 2 - 10` evaluated to -8, which must be ≥ 0',
      hint: '`size` is the capacity in bits (`inf` for an unbounded memory).',
    });
    expect(describeViolation('energy', -1, -1, FIELD_RANGES.energy)?.message).toBe('`energy: -1` must be ≥ 0');
    expect(describeViolation('energy', 0, 0, FIELD_RANGES.energy)).toBeUndefined();
  });
});
