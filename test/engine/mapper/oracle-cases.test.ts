/** The mapper against figures generated with AccelForge itself (test/fixtures/oracle, 1 % tolerance). */
import { describe, it } from 'vitest';
import { expectMatches, mapOracleCase, oracleReference } from './regression-case.js';

/** The fast cases; the transformer cases run in `npm run conformance`. */
const FAST = [
  'simba|matmuls|KN=64,M=64,N_EINSUMS=2|unfused',
  'simba|matmuls|KN=64,M=64,N_EINSUMS=2|fused',
  'simba|three_matmuls_annotated||unfused',
  'simba|three_matmuls_annotated||fused',
];

describe('mapper vs AccelForge-generated cases', () => {
  it.each(FAST)('%s', (key) => {
    expectMatches(mapOracleCase(key), oracleReference(key));
  });
});
