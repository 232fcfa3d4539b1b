/**
 * RESOURCE_USAGE (mapper.md §4, §5.5): the Pareto front of GlobalBuffer usage against off-chip
 * accesses on snowcat, against AccelForge's fronts (test/fixtures/oracle/skislope_snowcat.json,
 * scripts/oracle/generate_skislope.py). Every point matches exactly; the tolerance only absorbs
 * AccelForge's float32 usage fractions.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../../src/cli/node-file-system.js';
import { mapSpec } from '../../../src/engine/mapper/index.js';

const EXAMPLES = new URL('../../../src/examples/', import.meta.url).pathname;
const FIXTURE = new URL('../../fixtures/oracle/skislope_snowcat.json', import.meta.url);

interface Point {
  usage_bits: number;
  accesses: number;
}
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { cases: Record<string, { points: Point[] }> };

/** AccelForge's points minus those another point beats once float32 noise (1e-6) is ignored. */
function referenceFront(key: string): [number, number][] {
  const points = fixture.cases[key]!.points.map((p): [number, number] => [p.usage_bits, p.accesses]);
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(a, b);
  return points.filter(([u, e], i) => !points.some(([u2, e2], j) => j !== i && (u2 < u || close(u2, u)) && e2 < e));
}

function ourFront(workload: string, variables: Record<string, number | boolean>, options: { unfused?: boolean; maxFusedLoops?: number }): [number, number][] {
  const mapped = mapSpec(
    { fs: new NodeFileSystem(), specFiles: [EXAMPLES + 'arches/snowcat.yaml', EXAMPLES + workload], variables },
    { metric: 'energy', resourceUsage: true, ...options },
  );
  if (!mapped.ok) throw new Error(mapped.errors.map((e) => e.message).join('\n'));
  return mapped.value.front.map((p): [number, number] => [p.usage!['GlobalBuffer']!, p.energy]).sort((a, b) => a[0] - b[0]);
}

function expectSameFront(ours: [number, number][], reference: [number, number][]): void {
  expect(ours.length).toBe(reference.length);
  ours.forEach(([usage, energy], i) => {
    expect(Math.abs(usage / reference[i]![0] - 1), `usage of point ${i}`).toBeLessThan(1e-6);
    expect(Math.abs(energy / reference[i]![1] - 1), `accesses of point ${i}`).toBeLessThan(1e-9);
  });
}

const GPT3 = 'workloads/transformers/gpt/gpt3_6.7B.yaml';
const BLOCK = { BATCH_SIZE: 1, DECODE: false, N_NEW_TOKENS: 2048 };
const BLOCK_KEY = 'snowcat|gpt3_6.7B|BATCH_SIZE=1,DECODE=False,N_NEW_TOKENS=2048';

describe('ski slopes on snowcat vs AccelForge', () => {
  it('one 4096³ matmul: 36 points, from 24 bits (3 values) to the whole-tensor corner', () => {
    const ours = ourFront('workloads/basic/matmuls.yaml', { N_EINSUMS: 1, M: 4096, KN: 4096 }, {});
    expectSameFront(ours, referenceFront('snowcat|matmuls|KN=4096,M=4096,N_EINSUMS=1|fused'));
    // Hand check of the first point: one 8-bit value of each tensor on chip; both inputs come from
    // DRAM for every MAC, and each output value is accumulated on chip and written once.
    expect(ours[0]).toEqual([24, 2 * 4096 ** 3 * 8 + 4096 ** 2 * 8]);
  }, 60_000);

  it('one GPT-3 6.7B block (2048 tokens), unfused: 37 points', () => {
    expectSameFront(ourFront(GPT3, BLOCK, { unfused: true }), referenceFront(`${BLOCK_KEY}|unfused`));
  }, 120_000);

  it('one GPT-3 6.7B block (2048 tokens), fused with at most one fused loop: 46 points, below the unfused slope', () => {
    const fused = ourFront(GPT3, BLOCK, { maxFusedLoops: 1 });
    expectSameFront(fused, referenceFront(`${BLOCK_KEY}|fused|max_fused_loops=1`));
    // Fusion saves off-chip traffic once whole intermediates fit: the last fused point beats the unfused one.
    const unfused = referenceFront(`${BLOCK_KEY}|unfused`);
    expect(fused.at(-1)![1]).toBeLessThan(unfused.at(-1)![1]);
  }, 300_000);
});
