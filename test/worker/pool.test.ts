import type { Remote } from 'comlink';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeMapperPool } from '../../src/cli/mapper-pool.js';
import { NodeFileSystem } from '../../src/cli/node-file-system.js';
import { mapSpec, mapSpecWith, type MapperEvent, type MapResult } from '../../src/engine/mapper/index.js';
import { findExample, findPreset, REGRESSION_CASES } from '../../src/examples/index.js';
import { createPoolWorkerApi, MapperPool, type PoolWorker, type PoolWorkerApi } from '../../src/worker/pool/index.js';

const EXAMPLES = new URL('../../src/examples/', import.meta.url).pathname;
const CASES = ['simple|matmuls|KN=64,M=64,N_EINSUMS=2|fused', 'tpu_v4i|matmuls|KN=64,M=64,N_EINSUMS=2|fused', 'snowcat|three_matmuls_annotated||unfused'];

function caseInput(key: string) {
  const c = REGRESSION_CASES.find((r) => r.key === key)!;
  const variables = c.preset ? findPreset(findExample(c.workload)!, c.preset)!.values : {};
  const specFiles = [EXAMPLES + findExample(c.arch)!.path, EXAMPLES + findExample(c.workload)!.path];
  return {
    design: { id: key, specFiles, variables },
    input: { fs: new NodeFileSystem(), specFiles, variables },
    options: { metric: c.metric, unfused: c.variant === 'unfused', maxFusedLoops: 1, now: () => 0 },
  };
}

function summary(mapped: MapResult) {
  return JSON.stringify({ ...mapped.result.toCliJson(), pareto: mapped.pareto, mapping: mapped.mappingYaml, stats: mapped.stats });
}

describe('Node worker pool (2 worker threads)', () => {
  const pool = createNodeMapperPool(2);
  afterAll(() => pool.close());

  for (const key of CASES) {
    it(`${key}: the same JSON as the in-process mapper`, async () => {
      const { design, input, options } = caseInput(key);
      const sequential = mapSpec(input, options);
      const parallel = await mapSpecWith(input, { ...options, runJobs: pool.runner(design) });
      if (!sequential.ok || !parallel.ok) throw new Error('mapping failed');
      expect(summary(parallel.value)).toBe(summary(sequential.value));
    }, 120_000);
  }

  it('a cancel ends the run promptly with "mapping was cancelled", and the pool still works afterwards', async () => {
    const { design, input, options } = caseInput(CASES[1]!);
    const cancel = new AbortController();
    let started = 0;
    const mapped = await mapSpecWith(input, { ...options, signal: cancel.signal, runJobs: pool.runner({ ...design, id: 'cancel' }) }, (e) => {
      if (e.type === 'template-done' && started === 0) {
        started = Date.now();
        cancel.abort();
      }
    });
    expect(mapped.ok).toBe(false);
    if (mapped.ok) return;
    expect(mapped.errors[0]!.message).toBe('mapping was cancelled');
    expect(Date.now() - started).toBeLessThan(2_000);
    const again = await mapSpecWith(caseInput(CASES[2]!).input, { ...caseInput(CASES[2]!).options, runJobs: pool.runner(caseInput(CASES[2]!).design) });
    expect(again.ok).toBe(true);
  }, 120_000);
});

/** In-thread stand-ins for workers; `crashOnRun` makes one die on its first job. */
function fakeWorkers(crashes: number) {
  let spawned = 0;
  let crashed = 0;
  const spawn = (): PoolWorker => {
    spawned++;
    const real = createPoolWorkerApi(new NodeFileSystem());
    let die: (reason: Error) => void = () => undefined;
    const died = new Promise<Error>((resolve) => (die = resolve));
    const api = {
      load: async (design: Parameters<PoolWorkerApi['load']>[0]) => real.load(design),
      run: async (designId: string, job: Parameters<PoolWorkerApi['run']>[1]) => {
        if (crashed < crashes) {
          crashed++;
          die(new Error('simulated crash'));
          return new Promise<never>(() => undefined);
        }
        return real.run(designId, job);
      },
    } as unknown as Remote<PoolWorkerApi>;
    return { api, died, terminate: () => undefined };
  };
  return { spawn, spawned: () => spawned };
}

describe('worker crashes', () => {
  const { design, input, options } = caseInput(CASES[2]!);

  it('a crashed worker is reported and its job retried on a fresh worker: same result', async () => {
    const workers = fakeWorkers(1);
    const reports: string[] = [];
    const pool = new MapperPool(workers.spawn, 2, { onWorkerCrash: (m) => reports.push(m) });
    const mapped = await mapSpecWith(input, { ...options, runJobs: pool.runner(design) });
    const sequential = mapSpec(input, options);
    if (!mapped.ok || !sequential.ok) throw new Error('mapping failed');
    expect(summary(mapped.value)).toBe(summary(sequential.value));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/^mapper worker died while running template \d+: simulated crash$/);
    expect(workers.spawned()).toBe(3);
  }, 60_000);

  it('a job that crashes two workers fails the run with a SpecError naming it', async () => {
    const pool = new MapperPool(fakeWorkers(2).spawn, 1);
    const mapped = await mapSpecWith(input, { ...options, runJobs: pool.runner(design) });
    expect(mapped.ok).toBe(false);
    if (mapped.ok) return;
    expect(mapped.errors[0]!.message).toMatch(/^a mapper worker failed: template \d+ crashed two workers: simulated crash$/);
    expect(mapped.errors[0]!.hint).toContain('--workers 1');
  }, 60_000);
});

describe('pool progress', () => {
  const { design, input, options } = caseInput(CASES[1]!);

  it('streams each Einsum front as soon as its templates are done, equal to the in-process fronts, and reports worker activity', async () => {
    const starts: number[] = [];
    let idles = 0;
    const pool = new MapperPool(fakeWorkers(0).spawn, 2, { onActivity: (worker, job) => (job === undefined ? idles++ : starts.push(worker)) });
    const pooled: MapperEvent[] = [];
    const mapped = await mapSpecWith(input, { ...options, runJobs: pool.runner(design) }, (e) => pooled.push(e));
    const sequential: MapperEvent[] = [];
    mapSpec(input, options, (e) => sequential.push(e));
    if (!mapped.ok) throw new Error('mapping failed');
    const fronts = (events: MapperEvent[]) => events.filter((e) => e.type === 'einsum-front' || e.type === 'join-step' || e.type === 'final');
    expect(fronts(pooled)).toEqual(fronts(sequential));
    // Matmul0's front arrives before Matmul1's last template is done.
    const firstFront = pooled.findIndex((e) => e.type === 'einsum-front');
    const lastTemplate = pooled.map((e) => e.type).lastIndexOf('template-done');
    expect(firstFront).toBeGreaterThan(0);
    expect(firstFront).toBeLessThan(lastTemplate);
    expect(starts).toHaveLength(mapped.value.stats.templates);
    expect(idles).toBe(starts.length);
    expect(new Set(starts)).toEqual(new Set([0, 1]));
  }, 60_000);
});
