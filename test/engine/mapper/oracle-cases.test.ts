/** The mapper against figures generated with AccelForge itself (test/fixtures/oracle, 1 % tolerance). */
import { describe, expect, it } from 'vitest';
import { expectMatches, mapOracleCase, oracleReference } from './regression-case.js';

const DECODE = 'BATCH_SIZE=1,DECODE=True,N_CACHED_TOKENS=2047,N_NEW_TOKENS=1';
const PREFILL = 'BATCH_SIZE=1,DECODE=False,N_NEW_TOKENS=2048';

/**
 * Every generated case but the fused transformer ones, which match AccelForge's totals but not every
 * per-component figure of the input copy Einsum (README, known gaps); all run in `npm run conformance`.
 */
const FAST = [
  'simba|matmuls|KN=64,M=64,N_EINSUMS=2|unfused',
  'simba|matmuls|KN=64,M=64,N_EINSUMS=2|fused',
  'simba|three_matmuls_annotated||unfused',
  'simba|three_matmuls_annotated||fused',
  ...['tpu_v4i', 'eyeriss', 'simba'].flatMap((arch) => ['gpt3_6.7B', 'llama3_8B'].map((model) => `${arch}|${model}|${DECODE}|unfused`)),
  ...['tpu_v4i|gpt3_6.7B', 'eyeriss|gpt3_6.7B', 'simba|gpt3_6.7B', 'eyeriss|llama3_8B', 'simba|llama3_8B'].map((c) => `${c}|${PREFILL}|unfused`),
];

describe('mapper vs AccelForge-generated cases', () => {
  it.each(FAST)('%s', (key) => {
    expectMatches(mapOracleCase(key), oracleReference(key));
  }, 120_000);
});

describe('fused transformer decode vs AccelForge: whole-workload figures', () => {
  it.each(['tpu_v4i', 'eyeriss', 'simba'].map((arch) => `${arch}|gpt3_6.7B|${DECODE}|fused`))('%s', (key) => {
    const mapped = mapOracleCase(key);
    const ref = oracleReference(key);
    // Measured within 1.3e-6; only the input copy Einsum I splits its actions differently (README, known gaps).
    expect(Math.abs(mapped.result.energy() / ref.energy - 1)).toBeLessThan(1e-5);
    expect(Math.abs(mapped.result.latency() / ref.latency - 1)).toBeLessThan(1e-5);
  }, 120_000);
});
