/** Issue acceptance: the eyeriss GlobalBuffer swept from 32 B to 4 MB through the spec pipeline. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { componentCosts, MemoryFileSystem } from '../../../src/engine/index.js';

const EXAMPLES = join(import.meta.dirname, '../../../src/examples');
const EYERISS = readFileSync(join(EXAMPLES, 'arches/eyeriss.yaml'), 'utf8');
const MATMULS = readFileSync(join(EXAMPLES, 'workloads/basic/matmuls.yaml'), 'utf8');

/** 32 log-spaced sizes from 32 B to 4 MiB, in bytes. */
const SIZES_BYTES = Array.from({ length: 32 }, (_, i) => Math.round(32 * (4 * 1024 * 1024 / 32) ** (i / 31)));

function globalBufferAt(bytes: number) {
  const arch = EYERISS.replace('size: 1024 * 1024\n', `size: ${bytes} * 8\n`);
  expect(arch).not.toBe(EYERISS);
  const result = componentCosts({
    fs: new MemoryFileSystem({ '/arch.yaml': arch, '/workload.yaml': MATMULS }),
    specFiles: ['/arch.yaml', '/workload.yaml'],
    variables: { N_EINSUMS: 1 },
  });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value['GlobalBuffer']!;
}

describe('eyeriss GlobalBuffer sweep, 32 B to 4 MB', () => {
  const points = SIZES_BYTES.map((bytes) => ({ bytes, costs: globalBufferAt(bytes) }));

  it('gives finite, positive costs at every point', () => {
    for (const { bytes, costs } of points) {
      for (const value of [costs.area!, costs.leak_power, costs.actions['read']!.energy, costs.actions['write']!.energy]) {
        expect(Number.isFinite(value) && value > 0, `${bytes} B`).toBe(true);
      }
    }
  });

  it('says in the log whether each point is exact or approximate', () => {
    const marks = points.map(({ costs }) => costs.log.join('\n'));
    for (const log of marks) expect(log).toMatch(/CACTI table, (exact|approximate)/);
    expect(marks.some((log) => /CACTI table, exact/.test(log))).toBe(true);
  });

  it('grows in area and read energy from the smallest to the largest buffer', () => {
    const first = points[0]!.costs;
    const last = points[points.length - 1]!.costs;
    expect(last.area!).toBeGreaterThan(first.area! * 100);
    expect(last.actions['read']!.energy).toBeGreaterThan(first.actions['read']!.energy);
  });
});
