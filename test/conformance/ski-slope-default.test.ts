/**
 * The fused GPT-3 6.7B block ski slope with AccelForge's default settings (unlimited fused loops;
 * AccelForge took 2004 s here, we ~200 s and ~2 GB): 48 of AccelForge's 49 points are equal;
 * at one point AccelForge reaches 5368709120 accesses with 30704 fewer bits (0.02%), so the
 * staircases are compared with 1% on the usage axis. Reads only committed fixtures, but too slow
 * for `npm test`.
 */
import { describe, it } from 'vitest';
import { BLOCK, BLOCK_KEY, expectSameStaircase, GPT3, ourFront, referenceFront } from '../engine/mapper/ski-slope-case.js';

describe('ski slope with AccelForge default settings', () => {
  it('GPT-3 6.7B block, fused, unlimited fused loops: staircases within 1% in usage', () => {
    expectSameStaircase(ourFront(GPT3, BLOCK, {}), referenceFront(`${BLOCK_KEY}|fused`), 0.01);
  }, 900_000);
});
