import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.js';
import { parseMapperSettings } from '../../src/cli/mapper-flags.js';

describe('map/sweep mapper flags', () => {
  it('--time-limit sets the time limit in seconds, --memory-limit the memory limit in MiB', () => {
    expect(parseMapperSettings({ 'time-limit': '3', 'memory-limit': '512', metric: 'edp', unfused: true })).toEqual({
      metric: 'edp',
      unfused: true,
      timeLimitSeconds: 3,
      memoryLimitBytes: 512 * 1024 * 1024,
    });
    expect(parseMapperSettings({ 'time-limit': '0.5' })).toEqual({ unfused: false, timeLimitSeconds: 0.5 });
    expect(parseMapperSettings({})).toEqual({ unfused: false });
  });

  it('refuses limits that are not positive numbers, and unknown metrics', () => {
    for (const bad of ['0', '-1', 'abc', 'Infinity', '']) {
      expect(() => parseMapperSettings({ 'time-limit': bad })).toThrow(UsageError);
    }
    expect(() => parseMapperSettings({ 'memory-limit': 'lots' })).toThrow("--memory-limit expects a positive number of MB, got 'lots'");
    expect(() => parseMapperSettings({ metric: 'area' })).toThrow('--metric must be one of energy, latency, edp');
  });
});
