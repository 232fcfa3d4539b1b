/**
 * Capacity across fused Einsums is enforced in the join for every metric (docs/mapper.md §5.5):
 * a hand-sized case where the best row without reservations overflows the GlobalBuffer, so the
 * answer must be the next row. Figures from AccelForge (scripts/oracle/generate_reservation_case.py).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../../src/cli/node-file-system.js';
import { mapSpec, type MapOptions, type MapResult } from '../../../src/engine/mapper/index.js';
import { METRICS } from '../../../src/engine/spec/schema/mapper.js';

const EXAMPLES = new URL('../../../src/examples/', import.meta.url).pathname;
const FIXTURE = new URL('../../fixtures/oracle/reservation_overflow.json', import.meta.url);

interface OracleCase {
  readonly energy: number;
  readonly latency: number;
}
const oracle = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, OracleCase>;

function mapWithBuffer(bits: number, options: MapOptions = { metric: 'energy' }): MapResult {
  const variables = { N_EINSUMS: 2, M: 16, KN: 8, MainMemoryEnergy: 100, GlobalBufferSize: bits };
  const result = mapSpec({ fs: new NodeFileSystem(), specFiles: [`${EXAMPLES}arches/simple.yaml`, `${EXAMPLES}workloads/basic/matmuls.yaml`], variables }, { ...options, maxFusedLoops: 1, now: () => 0 });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value;
}

const close = (actual: number, expected: number) => expect(Math.abs(actual - expected) / expected).toBeLessThan(0.01);

describe('a fused mapping whose weights overflow the GlobalBuffer across Einsums', () => {
  const roomy = mapWithBuffer(1500);
  const tight = mapWithBuffer(1000);

  it('with 1500 bits, the best mapping keeps both weights on chip: 1024 + bits, AccelForge\'s figures', () => {
    close(roomy.result.energy(), oracle['GlobalBufferSize=1500']!.energy);
    close(roomy.result.latency(), oracle['GlobalBufferSize=1500']!.latency);
    expect(roomy.result.energy()).toBe(375808);
    // The same mapping on the energy/usage front: it needs more than a 1000-bit buffer.
    const withUsage = mapWithBuffer(1500, { metrics: METRICS.ENERGY | METRICS.RESOURCE_USAGE });
    const best = withUsage.pareto.find((p) => p.energy === 375808)!;
    expect(best.usage!.GlobalBuffer).toBeGreaterThan(1000);
  });

  it('with 1000 bits that row overflows, so the answer is the next one, as AccelForge finds', () => {
    close(tight.result.energy(), oracle['GlobalBufferSize=1000']!.energy);
    close(tight.result.latency(), oracle['GlobalBufferSize=1000']!.latency);
    expect(tight.result.energy()).toBe(479232);
    const withUsage = mapWithBuffer(1000, { metrics: METRICS.ENERGY | METRICS.RESOURCE_USAGE });
    expect(withUsage.pareto.some((p) => p.energy === 375808)).toBe(false);
    for (const point of withUsage.pareto) expect(point.usage!.GlobalBuffer).toBeLessThanOrEqual(1000);
  });

  it('EDP enforces the same capacity', () => {
    const roomyEdp = mapWithBuffer(1500, { metric: 'edp' });
    const edp = mapWithBuffer(1000, { metric: 'edp' });
    expect(roomyEdp.result.energy()).toBe(375808);
    expect(edp.result.energy()).toBe(479232);
  });
});
