/** Runs the mapper on one regression case and compares it with AccelForge's figures (1 % tolerance). */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { NodeFileSystem } from '../../../src/cli/node-file-system.js';
import { mapSpec, type MapResult } from '../../../src/engine/mapper/index.js';
import { findExample, findPreset, REGRESSION_CASES } from '../../../src/examples/index.js';

interface Reference {
  energy: number;
  latency: number;
  n_mappings: number;
  energy_per_component: Record<string, number>;
  latency_per_component: Record<string, number>;
  actions: Record<string, number>;
}

const FIXTURE = new URL('../../fixtures/mapper/regression_reference.json', import.meta.url);
const EXAMPLES = new URL('../../../src/examples/', import.meta.url).pathname;

export function reference(key: string): Reference {
  const all = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, Reference>;
  const entry = all[key];
  if (!entry) throw new Error(`no regression entry ${key}`);
  return entry;
}

export function mapCase(key: string): MapResult {
  const c = REGRESSION_CASES.find((r) => r.key === key);
  if (!c) throw new Error(`unknown case ${key}`);
  const arch = findExample(c.arch)!;
  const workload = findExample(c.workload)!;
  const variables = c.preset ? findPreset(workload, c.preset)!.values : {};
  const result = mapSpec(
    { fs: new NodeFileSystem(), specFiles: [EXAMPLES + arch.path, EXAMPLES + workload.path], variables },
    { metric: c.metric, unfused: c.variant === 'unfused', maxFusedLoops: 1 },
  );
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value;
}

function tuple(parts: readonly string[]): string {
  return `(${parts.map((p) => `'${p}'`).join(', ')})`;
}

function expectWithin(actual: number | undefined, expected: number, what: string): void {
  expect(actual, what).toBeDefined();
  if (Math.abs(expected) < 1e-30) expect(Math.abs(actual!), what).toBeLessThan(1e-12);
  else expect(Math.abs(actual! / expected - 1), `${what}: ${actual} vs ${expected}`).toBeLessThan(0.01);
}

/** Totals, n_mappings and per-component energy and latency; actions too unless `actions` is false. */
export function expectMatches(mapped: MapResult, ref: Reference, options: { actions?: boolean } = {}): void {
  const r = mapped.result;
  expectWithin(r.energy(), ref.energy, 'energy');
  expectWithin(r.latency(), ref.latency, 'latency');
  expect(mapped.pareto.length).toBe(ref.n_mappings);
  const energy = new Map<string, number>();
  for (const e of r.energyEntries()) {
    const key = tuple([e.einsum, e.component, e.action]);
    energy.set(key, (energy.get(key) ?? 0) + e.energy);
  }
  for (const [key, value] of Object.entries(ref.energy_per_component)) expectWithin(energy.get(key) ?? 0, value, `energy ${key}`);
  const latency = new Map(r.componentLatencies().map((c) => [tuple([c.einsum, c.component]), c.latency]));
  for (const [key, value] of Object.entries(ref.latency_per_component)) expectWithin(latency.get(key) ?? 0, value, `latency ${key}`);
  if (options.actions === false) return;
  const actions = new Map(r.actionEntries().map((a) => [tuple([a.einsum, a.component, a.tensor ?? 'None', a.action]), a.count]));
  for (const [key, value] of Object.entries(ref.actions)) expectWithin(actions.get(key) ?? 0, value, `action ${key}`);
}

const ORACLE_FIXTURE = new URL('../../fixtures/oracle/cases.json', import.meta.url);

/** Cases generated with AccelForge itself (scripts/oracle), beyond the regression suite. */
export function oracleReference(key: string): Reference & { metric: string } {
  const all = JSON.parse(readFileSync(ORACLE_FIXTURE, 'utf8')) as { cases: Record<string, Reference & { metric: string }> };
  const entry = all.cases[key];
  if (!entry) throw new Error(`no oracle case ${key}`);
  return entry;
}

export function oracleCaseKeys(): string[] {
  return Object.keys((JSON.parse(readFileSync(ORACLE_FIXTURE, 'utf8')) as { cases: object }).cases);
}

/** Maps an `arch|workload|VAR=value,...|fused` case of the oracle fixture. */
export function mapOracleCase(key: string): MapResult {
  const [arch, workload, vars, variant] = key.split('|') as [string, string, string, string];
  const variables: Record<string, unknown> = {};
  for (const pair of vars === '' ? [] : vars.split(/,(?=[A-Z_]+=)/)) {
    const [name, value] = pair.split('=') as [string, string];
    variables[name] = value === 'True' ? true : value === 'False' ? false : Number(value);
  }
  const files = [findExample(arch)!.path, findExample(workload)!.path].map((p) => EXAMPLES + p);
  const metric = oracleReference(key).metric === 'ENERGY' ? 'energy' : 'edp';
  const result = mapSpec({ fs: new NodeFileSystem(), specFiles: files, variables }, { metric, unfused: variant === 'unfused', maxFusedLoops: 1 });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value;
}
