/** The Pareto chart's axes over mapper front points with memory usage and area, and the pool's progress. */
import { describe, expect, it } from 'vitest';
import { chartAxes, chartUnit, chartValue } from '../../../src/ui/features/results/pareto-axes.js';
import type { ResultPoint } from '../../../src/ui/features/results/points.js';
import { applyMapEvent, EMPTY_PROGRESS } from '../../../src/ui/features/run/map-progress.js';
import { workersFromUrl } from '../../../src/ui/features/run/map-run.js';
import type { MapRunEvent } from '../../../src/worker/protocol.js';

function point(energy: number, latency: number, usage?: Record<string, number>): ResultPoint {
  return { energy, latency, edp: energy * latency, evaluation: null, area: 2e-6, ...(usage ? { usage } : {}) };
}

describe('Pareto chart axes', () => {
  it('offers area and one usage axis per memory every point reports', () => {
    const points = [point(1, 4, { GlobalBuffer: 512, LocalBuffer: 64 }), point(2, 3, { GlobalBuffer: 256, LocalBuffer: 32 })];
    expect(chartAxes(points)).toEqual(['energy', 'latency', 'edp', 'area', 'usage:GlobalBuffer', 'usage:LocalBuffer']);
    expect(points.map((p) => chartValue(p, 'usage:GlobalBuffer'))).toEqual([512, 256]);
    expect(points.map((p) => chartValue(p, 'edp'))).toEqual([4, 6]);
    expect(chartValue(points[0]!, 'area')).toBe(2e-6);
    expect([chartUnit('usage:GlobalBuffer'), chartUnit('area'), chartUnit('latency')]).toEqual(['b', 'm²', 's']);
  });

  it('leaves out usage axes when a point lacks them (an energy/latency run)', () => {
    expect(chartAxes([point(1, 4, { GlobalBuffer: 1 }), point(2, 3)])).toEqual(['energy', 'latency', 'edp', 'area']);
    expect(chartValue(point(1, 1), 'usage:GlobalBuffer')).toBeNaN();
  });
});

describe('pool progress', () => {
  it('tracks what each worker is on and how many templates it finished', () => {
    const events: MapRunEvent[] = [
      { type: 'workers', workers: 2 },
      { type: 'worker', worker: 0, einsum: 'Matmul0', jobId: 3 },
      { type: 'worker', worker: 1, einsum: 'Matmul1', jobId: 7 },
      { type: 'worker', worker: 0, einsum: null, jobId: null },
    ];
    const progress = events.reduce(applyMapEvent, EMPTY_PROGRESS);
    expect(progress.workers).toEqual([
      { einsum: null, jobId: null, done: 1 },
      { einsum: 'Matmul1', jobId: 7, done: 0 },
    ]);
  });

  it('reads ?mapper-workers=N (1 to 8) and ignores anything else', () => {
    expect(workersFromUrl('?mapper-workers=1')).toBe(1);
    expect(workersFromUrl('?x=2&mapper-workers=8')).toBe(8);
    for (const bad of ['', '?mapper-workers=0', '?mapper-workers=9', '?mapper-workers=2.5', '?mapper-workers=abc']) expect(workersFromUrl(bad)).toBeUndefined();
  });
});
