/**
 * RESOURCE_USAGE (docs/mapper.md §4, §5.5): the Pareto front of GlobalBuffer usage against off-chip
 * accesses on snowcat, against AccelForge's fronts (test/fixtures/oracle/skislope_snowcat.json,
 * scripts/oracle/generate_skislope.py). Every point matches exactly; the tolerance only absorbs
 * AccelForge's float32 usage fractions.
 */
import { describe, expect, it } from 'vitest';
import { BLOCK, BLOCK_KEY, expectSameFront, GPT3, ourFront, referenceFront } from './ski-slope-case.js';

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
