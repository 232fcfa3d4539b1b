import { realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.js';
import { runVerb } from '../../src/cli/commands/index.js';
import { parseSpecCommand } from '../../src/cli/spec-input.js';

const SIMPLE = ['src/examples/arches/simple.yaml', 'src/examples/workloads/basic/matmuls.yaml'];

describe('spec verbs', () => {
  it('read only the spec files common folder, the working directory and --allow-read folders', () => {
    const { input } = parseSpecCommand([...SIMPLE, '--allow-read', tmpdir(), '--allow-read', tmpdir(), '--set', 'N_EINSUMS=2'], {}, 'usage');
    expect(input.roots).toEqual([realpathSync('src/examples'), realpathSync('.'), realpathSync(tmpdir())]);
    expect(input.variables).toEqual({ N_EINSUMS: 2 });
    expect(() => input.fs.readText('/etc/hostname')).toThrow(/outside the design's folders/);
  });

  it('sweep refuses lin:1:1e9:1e9 as a usage error instead of running out of memory', async () => {
    await expect(runVerb('sweep', [...SIMPLE, '--vary', 'M=lin:1:1e9:1e9'])).rejects.toThrow(UsageError);
    await expect(runVerb('sweep', [...SIMPLE, '--vary', 'M=lin:1:1e9:1e9'])).rejects.toThrow(/N is 1e9, but a sweep has at most 10,000 points/);
    await expect(runVerb('sweep', [...SIMPLE, '--vary', 'M=lin:1:200:200', '--vary', 'KN=lin:1:100:100'])).rejects.toThrow(/the sweep has 20,000 points/);
  });

  it('map refuses a limit that is not a positive number', async () => {
    await expect(runVerb('map', [...SIMPLE, '--time-limit', '0'])).rejects.toThrow("--time-limit expects a positive number of seconds, got '0'");
  });
});
