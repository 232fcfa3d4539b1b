/**
 * A link's mapper point is found again by its mapping key; when the new front has no point with
 * that key (the engine or the design changed), the nearest point by energy and latency is shown
 * and the user is told, naming the engine version the link was made with.
 */
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../src/engine/results/engine-version.js';
import type { ResultPoint, ResultSet } from '../../src/ui/features/results/points.js';
import { createSharePayload, decodeShareFragment, encodeShareFragment, type ShareState } from '../../src/ui/share/codec.js';
import { findLinkPoint, linkPointOf, nearestPointIndex, sharedPoint, type LinkPoint } from '../../src/ui/share/point-ref.js';
import { DEFAULT_MAPPER } from '../../src/ui/store/spec-slice.js';

function point(energy: number, latency: number, mappingKey?: string): ResultPoint {
  return { energy, latency, edp: energy * latency, evaluation: null, ...(mappingKey ? { mappingKey } : {}) };
}

const FRONT = [point(1e-6, 4e-3, 'aaaa000000000001'), point(2e-6, 2e-3, 'aaaa000000000002'), point(8e-6, 1e-3, 'aaaa000000000003')];
const MAPPER: ResultSet = { source: 'mapper', points: FRONT };

describe('sharedPoint', () => {
  it("writes a mapper point's key and figures, and the run it came from", () => {
    expect(sharedPoint({ selectedPoint: 1, results: MAPPER, linkPoint: null })).toEqual({
      point: { index: 1, key: 'aaaa000000000002', energy: 2e-6, latency: 2e-3 },
      from: 'mapper',
    });
    expect(sharedPoint({ selectedPoint: 0, results: { ...MAPPER, unfused: true } })?.from).toBe('mapper-unfused');
  });

  it('leaves out infinite figures, which JSON cannot hold', () => {
    const results: ResultSet = { source: 'mapper', points: [point(Infinity, 3, 'aaaa000000000009')] };
    expect(sharedPoint({ selectedPoint: 0, results })?.point).toEqual({ index: 0, key: 'aaaa000000000009', latency: 3 });
  });

  it("passes on a link's point still waiting for its run, with the link's engine", () => {
    const pending: LinkPoint = { ref: { index: 4, key: 'bbbb000000000004', energy: 1, latency: 2 }, from: 'mapper', engine: '0.0.9' };
    expect(sharedPoint({ selectedPoint: 4, results: null, linkPoint: pending })).toEqual({ point: pending.ref, from: 'mapper', engine: '0.0.9' });
  });

  it('gives only the index of an evaluated point, and nothing without a selection', () => {
    expect(sharedPoint({ selectedPoint: 0, results: { source: 'evaluate', points: [point(1, 1)] } })).toEqual({ point: { index: 0 } });
    expect(sharedPoint({ selectedPoint: null, results: MAPPER })).toBeUndefined();
  });
});

describe('a mapper point through a link', () => {
  const state: ShareState = {
    files: {}, specFiles: ['arches/simple.yaml'], variables: {}, mapper: DEFAULT_MAPPER,
    breakdownBy: 'component', selectedEinsum: null, activeFile: 'arches/simple.yaml', selectedPoint: 2, results: MAPPER,
  };

  it('is read back as the same key, figures and engine version', () => {
    const decoded = decodeShareFragment(encodeShareFragment(createSharePayload(state, {})));
    if (!decoded.ok) throw new Error(decoded.message);
    expect(linkPointOf(decoded.payload)).toEqual({
      ref: { index: 2, key: 'aaaa000000000003', energy: 8e-6, latency: 1e-3 },
      from: 'mapper',
      engine: ENGINE_VERSION,
    });
  });

  it('is no link point when the point is not from a mapper run', () => {
    const payload = createSharePayload({ ...state, results: { source: 'evaluate', points: [point(1, 1)] }, selectedPoint: 0 }, {});
    expect(linkPointOf(payload)).toBeNull();
  });
});

describe('findLinkPoint', () => {
  const link = (ref: LinkPoint['ref'], engine?: string): LinkPoint => ({ ref, from: 'mapper', ...(engine ? { engine } : {}) });

  it('finds the point by key wherever it sits in the new front', () => {
    const reordered = [FRONT[2]!, FRONT[0]!, FRONT[1]!];
    expect(findLinkPoint(reordered, link({ index: 0, key: 'aaaa000000000001', energy: 1e-6, latency: 4e-3 }))).toEqual({ index: 1, notice: null });
  });

  it('shows the nearest point and says why when no point has the key (the engine changed)', () => {
    const found = findLinkPoint(FRONT, link({ index: 6, key: 'cccc000000000007', energy: 2.2e-6, latency: 1.9e-3 }, '0.0.9'));
    expect(found.index).toBe(1);
    expect(found.notice).toBe(
      "The link's point 7 (energy 2.2 µJ, latency 1.9 ms) is not on this run's Pareto front: no point has its mapping (key cccc000000000007). " +
        `The link was made with engine 0.0.9; this page runs ${ENGINE_VERSION}, whose mapper may find other mappings. ` +
        'Showing the nearest point instead: point 2 (energy 2 µJ, latency 2 ms).',
    );
  });

  it('says when the same engine made the link, or when the link names no engine', () => {
    const ref = { index: 0, key: 'cccc000000000001', energy: 9e-6, latency: 1e-3 };
    expect(findLinkPoint(FRONT, link(ref, ENGINE_VERSION)).notice).toContain(`made with this engine version (${ENGINE_VERSION}), so the design, the mapper settings or a time limit differ`);
    expect(findLinkPoint(FRONT, link(ref)).notice).toContain(`does not say which engine version made it; this page runs ${ENGINE_VERSION}`);
    expect(findLinkPoint(FRONT, link(ref)).index).toBe(2);
  });

  it('keeps the mapper choice when a keyed point has no figures to compare', () => {
    const found = findLinkPoint(FRONT, link({ index: 0, key: 'cccc000000000001' }));
    expect(found.index).toBeNull();
    expect(found.notice).toMatch(/Showing the mapper's choice instead\.$/);
  });

  it('opens a v1 link (index only) at its index, and says so when the front is shorter', () => {
    expect(findLinkPoint(FRONT, link({ index: 2 }))).toEqual({ index: 2, notice: null });
    expect(findLinkPoint(FRONT, link({ index: 5 }))).toEqual({
      index: null,
      notice: "The link's point 6 is not on this run's Pareto front (3 points); showing the mapper's choice instead.",
    });
  });
});

describe('nearestPointIndex', () => {
  it('weighs energy and latency by relative gap, whatever their units', () => {
    // 2x off in energy only (point 0) is nearer than 4x off in latency only (point 2).
    expect(nearestPointIndex([point(2, 1), point(50, 50), point(1, 4)], { energy: 1, latency: 1 })).toBe(0);
    expect(nearestPointIndex([point(1, Infinity), point(1.5, 1)], { energy: 1, latency: 1 })).toBe(1);
    expect(nearestPointIndex([], { energy: 1, latency: 1 })).toBeNull();
    expect(nearestPointIndex(FRONT, { energy: 1 })).toBeNull();
  });
});
