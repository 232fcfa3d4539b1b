import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cancelSweep, runSweepFromStore, sweepRequest } from '../../../src/ui/features/sweep/sweep-run.js';
import { sweepCsv } from '../../../src/ui/features/sweep/sweep-csv.js';
import { createExplorerStore } from '../../../src/ui/store/store.js';
import { createEngineClient } from '../../../src/worker/client.js';
import { createInProcessTransportFactory } from '../../../src/worker/in-process-transport.js';
import type { SweepEvent } from '../../../src/worker/sweep-protocol.js';

const EXAMPLES = new URL('../../../src/examples/', import.meta.url);
const EYERISS = 'arches/eyeriss.yaml';
const MATMULS = 'workloads/basic/matmuls.yaml';
const BUNDLED = Object.fromEntries([EYERISS, MATMULS].map((p) => [p, readFileSync(new URL(p, EXAMPLES), 'utf8')]));
const GLB = 'arch.nodes[name=GlobalBuffer].size';

function eyerissStore(knobs: { key: string; values: string }[]) {
  const store = createExplorerStore({ files: { ...BUNDLED }, specFiles: [EYERISS, MATMULS], variables: { N_EINSUMS: 1, M: 16, KN: 16 } });
  store.getState().setSweepDefinition({ knobs, metric: 'energy', perCompute: true, breakdown: true });
  return store;
}

describe('sweepRequest', () => {
  it('carries the design, the mapper settings and the non-blank knobs', () => {
    const store = eyerissStore([{ key: ` ${GLB} `, values: '256, 1MB' }, { key: '', values: '' }]);
    const request = sweepRequest(store.getState(), { bundled: BUNDLED, examples: [] });
    expect(request.knobs).toEqual([{ key: GLB, values: '256, 1MB' }]);
    expect(request.settings).toEqual({ metric: 'edp', maxFusedLoops: 1, timeLimitSeconds: 60 });
    expect(request.design.specFiles).toEqual([EYERISS, MATMULS]);
    expect(request.design.variables).toEqual({ N_EINSUMS: 1, M: 16, KN: 16 });
  });
});

describe('runSweepFromStore on eyeriss with a 16×16×16 matmul', () => {
  it('streams the grid, then each point with its metrics and evaluated best mapping', async () => {
    const store = eyerissStore([{ key: GLB, values: '256, 1MB' }]);
    const client = createEngineClient(createInProcessTransportFactory());
    const seen: string[] = [];
    store.subscribe((s, prev) => {
      if (s.sweepRun !== prev.sweepRun && s.sweepRun) seen.push(`${s.sweepRun.status}:${s.sweepRun.total}:${s.sweepRun.points.length}`);
    });
    await runSweepFromStore(store, { client, bundled: BUNDLED, examples: [] });
    const run = store.getState().sweepRun!;
    expect(seen).toEqual(['running:0:0', 'running:2:0', 'running:2:1', 'running:2:2', 'done:2:2']);
    // 1MB is converted to bits: 1024 × 1024 × 8.
    expect(run.knobs).toEqual([{ key: GLB, kind: 'field', values: [256, 8388608] }]);
    const [small, large] = run.points;
    expect(small!.fields).toEqual({ [GLB]: 256 });
    expect(large!.fields).toEqual({ [GLB]: 8388608 });
    for (const p of run.points) {
      expect(p.point.errors).toEqual([]);
      expect(p.point.metrics!.computeOps).toBe(16 ** 3);
      expect(p.evaluation!.totals.energy).toBe(p.point.metrics!.energy);
      expect(p.evaluation!.mappingYaml).toBe(p.point.mappingYaml);
    }
    expect(small!.point.metrics!.area).toBeLessThan(large!.point.metrics!.area);
    const csv = sweepCsv(run).trimEnd().split('\n');
    expect(csv).toHaveLength(3);
    expect(csv[0]!.split(',').slice(0, 3)).toEqual([GLB, 'energy', 'latency']);
    expect(csv[1]!.split(',')[0]).toBe('256');
  }, 60_000);

  it('reports a bad values expression as the run error, with no points', async () => {
    const store = eyerissStore([{ key: GLB, values: 'log:0:4MB:3' }]);
    const client = createEngineClient(createInProcessTransportFactory());
    await runSweepFromStore(store, { client, bundled: BUNDLED, examples: [] });
    const run = store.getState().sweepRun!;
    expect(run.status).toBe('failed');
    expect(run.points).toEqual([]);
    expect(run.errors[0]!.message).toBe("bad sweep values 'log:0:4MB:3': log ranges need positive START and STOP");
  });

  it('stops an in-process sweep on cancel, keeping the points that finished', async () => {
    const store = eyerissStore([{ key: 'KN', values: '4, 8, 16' }]);
    const client = createEngineClient(createInProcessTransportFactory());
    const events: SweepEvent['kind'][] = [];
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.sweepRun?.points.length === 1 && prev.sweepRun?.points.length === 0) cancelSweep(store, client);
    });
    const outcome = client.runSweep(sweepRequest(store.getState(), { bundled: BUNDLED, examples: [] }), (e) => void events.push(e.kind));
    await runSweepFromStore(store, { client, bundled: BUNDLED, examples: [] });
    unsubscribe();
    // The older sweep was superseded by the newer one, then swept up by the cancel.
    expect((await outcome).status).toBe('cancelled');
    const run = store.getState().sweepRun!;
    expect(run.status).toBe('cancelled');
    expect(run.points.map((p) => p.point.knobs)).toEqual([{ KN: 4 }]);
    expect(run.points[0]!.variables).toEqual({ N_EINSUMS: 1, M: 16, KN: 4 });
    expect(events).toEqual(['start']);
  }, 60_000);
});
