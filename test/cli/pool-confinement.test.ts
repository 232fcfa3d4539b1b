/** Mapper pool workers load the spec again (includes and all), so they must be confined like the CLI. */
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnNodePoolWorker } from '../../src/cli/mapper-pool.js';

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'af-pool-')));
const outside = realpathSync(mkdtempSync(join(tmpdir(), 'af-pool-outside-')));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});
writeFileSync(join(outside, 'secret.txt'), 'secret');
const spec = join(dir, 'steal.yaml');
writeFileSync(spec, `variables:\n  s: "{{ include_text('${join(outside, 'secret.txt')}') }}"\n`);

describe('pool workers read only the design folders they are given', () => {
  it('a worker with the design roots refuses the outside file; one with the outside folder allowed reads it', async () => {
    const confined = spawnNodePoolWorker({ readRoots: [dir] });
    const widened = spawnNodePoolWorker({ readRoots: [dir, outside] });
    try {
      const refused = await confined.api.load({ id: 'a', specFiles: [spec], variables: {} });
      expect(refused.ok).toBe(false);
      expect(!refused.ok && refused.message).toBe(`${join(outside, 'secret.txt')} is outside the design's folders (${dir}); pass --allow-read DIR to allow it`);
      // The spec has no workload, so a full load fails later, but not on the file.
      const allowed = await widened.api.load({ id: 'b', specFiles: [spec], variables: {} });
      expect(allowed.ok ? '' : allowed.message).not.toMatch(/outside the design's folders/);
    } finally {
      confined.terminate();
      widened.terminate();
    }
  }, 120_000);
});
