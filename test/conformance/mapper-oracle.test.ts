/** Every AccelForge-generated mapper case (test/fixtures/oracle/cases.json), transformers included. Slow. */
import { describe, it } from 'vitest';
import { expectMatches, mapOracleCase, oracleCaseKeys, oracleReference } from '../engine/mapper/regression-case.js';

describe('mapper vs all AccelForge-generated cases', () => {
  it.each(oracleCaseKeys())('%s', (key) => {
    expectMatches(mapOracleCase(key), oracleReference(key));
  });
});
