import { describe, expect, it } from 'vitest';
import { SpecErrorException } from '../../../src/engine/base/errors.js';
import { parseNumber, parseSweepValues } from '../../../src/engine/sweep/index.js';

describe('sweep values', () => {
  it('parses lists of numbers and strings', () => {
    expect(parseSweepValues('1, 2,4')).toEqual([1, 2, 4]);
    expect(parseSweepValues('inf,1e3,True')).toEqual(['inf', 1000, true]);
  });

  it('converts byte sizes to bits with binary multiples', () => {
    expect(parseNumber('32B')).toEqual({ value: 256, isSize: true });
    expect(parseNumber('4MB')?.value).toBe(4 * 1024 * 1024 * 8);
    expect(parseNumber('1.5KB')?.value).toBe(12288);
    expect(parseNumber('12')).toEqual({ value: 12, isSize: false });
    // Lowercase b (bits) is ambiguous next to B: refused.
    expect(parseNumber('32b')).toBeUndefined();
  });

  it('expands linear ranges inclusively', () => {
    expect(parseSweepValues('lin:0:1:5')).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(parseSweepValues('lin:1KB:4KB:4')).toEqual([8192, 16384, 24576, 32768]);
  });

  it('expands log ranges; size ranges are rounded to whole bits', () => {
    const values = parseSweepValues('log:32B:4MB:32') as number[];
    expect(values).toHaveLength(32);
    expect(values[0]).toBe(256);
    // 256 × 2^(17/31) = 374.4…
    expect(values[1]).toBe(374);
    expect(values[31]).toBe(33554432);
    const plain = parseSweepValues('log:1:100:3') as number[];
    expect(plain[0]).toBe(1);
    expect(plain[1]).toBeCloseTo(10, 12);
    expect(plain[2]).toBe(100);
  });

  it('rejects malformed ranges with a hint', () => {
    expect(() => parseSweepValues('log:0:10:3')).toThrow(SpecErrorException);
    expect(() => parseSweepValues('lin:1:2')).toThrow(/lin:START:STOP:N/);
    expect(() => parseSweepValues('lin:1:2:0')).toThrow(/positive integer/);
  });

  it('refuses numbers that overflow to Infinity, in lists, sizes and ranges', () => {
    expect(() => parseSweepValues('1,1e400')).toThrow(/bad sweep values '1e400'.*not finite/);
    expect(() => parseSweepValues('1e308GB')).toThrow(/not finite/);
    expect(() => parseSweepValues('lin:1:1e400:3')).toThrow(/not finite/);
    expect(parseSweepValues('1e308')).toEqual([1e308]);
  });
});
