/**
 * mapDesign (streamed progress, every front point with its mapping) and evaluatePoint through the
 * worker's EngineApi on simple + matmuls (N_EINSUMS=2, KN=M=64). The optimum 17235968 J /
 * 524288 s is the regression figure of test/engine/model/simple-matmuls.test.ts; the spec's own
 * unfused mapping evaluates to 17629184 J (test/worker/evaluate-design.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { DesignFiles } from '../../src/engine/api.js';
import type { MapRunEvent } from '../../src/worker/protocol.js';
import { displayFront } from '../../src/engine/pipeline/map-design.js';
import { BUNDLED_FILES } from '../../src/ui/features/examples/bundle.js';
import { createEngineApi } from '../../src/worker/engine-api.js';

const DESIGN: DesignFiles = {
  files: BUNDLED_FILES,
  specFiles: ['arches/simple.yaml', 'workloads/basic/matmuls.yaml'],
  variables: { KN: 64, M: 64, N_EINSUMS: 2 },
};
const OPTIMUM = { energy: 17235968, latency: 524288 };

describe('mapDesign with progress', () => {
  it('streams templates, template results, per-Einsum fronts, the join step and the final front', async () => {
    const events: MapRunEvent[] = [];
    const result = await createEngineApi().mapDesign(DESIGN, {}, (event) => events.push(event));
    expect(result.errors).toEqual([]);
    const fronts = events.filter((e) => e.type !== 'template-done').map((e) => `${e.type} ${'einsum' in e ? e.einsum : ''}`.trim());
    expect(fronts).toEqual(['workers', 'templates Matmul0', 'templates Matmul1', 'einsum-front Matmul0', 'einsum-front Matmul1', 'join-step Matmul1', 'final']);
    const templates = events.flatMap((e) => (e.type === 'templates' ? [e.count] : []));
    const done = events.filter((e) => e.type === 'template-done');
    expect(done).toHaveLength(templates.reduce((a, b) => a + b, 0));
    expect(result.stats?.templates).toBe(done.length);
    expect(done.reduce((total, e) => total + (e.type === 'template-done' ? e.evaluated : 0), 0)).toBe(result.stats?.evaluated);
    const final = events.at(-1);
    expect(final?.type === 'final' && final.front).toEqual([OPTIMUM]);
  });

  it('returns every front point with its mapping; the chosen one comes evaluated', async () => {
    const result = await createEngineApi().mapDesign(DESIGN, {});
    expect(result.front.map((p) => ({ energy: p.energy, latency: p.latency }))).toEqual([OPTIMUM]);
    expect(result.bestIndex).toBe(0);
    expect(result.pareto).toEqual([OPTIMUM]);
    expect(result.evaluation?.totals.energy).toBe(OPTIMUM.energy);
    expect(result.evaluation?.mappingYaml).toBe(result.front[0]?.mappingYaml);
    expect(result.front[0]?.mappingYaml).toMatch(/^mapping:\n {2}nodes:\n {2}- !Sequential\n/);
  });
});

describe('evaluatePoint', () => {
  it("re-evaluates a front point's mapping, even when the design has a mapping file of its own", async () => {
    const api = createEngineApi();
    const mapped = await api.mapDesign(DESIGN, {});
    const withMapping = { ...DESIGN, specFiles: [...DESIGN.specFiles, 'mappings/unfused_matmuls_to_simple.yaml'] };
    expect((await api.evaluateDesign(withMapping)).evaluation?.totals.energy).toBe(17629184);
    const point = await api.evaluatePoint(withMapping, mapped.front[0]!.mappingYaml);
    expect(point.errors).toEqual([]);
    expect(point.evaluation?.totals).toMatchObject(OPTIMUM);
    expect(point.evaluation?.einsums.map((e) => e.einsum)).toEqual(['Matmul0', 'Matmul1']);
  });

  it('reports a broken mapping as a SpecError', async () => {
    const point = await createEngineApi().evaluatePoint(DESIGN, 'mapping:\n  nodes:\n  - !Compute {einsum: Nope, component: MAC}\n');
    expect(point.evaluation).toBeNull();
    expect(point.errors[0]?.message).toContain('Nope');
  });
});

describe('displayFront', () => {
  it('keeps the energy/latency Pareto set, lowest energy first, without duplicates', () => {
    const points = [{ energy: 4, latency: 1 }, { energy: 1, latency: 4 }, { energy: 2, latency: 2 }, { energy: 3, latency: 3 }, { energy: 2, latency: 2 }];
    expect(displayFront(points)).toEqual([{ energy: 1, latency: 4 }, { energy: 2, latency: 2 }, { energy: 4, latency: 1 }]);
  });

  it('samples a long front evenly, keeping both ends', () => {
    const points = Array.from({ length: 9 }, (_, i) => ({ energy: i + 1, latency: 9 - i }));
    expect(displayFront(points, 3).map((p) => p.energy)).toEqual([1, 5, 9]);
  });
});
