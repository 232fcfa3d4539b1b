import { describe, expect, it } from 'vitest';
import {
  techNodeArea,
  techNodeEnergy,
  techNodeIndex,
  techNodeLatency,
  techNodeThroughput,
} from '../../../src/engine/components/scaling/tech-scaling.js';
import { cactiDepthEnergy, linear, nLog2N, powBase, quadratic, reciprocal } from '../../../src/engine/components/scaling/scale-functions.js';

// Factors from 40 nm (the Aladdin reference node), as tabulated in docs/components.md.
const FROM_40NM: [number, number, number][] = [
  [65e-9, 2.1923077, 1.4277211],
  [32e-9, 0.6676923, 0.7587546],
  [22e-9, 0.3664103, 0.338453],
  [16e-9, 0.2746154, 0.1997149],
  [7e-9, 0.0863077, 0.1085287],
];

describe('tech-node scaling', () => {
  it('interpolates the node index linearly between tabulated nodes', () => {
    expect(techNodeIndex(40e-9)).toBeCloseTo(4 - 8 / 13, 12);
    expect(techNodeIndex(65e-9)).toBe(2);
    expect(techNodeIndex(130e-9)).toBe(0);
    expect(techNodeIndex(7e-9)).toBe(9);
  });

  it.each(FROM_40NM)('40 nm → %s m: area and energy factors', (to, area, energy) => {
    expect(techNodeArea(to, 40e-9)).toBeCloseTo(area, 6);
    expect(techNodeEnergy(to, 40e-9)).toBeCloseTo(energy, 6);
  });

  it('is 1 for the same node and inverts when swapping nodes', () => {
    expect(techNodeArea(45e-9, 45e-9)).toBe(1);
    expect(techNodeEnergy(45e-9, 45e-9)).toBe(1);
    expect(techNodeEnergy(65e-9, 40e-9) * techNodeEnergy(40e-9, 65e-9)).toBeCloseTo(1, 12);
  });

  it('clamps outside [7, 130] nm: area scales linearly and energy by the square root of the rest', () => {
    expect(techNodeArea(3.5e-9, 40e-9)).toBeCloseTo(0.0863077 / 2, 6);
    expect(techNodeEnergy(3.5e-9, 40e-9)).toBeCloseTo(0.1085287 / Math.SQRT2, 6);
    expect(techNodeArea(260e-9, 130e-9)).toBeCloseTo(2, 12);
  });

  it('scales latency up and throughput down with the node', () => {
    expect(techNodeLatency(65e-9, 40e-9)).toBeCloseTo(65 / 40, 12);
    expect(techNodeThroughput(65e-9, 40e-9)).toBeCloseTo(40 / 65, 12);
  });
});

describe('scale functions', () => {
  it('compute the documented ratios', () => {
    expect(linear(64, 32)).toBe(2);
    expect(reciprocal(64, 32)).toBe(0.5);
    expect(quadratic(8, 32)).toBe(1 / 16);
    expect(powBase(2)(10, 8)).toBe(4);
    expect(nLog2N(64, 16)).toBe(8);
    expect(cactiDepthEnergy(2, 1)).toBeCloseTo(2 ** 0.78, 12);
  });
});
