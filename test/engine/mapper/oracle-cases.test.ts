/** The mapper against figures generated with AccelForge itself (test/fixtures/oracle, 1 % tolerance). */
import { describe, expect, it } from 'vitest';
import { expectMatches, mapOracleCase, oracleReference } from './regression-case.js';

const DECODE = 'BATCH_SIZE=1,DECODE=True,N_CACHED_TOKENS=2047,N_NEW_TOKENS=1';
const PREFILL = 'BATCH_SIZE=1,DECODE=False,N_NEW_TOKENS=2048';

/** Every generated case (all also run in `npm run conformance`). */
const FAST = [
  'simba|matmuls|KN=64,M=64,N_EINSUMS=2|unfused',
  'simba|matmuls|KN=64,M=64,N_EINSUMS=2|fused',
  'simba|three_matmuls_annotated||unfused',
  'simba|three_matmuls_annotated||fused',
  ...['tpu_v4i', 'eyeriss', 'simba'].flatMap((arch) => ['gpt3_6.7B', 'llama3_8B'].map((model) => `${arch}|${model}|${DECODE}|unfused`)),
  ...['tpu_v4i', 'eyeriss', 'simba'].flatMap((arch) => ['gpt3_6.7B', 'llama3_8B'].map((model) => `${arch}|${model}|${PREFILL}|unfused`)),
  ...['tpu_v4i', 'eyeriss', 'simba'].map((arch) => `${arch}|gpt3_6.7B|${DECODE}|fused`),
];

describe('mapper vs AccelForge-generated cases', () => {
  it.each(FAST)('%s', (key) => {
    expectMatches(mapOracleCase(key), oracleReference(key));
  }, 120_000);
});

/** The fused decode cases run the input copy I[b, m, d] = I_in[b, m, d] (docs/model.md, "Copy Einsums"). */
describe('AccelForge main figures for the input copy I', () => {
  it.each(['tpu_v4i', 'eyeriss', 'simba'])('%s: I_in is read from MainMemory and the copy written to the GlobalBuffer', (arch) => {
    const ref = oracleReference(`${arch}|gpt3_6.7B|${DECODE}|fused`);
    const action = (component: string, name: string): number | undefined => ref.actions[`('I', '${component}', 'I_in', '${name}')`];
    expect((ref as { accelforge?: string }).accelforge).toBe('1.0.489');
    expect(action('MainMemory', 'read')).toBe(65536);
    expect(action('MainMemory', 'write')).toBe(0);
    expect(action('GlobalBuffer', 'write')).toBeGreaterThan(0);
    expect(action('GlobalBuffer', 'read')).toBe(0);
  });
});
