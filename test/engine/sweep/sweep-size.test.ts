import { describe, expect, it } from 'vitest';
import { SpecErrorException } from '../../../src/engine/base/errors.js';
import { thrownBy } from '../../thrown.js';
import { MemoryFileSystem } from '../../../src/engine/io/memory-file-system.js';
import { checkSweepSize, makeKnob, MAX_SWEEP_POINTS, parseKnob, parseSweepValues, runSweep } from '../../../src/engine/sweep/index.js';

describe('sweep point count cap', () => {
  it('lin:1:1e9:1e9 is refused before anything is allocated', () => {
    const started = Date.now();
    const error = thrownBy(SpecErrorException, () => parseKnob('M=lin:1:1e9:1e9')).specError;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error.message).toBe("bad sweep values 'lin:1:1e9:1e9': N is 1e9, but a sweep has at most 10,000 points");
    expect(error.hint).toMatch(/lin:START:STOP:N/);
  });

  it('a range of exactly the cap is allowed', () => {
    expect(MAX_SWEEP_POINTS).toBe(10_000);
    expect(parseSweepValues('lin:1:10000:10000')).toHaveLength(10_000);
  });

  it('two knobs whose grid exceeds the cap are refused, with a hint', () => {
    const knobs = [makeKnob('A', parseSweepValues('lin:1:200:200')), makeKnob('B', parseSweepValues('lin:1:100:100'))];
    const error = thrownBy(SpecErrorException, () => checkSweepSize(knobs)).specError;
    expect(error.message).toBe('the sweep has 20,000 points; at most 10,000 are allowed');
    expect(error.hint).toMatch(/split the sweep/);
    expect(() => checkSweepSize([knobs[1]!, knobs[1]!])).not.toThrow();
  });

  it('runSweep refuses an oversized grid instead of expanding it', async () => {
    const knobs = [makeKnob('A', parseSweepValues('lin:1:1000:1000')), makeKnob('B', parseSweepValues('lin:1:1000:1000'))];
    await expect(runSweep(new MemoryFileSystem(), { specFiles: ['/x.yaml'], variables: {}, knobs, settings: {} })).rejects.toThrow(/1,000,000 points/);
  });
});
