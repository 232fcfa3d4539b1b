/**
 * Metric sets (docs/mapper.md §4): the answer is the Pareto set over the chosen metrics, every
 * point listed, and the same whatever the number of workers.
 */
import { describe, expect, it } from 'vitest';
import { mapOnNodePool } from '../../../src/cli/mapper-pool.js';
import { parseMapperSettings } from '../../../src/cli/mapper-flags.js';
import { NodeFileSystem } from '../../../src/cli/node-file-system.js';
import { mapSpec, type MapResult, type ParetoPoint } from '../../../src/engine/mapper/index.js';
import { METRICS } from '../../../src/engine/spec/schema/mapper.js';
import { findExample, findPreset, REGRESSION_CASES } from '../../../src/examples/index.js';

const EXAMPLES = new URL('../../../src/examples/', import.meta.url).pathname;
const ENERGY_LATENCY = METRICS.ENERGY | METRICS.LATENCY;
const THREE = ENERGY_LATENCY | METRICS.RESOURCE_USAGE;

function caseInput(key: string) {
  const c = REGRESSION_CASES.find((r) => r.key === key)!;
  const variables = c.preset ? findPreset(findExample(c.workload)!, c.preset)!.values : {};
  return { fs: new NodeFileSystem(), specFiles: [EXAMPLES + findExample(c.arch)!.path, EXAMPLES + findExample(c.workload)!.path], variables, roots: [EXAMPLES] };
}

function mapped(key: string, options: Parameters<typeof mapSpec>[1]): MapResult {
  const result = mapSpec(caseInput(key), { maxFusedLoops: 1, now: () => 0, ...options });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value;
}

/** Columns of a point: energy, latency, then peak bits per memory in name order. */
function columns(point: ParetoPoint, usage: boolean): number[] {
  const bits = usage ? Object.keys(point.usage!).sort().map((m) => point.usage![m]!) : [];
  return [point.energy, point.latency, ...bits];
}

function dominates(a: readonly number[], b: readonly number[]): boolean {
  return a.every((x, i) => x <= b[i]!) && a.some((x, i) => x < b[i]!);
}

function expectNonDominated(points: readonly ParetoPoint[], usage: boolean): void {
  const cols = points.map((p) => columns(p, usage));
  for (const a of cols) for (const b of cols) expect(dominates(a, b)).toBe(false);
}

const FUSED = 'tpu_v4i|matmuls|KN=64,M=64,N_EINSUMS=2|fused';
/**
 * A GlobalBuffer of throughput 1 and costly MainMemory: on-chip reuse saves energy but costs
 * time, so the energy-optimal and latency-optimal mappings differ.
 */
function tradeOff(options: Parameters<typeof mapSpec>[1]): MapResult {
  const variables = { N_EINSUMS: 2, M: 16, KN: 8, MainMemoryEnergy: 100, GlobalBufferThroughput: 1 };
  const result = mapSpec({ fs: new NodeFileSystem(), specFiles: [`${EXAMPLES}arches/simple.yaml`, `${EXAMPLES}workloads/basic/matmuls.yaml`], variables }, { maxFusedLoops: 1, now: () => 0, ...options });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value;
}

describe('ENERGY | LATENCY keeps the whole front instead of collapsing to EDP', () => {
  const front = tradeOff({ metrics: ENERGY_LATENCY });
  const edp = tradeOff({ metric: 'edp' });

  it('lists every point (11 here), none dominated, and EDP answers one of them', () => {
    expect(front.pareto).toHaveLength(11);
    expect(front.pareto).toContainEqual({ energy: 375808, latency: 66560 });
    expect(front.pareto).toContainEqual({ energy: 6350848, latency: 2048 });
    expectNonDominated(front.pareto, false);
    expect(edp.pareto).toHaveLength(1);
    const best = edp.pareto[0]!;
    expect(front.pareto.some((p) => p.energy === best.energy && p.latency === best.latency)).toBe(true);
  });

  it('has the energy-only and latency-only optima at its two ends', () => {
    const energy = tradeOff({ metric: 'energy' }).pareto[0]!;
    const latency = tradeOff({ metric: 'latency' }).pareto[0]!;
    expect(Math.min(...front.pareto.map((p) => p.energy))).toBe(energy.energy);
    expect(Math.min(...front.pareto.map((p) => p.latency))).toBe(latency.latency);
    expect(energy.energy).toBe(375808);
    expect(latency.latency).toBe(2048);
  });
});

describe('ENERGY | LATENCY | RESOURCE_USAGE', () => {
  it('gives each point its energy, latency and peak usage per finite memory, none dominated', () => {
    const result = mapped(FUSED, { metrics: THREE });
    expect(result.pareto.length).toBeGreaterThan(1);
    for (const point of result.pareto) expect(Object.keys(point.usage ?? {})).toContain('GlobalBuffer');
    expectNonDominated(result.pareto, true);
    expect(result.front).toHaveLength(result.pareto.length);
  });

  it('the resourceUsage option still means ENERGY | RESOURCE_USAGE under --metric energy', () => {
    const viaFlag = mapped(FUSED, { metric: 'energy', resourceUsage: true });
    const viaBits = mapped(FUSED, { metrics: METRICS.ENERGY | METRICS.RESOURCE_USAGE });
    expect(viaFlag.pareto).toEqual(viaBits.pareto);
    expect(viaBits.pareto.length).toBeGreaterThan(1);
  });

  it('is the same front with one worker and with two', async () => {
    const options = { metrics: THREE, maxFusedLoops: 1, now: () => 0 };
    const one = await mapOnNodePool(caseInput(FUSED), options, 1);
    const two = await mapOnNodePool(caseInput(FUSED), options, 2);
    if (!one.ok || !two.ok) throw new Error('mapping failed');
    expect(two.value.pareto).toEqual(one.value.pareto);
    expect(two.value.mappingYaml).toBe(one.value.mappingYaml);
    expect(one.value.pareto.length).toBeGreaterThan(1);
  }, 120_000);
});

describe('metric bits that are not objectives yet', () => {
  it('refuses DYNAMIC_ENERGY with an error at mapper.metrics', () => {
    const result = mapSpec(caseInput(FUSED), { metrics: METRICS.DYNAMIC_ENERGY | METRICS.LATENCY });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.message).toMatch(/DYNAMIC_ENERGY/);
    expect(result.errors[0]!.hint).toMatch(/ENERGY \(2\)/);
  });
});

describe('--metrics on the command line', () => {
  it('turns a comma-separated list into mapper.metrics bits, and keeps --metric as a shorthand', () => {
    expect(parseMapperSettings({ metrics: 'energy,latency,resource_usage' }).metrics).toBe(THREE);
    expect(parseMapperSettings({ metrics: 'EDP' }).metrics).toBe(METRICS.ENERGY_DELAY_PRODUCT);
    expect(parseMapperSettings({ metric: 'latency' }).metric).toBe('latency');
  });

  it('refuses unknown names and both flags at once', () => {
    expect(() => parseMapperSettings({ metrics: 'energy,area' })).toThrow("--metrics takes a comma-separated list of energy, latency, edp, resource_usage, dynamic_energy, leak_energy; got 'area'");
    expect(() => parseMapperSettings({ metric: 'edp', metrics: 'energy' })).toThrow('use either --metric or --metrics, not both');
  });
});
