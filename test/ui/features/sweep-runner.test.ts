import { describe, expect, it } from 'vitest';
import type { SweepPointSpec } from '../../../src/engine/sweep/index.js';
import { runDesignSweep, type PointOutcome, type PointRunner } from '../../../src/worker/sweep-runner.js';
import type { SweepEvent, SweepRequest } from '../../../src/worker/sweep-protocol.js';

const REQUEST: SweepRequest = {
  design: { files: {}, specFiles: ['a.yaml'], variables: { M: 8 } },
  knobs: [{ key: 'KN', values: '1, 2, 3, 4, 5' }],
  settings: { metric: 'energy' },
};

/** Two lanes; point i takes (5 - i) ms, so later points overtake earlier ones. */
function fakeRunner() {
  const started: number[] = [];
  let closed = 0;
  const runner: PointRunner = {
    size: 2,
    run: async (_design, spec: SweepPointSpec): Promise<PointOutcome> => {
      started.push(spec.index);
      await new Promise((resolve) => setTimeout(resolve, 5 - spec.index));
      return { point: { index: spec.index, knobs: spec.knobs, ok: true, errors: [], metrics: null, mappingYaml: null, seconds: 0 }, variables: spec.variables, fields: {}, evaluation: null };
    },
    close: () => void closed++,
  };
  return { runner, started, closed: () => closed };
}

describe('runDesignSweep with two lanes', () => {
  it('reports every point once, counts them as they finish and closes the runner', async () => {
    const { runner, started, closed } = fakeRunner();
    const events: SweepEvent[] = [];
    const summary = await runDesignSweep(REQUEST, (e) => void events.push(e), runner);
    expect(summary).toEqual({ errors: [], done: 5, total: 5, stopped: false });
    expect(events[0]).toEqual({ kind: 'start', knobs: [{ key: 'KN', kind: 'variable', values: [1, 2, 3, 4, 5] }], total: 5 });
    const points = events.filter((e) => e.kind === 'point');
    expect(points.map((e) => e.done)).toEqual([1, 2, 3, 4, 5]);
    expect(points.map((e) => e.point.index).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(points.find((e) => e.point.index === 3)!.variables).toEqual({ M: 8, KN: 4 });
    expect(started.slice(0, 2)).toEqual([0, 1]);
    expect(closed()).toBe(1);
  });

  it('starts no new point once the listener says stop', async () => {
    const { runner, started, closed } = fakeRunner();
    const summary = await runDesignSweep(REQUEST, (e) => e.kind === 'start' || e.done < 2, runner);
    expect(summary.stopped).toBe(true);
    expect(summary.done).toBe(2);
    expect(started.length).toBeLessThan(5);
    expect(closed()).toBe(1);
  });

  it('answers a bad field path value with the definition error and no events', async () => {
    const events: SweepEvent[] = [];
    const summary = await runDesignSweep({ ...REQUEST, knobs: [{ key: 'arch.nodes[0].size', values: 'big, small' }] }, (e) => void events.push(e));
    expect(summary.errors.map((e) => e.message)).toEqual(["sweep field arch.nodes[0].size takes numbers, got 'big'"]);
    expect(events).toEqual([]);
  });
});
