/** Compares a model result against an entry of AccelForge's regression_reference.json. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { ModelResult } from '../../../src/engine/model/index.js';

export interface RegressionEntry {
  energy: number;
  latency: number;
  energy_per_component: Record<string, number>;
  latency_per_component: Record<string, number>;
  actions: Record<string, number>;
}

const FIXTURE = new URL('../../fixtures/model/regression_reference.json', import.meta.url);

export function regressionEntry(key: string): RegressionEntry {
  const all = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, RegressionEntry>;
  const entry = all[key];
  if (!entry) throw new Error(`no regression entry ${key}`);
  return entry;
}

/** Python tuple repr used as keys: ('Matmul0', 'MAC', 'None', 'compute'). */
function tupleKey(parts: readonly string[]): string {
  return `(${parts.map((p) => `'${p}'`).join(', ')})`;
}

/** Float32-stored reference: 1e-5 relative, exact zero where the reference is zero. */
function expectClose(actual: number | undefined, expected: number, what: string): void {
  expect(actual, what).toBeDefined();
  if (expected === 0) expect(actual, what).toBe(0);
  else expect(Math.abs(actual! / expected - 1), `${what}: ${actual} vs ${expected}`).toBeLessThan(1e-5);
}

export function expectMatchesRegression(result: ModelResult, ref: RegressionEntry): void {
  const actions = new Map<string, number>();
  for (const a of result.actionEntries()) {
    actions.set(tupleKey([a.einsum, a.component, a.tensor ?? 'None', a.action]), a.count);
  }
  for (const [key, value] of Object.entries(ref.actions)) expectClose(actions.get(key), value, `action ${key}`);
  expect([...actions.keys()].sort()).toEqual(Object.keys(ref.actions).sort());

  const energy = new Map<string, number>();
  for (const e of result.energyEntries()) {
    const key = tupleKey([e.einsum, e.component, e.action]);
    energy.set(key, (energy.get(key) ?? 0) + e.energy);
  }
  for (const [key, value] of Object.entries(ref.energy_per_component)) expectClose(energy.get(key), value, `energy ${key}`);
  for (const [key, value] of energy) if (value !== 0) expect(ref.energy_per_component, key).toHaveProperty([key]);

  const latency = new Map<string, number>();
  for (const c of result.componentLatencies()) latency.set(tupleKey([c.einsum, c.component]), c.latency);
  for (const [key, value] of Object.entries(ref.latency_per_component)) expectClose(latency.get(key), value, `latency ${key}`);
  expect([...latency.keys()].sort()).toEqual(Object.keys(ref.latency_per_component).sort());

  expectClose(result.energy(), ref.energy, 'total energy');
  expectClose(result.latency(), ref.latency, 'total latency');
}
