import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../../src/cli/node-file-system.js';
import { mapSpec, mapSpecWith, runTemplateJob, scheduleOrder, type JobRunner, type MapperEvent, type MapResult, type TemplateFront } from '../../../src/engine/mapper/index.js';
import { findExample, findPreset, REGRESSION_CASES } from '../../../src/examples/index.js';

const EXAMPLES = new URL('../../../src/examples/', import.meta.url).pathname;
const FUSED = 'tpu_v4i|matmuls|KN=64,M=64,N_EINSUMS=2|fused';
const UNFUSED = 'snowcat|three_matmuls_annotated||unfused';

function caseInput(key: string) {
  const c = REGRESSION_CASES.find((r) => r.key === key)!;
  const variables = c.preset ? findPreset(findExample(c.workload)!, c.preset)!.values : {};
  const input = { fs: new NodeFileSystem(), specFiles: [EXAMPLES + findExample(c.arch)!.path, EXAMPLES + findExample(c.workload)!.path], variables };
  return { input, options: { metric: c.metric, unfused: c.variant === 'unfused', maxFusedLoops: 1, now: () => 0 } };
}

function summary(mapped: MapResult) {
  return JSON.stringify({ ...mapped.result.toCliJson(), pareto: mapped.pareto, mapping: mapped.mappingYaml, stats: mapped.stats });
}

/** Runs every job up front, then reports them in reverse order from later macrotasks: a worst-case completion order. */
const reversedRunner: JobRunner = async (jobs, onJobDone) => {
  const fronts: TemplateFront[] = jobs.map((job) => runTemplateJob(job));
  for (const front of fronts.reverse()) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    onJobDone(front);
  }
};

describe('mapSpecWith: an injected job executor gives the sequential result', () => {
  for (const key of [FUSED, UNFUSED]) {
    it(`${key}: in-process and reversed-completion executors both match mapSpec exactly`, async () => {
      const { input, options } = caseInput(key);
      const sequential = mapSpec(input, options);
      expect(sequential.ok).toBe(true);
      const inProcess = await mapSpecWith(input, options);
      const reversed = await mapSpecWith(input, { ...options, runJobs: reversedRunner });
      if (!sequential.ok || !inProcess.ok || !reversed.ok) throw new Error('mapping failed');
      expect(summary(inProcess.value)).toBe(summary(sequential.value));
      expect(summary(reversed.value)).toBe(summary(sequential.value));
    }, 60_000);
  }

  it('streams one template-done event per template, each Einsum front once its own templates are done', async () => {
    const { input, options } = caseInput(FUSED);
    const events: MapperEvent[] = [];
    const mapped = await mapSpecWith(input, options, (e) => events.push(e));
    if (!mapped.ok) throw new Error('mapping failed');
    const done = events.filter((e) => e.type === 'template-done');
    expect(done).toHaveLength(mapped.value.stats.templates);
    expect(new Set(done.map((e) => (e.type === 'template-done' ? e.jobId : -1))).size).toBe(mapped.value.stats.templates);
    // An Einsum's front follows its last template-done event and precedes the join.
    for (const [at, event] of events.entries()) {
      if (event.type !== 'einsum-front') continue;
      expect(events.slice(at).some((e) => e.type === 'template-done' && e.einsum === event.einsum)).toBe(false);
    }
    const lastTemplate = events.map((e) => e.type).lastIndexOf('template-done');
    expect(events.slice(0, lastTemplate).some((e) => e.type === 'join-step')).toBe(false);
    expect(events.at(-1)?.type).toBe('final');
  }, 60_000);
});

describe('scheduleOrder', () => {
  it('puts the templates with most nodes first and keeps id order among equals', () => {
    const job = (id: number, n: number) => ({ id, nodes: Array.from({ length: n }) }) as unknown as Parameters<typeof scheduleOrder>[0][number];
    expect(scheduleOrder([job(0, 3), job(1, 5), job(2, 3), job(3, 7)]).map((j) => j.id)).toEqual([3, 1, 0, 2]);
  });
});

describe('stopping a run', () => {
  it('a cancel after the first template ends with "mapping was cancelled"', async () => {
    const { input, options } = caseInput(FUSED);
    const cancel = new AbortController();
    let finished = 0;
    const started = Date.now();
    const mapped = await mapSpecWith(input, { ...options, signal: cancel.signal }, (e) => {
      if (e.type === 'template-done' && ++finished === 1) cancel.abort();
    });
    expect(mapped.ok).toBe(false);
    if (mapped.ok) return;
    expect(mapped.errors[0]!.message).toBe('mapping was cancelled');
    expect(finished).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 60_000);

  it('the time limit stops the run with a hint at mapper.time_limit', async () => {
    const { input, options } = caseInput(FUSED);
    let clock = 0;
    // Each reading of the clock advances one second; the limit is 3 s.
    const mapped = await mapSpecWith(input, { ...options, timeLimitSeconds: 3, now: () => (clock += 1000) });
    expect(mapped.ok).toBe(false);
    if (mapped.ok) return;
    // Matmul0's first template ends early; no template of Matmul1 ran, so no mapping is complete.
    expect(mapped.errors[0]!.message).toBe('the mapper hit its time limit of 3 s before finding any mapping of Einsum Matmul1');
    expect(mapped.errors[0]!.path).toEqual(['mapper', 'time_limit']);
    expect(mapped.errors[0]!.hint).toContain('--time-limit');
  }, 60_000);
});
