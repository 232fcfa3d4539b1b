/**
 * Issue acceptance: AccelForge's hwcomponents_expected.json reproduced through the whole pipeline
 * (our example arch files + matmuls, N_EINSUMS=2, M=KN=64, Einsum Matmul0) within 1e-9.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../../src/cli/node-file-system.js';
import { componentCosts } from '../../../src/engine/index.js';

interface ExpectedComponent {
  area: number;
  leak_power: number;
  actions: Record<string, { energy: number; throughput: number }>;
}

/** The fixture is Python's json.dump output, which writes `Infinity` unquoted. */
const EXPECTED = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/components/hwcomponents_expected.json'), 'utf8').replace(/\bInfinity\b/g, '1e999'),
) as Record<string, Record<string, ExpectedComponent>>;
const EXAMPLES = join(import.meta.dirname, '../../../src/examples');

function expectClose(actual: number | null | undefined, expected: number, what: string): void {
  if (!Number.isFinite(expected) || expected === 0) {
    expect(actual, what).toBe(expected);
    return;
  }
  expect(Math.abs((actual ?? NaN) / expected - 1), `${what}: ${actual} vs ${expected}`).toBeLessThan(1e-9);
}

describe.each(Object.keys(EXPECTED))('components of %s (spec files → costs)', (arch) => {
  const result = componentCosts(
    {
      fs: new NodeFileSystem(),
      specFiles: [join(EXAMPLES, `arches/${arch}.yaml`), join(EXAMPLES, 'workloads/basic/matmuls.yaml')],
      variables: { N_EINSUMS: 2, M: 64, KN: 64 },
    },
    { einsum: 'Matmul0' },
  );

  it('reproduces every expected value', () => {
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
    for (const [name, expected] of Object.entries(EXPECTED[arch]!)) {
      const actual = result.value[name];
      expect(actual, name).toBeDefined();
      expectClose(actual!.area, expected.area, `${name}.area`);
      expectClose(actual!.leak_power, expected.leak_power, `${name}.leak_power`);
      for (const [action, cost] of Object.entries(expected.actions)) {
        expectClose(actual!.actions[action]?.energy, cost.energy, `${name}.${action}.energy`);
        expectClose(actual!.actions[action]?.throughput, cost.throughput, `${name}.${action}.throughput`);
      }
    }
  });
});
