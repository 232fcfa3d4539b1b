import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.js';
import { runVerb } from '../../src/cli/commands/index.js';

const SIMPLE = ['src/examples/arches/simple.yaml', 'src/examples/workloads/basic/matmuls.yaml'];

describe('map --workers', () => {
  it('refuses more than 64 worker threads as a usage error before starting any', async () => {
    await expect(runVerb('map', [...SIMPLE, '--workers', '100000'])).rejects.toThrow(UsageError);
    await expect(runVerb('map', [...SIMPLE, '--workers', '65'])).rejects.toThrow('--workers is 65, but at most 64 worker threads are allowed');
    await expect(runVerb('map', [...SIMPLE, '--workers=1.5'])).rejects.toThrow("--workers expects a non-negative integer, got '1.5'");
  });
});
