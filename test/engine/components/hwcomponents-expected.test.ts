import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeComponentCosts, createDefaultRegistry } from '../../../src/engine/components/index.js';
import { EXAMPLE_ARCHES } from './example-arches.js';

interface ExpectedComponent {
  area: number;
  leak_power: number;
  actions: Record<string, { energy: number; throughput: number }>;
}

// The reference JSON comes from Python and spells infinity as a bare `Infinity`.
const expected = JSON.parse(
  readFileSync(new URL('../../fixtures/components/hwcomponents_expected.json', import.meta.url), 'utf8').replace(/\bInfinity\b/g, '1e999'),
) as Record<string, Record<string, ExpectedComponent>>;

function expectClose(actual: number | null, want: number, what: string): void {
  if (!Number.isFinite(want)) {
    expect(actual, what).toBe(want);
    return;
  }
  const tolerance = Math.max(Math.abs(want) * 1e-9, 1e-18);
  expect(Math.abs((actual ?? NaN) - want), `${what}: got ${actual}, want ${want}`).toBeLessThanOrEqual(tolerance);
}

const registry = createDefaultRegistry();

describe('hwcomponents_expected.json reproduction', () => {
  for (const [arch, components] of Object.entries(EXAMPLE_ARCHES)) {
    it(`${arch}: every component matches within 1e-9 relative`, () => {
      const want = expected[arch] as Record<string, ExpectedComponent>;
      expect(components.map((c) => c.name).sort()).toEqual(Object.keys(want).sort());
      for (const input of components) {
        const result = computeComponentCosts(input, { registry });
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        const got = result.value;
        const ref = want[input.name] as ExpectedComponent;
        expectClose(got.area, ref.area, `${arch}.${input.name}.area`);
        expectClose(got.leakPower, ref.leak_power, `${arch}.${input.name}.leak_power`);
        expect(Object.keys(got.actions).sort()).toEqual(Object.keys(ref.actions).sort());
        for (const [action, cost] of Object.entries(ref.actions)) {
          expectClose(got.actions[action]?.energy ?? NaN, cost.energy, `${arch}.${input.name}.${action}.energy`);
          expectClose(got.actions[action]?.throughput ?? NaN, cost.throughput, `${arch}.${input.name}.${action}.throughput`);
        }
      }
    });
  }
});
