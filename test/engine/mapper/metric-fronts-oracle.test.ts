/**
 * Three-metric fronts (ENERGY | LATENCY | RESOURCE_USAGE) against AccelForge
 * (scripts/oracle/generate_metric_fronts.py): the same energy-optimal and latency-optimal points
 * at 1 %, and the front size within 10 % (AccelForge's own size moves by about 1 % between runs).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../../src/cli/node-file-system.js';
import { mapSpec, type ParetoPoint } from '../../../src/engine/mapper/index.js';
import { METRICS } from '../../../src/engine/spec/schema/mapper.js';
import { findExample, findPreset, REGRESSION_CASES } from '../../../src/examples/index.js';

const EXAMPLES = new URL('../../../src/examples/', import.meta.url).pathname;
const FIXTURE = new URL('../../fixtures/oracle/metric_fronts.json', import.meta.url);

interface OracleFront {
  readonly key: string;
  readonly n_mappings: number;
  readonly points: readonly ParetoPoint[];
}
const fronts = JSON.parse(readFileSync(FIXTURE, 'utf8')) as readonly OracleFront[];

/** The lowest point in `first`, ties broken by `second`. */
function optimum(points: readonly ParetoPoint[], first: 'energy' | 'latency'): ParetoPoint {
  const second = first === 'energy' ? 'latency' : 'energy';
  return [...points].sort((a, b) => a[first] - b[first] || a[second] - b[second])[0]!;
}

const close = (actual: number, expected: number) => expect(Math.abs(actual - expected) / expected).toBeLessThan(0.01);

describe('three-metric fronts match AccelForge', () => {
  it('has at least one front', () => {
    expect(fronts.length).toBeGreaterThan(0);
  });
  for (const oracle of fronts) {
    it(oracle.key, () => {
      const c = REGRESSION_CASES.find((r) => r.key === oracle.key)!;
      const variables = c.preset ? findPreset(findExample(c.workload)!, c.preset)!.values : {};
      const input = { fs: new NodeFileSystem(), specFiles: [EXAMPLES + findExample(c.arch)!.path, EXAMPLES + findExample(c.workload)!.path], variables };
      const mapped = mapSpec(input, { metrics: METRICS.ENERGY | METRICS.LATENCY | METRICS.RESOURCE_USAGE, unfused: c.variant === 'unfused', maxFusedLoops: 1 });
      if (!mapped.ok) throw new Error(mapped.errors.map((e) => e.message).join('\n'));
      const ours = mapped.value.pareto;
      for (const by of ['energy', 'latency'] as const) {
        const [a, b] = [optimum(ours, by), optimum(oracle.points, by)];
        close(a.energy, b.energy);
        close(a.latency, b.latency);
      }
      expect(Math.abs(ours.length - oracle.n_mappings) / oracle.n_mappings).toBeLessThanOrEqual(0.1);
    }, 120_000);
  }
});
