/** `sweep --shard` and `sweep-merge` through the verb runner: 3 shards merged give one run's CSV and JSON, byte for byte. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/cli/args.js';
import { runVerb } from '../../src/cli/commands/index.js';

const SPEC = ['src/examples/arches/simple.yaml', 'src/examples/workloads/basic/matmuls.yaml', '--set', 'N_EINSUMS=1', '--set', 'M=8', '--set', 'KN=8', '--metric', 'energy'];
// Two knobs, 3 × 2 = 6 points, so every shard holds points of both inner values.
const VARY = ['--vary', 'GlobalBufferSize=128,1024,8192', '--vary', 'MainMemoryEnergy=1,2'];

let out: string;
let stdout: string;
let stderr: string;

beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'sweep-shards-'));
  [stdout, stderr] = ['', ''];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  // Per-point seconds are the only figures that differ between runs; a clock that never moves makes them 0.
  vi.spyOn(Date, 'now').mockReturnValue(1_000_000);
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

async function run(verb: string, args: string[]): Promise<{ status: number; stdout: string }> {
  stdout = '';
  const status = await runVerb(verb, args);
  return { status, stdout };
}

describe('sweep --shard and sweep-merge', () => {
  it('3 shards (one chosen by a Slurm array task) merge to the CSV and JSON of a single run', async () => {
    const single = await run('sweep', [...SPEC, ...VARY, '--csv', join(out, 'single.csv'), '--json']);
    expect(single.status).toBe(0);
    for (const k of [1, 2]) expect((await run('sweep', [...SPEC, ...VARY, '--shard', `${k}/3`, '--out', join(out, `s${k}.json`)])).status).toBe(0);
    vi.stubEnv('SLURM_ARRAY_TASK_ID', '12');
    vi.stubEnv('SLURM_ARRAY_TASK_COUNT', '3');
    vi.stubEnv('SLURM_ARRAY_TASK_MIN', '10');
    expect((await run('sweep', [...SPEC, ...VARY, '--out', join(out, 's3.json')])).status).toBe(0);
    expect(stderr).toContain('shard 3/3 (from SLURM_ARRAY_TASK_ID=12 SLURM_ARRAY_TASK_COUNT=3 SLURM_ARRAY_TASK_MIN=10): grid points i with i mod 3 = 2, of 6');
    expect(JSON.parse(readFileSync(join(out, 's3.json'), 'utf8')).points.map((p: { index: number }) => p.index)).toEqual([2, 5]);

    const merged = await run('sweep-merge', [join(out, 's2.json'), join(out, 's3.json'), join(out, 's1.json'), '--csv', join(out, 'merged.csv'), '--json']);
    expect(merged.status).toBe(0);
    expect(readFileSync(join(out, 'merged.csv'), 'utf8')).toBe(readFileSync(join(out, 'single.csv'), 'utf8'));
    expect(merged.stdout).toBe(single.stdout);
    // Six different points, not six copies of one: MainMemoryEnergy 2 costs more than 1.
    const energies = (JSON.parse(single.stdout) as { points: { metrics: { energy: number } }[] }).points.map((p) => p.metrics.energy);
    expect(energies).toHaveLength(6);
    expect(energies[1]).toBeGreaterThan(energies[0]!);
  });

  it('sweep-merge names the missing shard and refuses files that are not shard files', async () => {
    await run('sweep', [...SPEC, ...VARY, '--shard', '1/2', '--out', join(out, 'a.json')]);
    stderr = '';
    expect((await run('sweep-merge', [join(out, 'a.json')])).status).toBe(1);
    expect(stderr).toContain('error: the shards do not cover the sweep: points 1, 3, 5 of 0 to 5 are missing');
    expect(stderr).toContain('hint: Run --shard 2/2 and merge again.');
    writeFileSync(join(out, 'broken.json'), '{"format": "accelforge-web sweep shard", "version": 1, "sweep": ');
    stderr = '';
    expect((await run('sweep-merge', [join(out, 'broken.json')])).status).toBe(1);
    expect(stderr).toMatch(/broken\.json: is not JSON/);
    stderr = '';
    expect((await run('sweep-merge', [join(out, 'a.json'), join(out, 'none.json')])).status).toBe(1);
    expect(stderr).toContain('none.json: cannot be read (ENOENT)');
  });

  it('refuses a bad --shard, and --out without a shard', async () => {
    await expect(runVerb('sweep', [...SPEC, ...VARY, '--shard', '4/3'])).rejects.toThrow(/--shard 4\/3: shard 4 of 3 does not exist/);
    await expect(runVerb('sweep', [...SPEC, ...VARY, '--out', join(out, 'x.json')])).rejects.toThrow(UsageError);
  });
});
