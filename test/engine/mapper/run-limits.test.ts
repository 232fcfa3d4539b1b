import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../../src/cli/node-file-system.js';
import { createNodeMapperPool } from '../../../src/cli/mapper-pool.js';
import { MemoryFileSystem } from '../../../src/engine/io/memory-file-system.js';
import { joinFronts, mapSpec, mapSpecWith, type FrontRow, type MapperEvent } from '../../../src/engine/mapper/index.js';
import { MemoryBudget, MemoryLimitExceeded } from '../../../src/engine/mapper/memory-budget.js';
import { checkUsageLevels, runClock } from '../../../src/engine/mapper/run-limits.js';
import { SpecErrorException } from '../../../src/engine/base/errors.js';
import type { TemplateJob } from '../../../src/engine/mapper/types.js';
import { findExample, findPreset, REGRESSION_CASES } from '../../../src/examples/index.js';

const EXAMPLES = new URL('../../../src/examples/', import.meta.url).pathname;
const FUSED = 'tpu_v4i|matmuls|KN=64,M=64,N_EINSUMS=2|fused';

function caseInput(key: string) {
  const c = REGRESSION_CASES.find((r) => r.key === key)!;
  const variables = c.preset ? findPreset(findExample(c.workload)!, c.preset)!.values : {};
  const input = { fs: new NodeFileSystem(), specFiles: [EXAMPLES + findExample(c.arch)!.path, EXAMPLES + findExample(c.workload)!.path], variables };
  return { input, options: { metric: c.metric, unfused: c.variant === 'unfused', maxFusedLoops: 1 } };
}

function matmuls(m: number) {
  return { fs: new NodeFileSystem(), specFiles: [EXAMPLES + 'arches/simple.yaml', EXAMPLES + 'workloads/basic/matmuls.yaml'], variables: { N_EINSUMS: 1, M: m } };
}

/** GPT-3 175B prefill on the TPU: its fused search runs for minutes. */
function slowCase() {
  return {
    fs: new NodeFileSystem(),
    specFiles: [EXAMPLES + 'arches/tpu_v4i.yaml', EXAMPLES + 'workloads/transformers/gpt/gpt3_175B.yaml'],
    variables: { BATCH_SIZE: 1, DECODE: false, N_NEW_TOKENS: 2048 },
  };
}

describe('rank sizes', () => {
  it('a rank of 2^40 gets a clear error naming the rank, its size and the 32-bit limit', () => {
    const mapped = mapSpec(matmuls(2 ** 40));
    expect(mapped.ok).toBe(false);
    if (mapped.ok) return;
    const [error] = mapped.errors;
    expect(error!.message).toBe('rank variable `m` of Einsum Matmul0 has 1099511627776 values (2^40); the mapper holds tile shapes as 32-bit integers, so a rank variable may have at most 2147483647 (2^31 - 1)');
    expect(error!.path).toEqual(['workload', 'einsums', 0]);
    expect(error!.pos?.file).toMatch(/matmuls\.yaml$/);
    expect(error!.hint).toMatch(/^Split `m` into two rank variables/);
  });

  it('2^31 + 1 is refused and 2^31 - 1 (a prime) maps', () => {
    const over = mapSpec(matmuls(2 ** 31 + 1));
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.errors[0]!.message).toContain('has 2147483649 values');
    const edge = mapSpec(matmuls(2 ** 31 - 1));
    expect(edge.ok).toBe(true);
    if (!edge.ok) return;
    // A prime rank has only the tiles 1 and itself.
    const tiles = [...edge.value.mappingYaml.matchAll(/rank_variable: m, tile_shape: (\d+)/g)].map((m) => Number(m[1]));
    expect(tiles.length).toBeGreaterThan(0);
    for (const t of tiles) expect([1, 2147483647]).toContain(t);
  }, 60_000);

  it('a rank past 2^53 is an error before any count is rounded', () => {
    const mapped = mapSpec(matmuls(2 ** 53 + 2));
    expect(mapped.ok).toBe(false);
    if (mapped.ok) return;
    expect(mapped.errors[0]!.kind).toBe('workload');
    expect(mapped.errors[0]!.message).toBe('Rank variable `m` of Einsum Matmul0 has about 9.007e+15 values, more than 2^53 - 1 (9007199254740991), the largest count a number holds exactly.');
  });
});

describe('time limit', () => {
  it('counts from startedAt; running jobs and a join may each run one second past the limit', () => {
    let now = 5_000;
    const clock = runClock({ timeLimitSeconds: 3, now: () => now, startedAt: 1_000 }, Infinity);
    expect(clock.limitSeconds).toBe(3);
    now = 4_000;
    expect([clock.search.aborted, clock.drain.aborted]).toEqual([false, false]);
    now = 4_001;
    expect([clock.search.aborted, clock.drain.aborted]).toEqual([true, false]);
    now = 5_001;
    expect([clock.search.aborted, clock.drain.aborted]).toEqual([true, true]);
    // A join that starts after the drain still gets its own second.
    const join = clock.join();
    now = 6_001;
    expect(join.aborted).toBe(false);
    now = 6_002;
    expect(join.aborted).toBe(true);
    // No option: the spec's limit, here unlimited.
    expect(runClock({ now: () => 1e15 }, Infinity).search.aborted).toBe(false);
  });

  it('stopped after every Einsum has a mapping: the best mapping found, with a warning', () => {
    const { input, options } = caseInput(FUSED);
    const full = mapSpec(input, options);
    if (!full.ok) throw new Error(full.errors[0]!.message);
    expect(full.value.warnings).toEqual([]);
    // The clock stands still until Matmul1's first template is done, then jumps past the limit.
    let clock = 0;
    const onEvent = (e: MapperEvent) => {
      if (e.type === 'template-done' && e.einsum === 'Matmul1') clock = 10_000;
    };
    const stopped = mapSpec(input, { ...options, timeLimitSeconds: 5, now: () => clock }, onEvent);
    if (!stopped.ok) throw new Error(stopped.errors[0]!.message);
    expect(stopped.value.warnings).toEqual(['stopped at the time limit (5 s); results may not be optimal']);
    // Fewer templates were searched, so the result is a real mapping no better than the optimum.
    expect(stopped.value.stats.evaluated).toBeLessThan(full.value.stats.evaluated);
    expect(stopped.value.result.energy()).toBeGreaterThanOrEqual(full.value.result.energy());
    expect(stopped.value.mappingYaml).toContain('einsum: Matmul1');
  }, 60_000);

  it('stopped before some Einsum has a mapping: an error naming the limit and that Einsum', () => {
    const { input, options } = caseInput(FUSED);
    let clock = 0;
    const onEvent = (e: MapperEvent) => {
      if (e.type === 'template-done') clock = 10_000;
    };
    const stopped = mapSpec(input, { ...options, timeLimitSeconds: 5, now: () => clock }, onEvent);
    expect(stopped.ok).toBe(false);
    if (stopped.ok) return;
    expect(stopped.errors[0]!.message).toBe('the mapper hit its time limit of 5 s before finding any mapping of Einsum Matmul1');
    expect(stopped.errors[0]!.path).toEqual(['mapper', 'time_limit']);
  });

  // Does-not-hang guards: the search takes minutes, the limit is 1 s, the bound is generous.
  it('a run that takes minutes ends soon after a 1 s limit (in process)', () => {
    const started = Date.now();
    const mapped = mapSpec(slowCase(), { timeLimitSeconds: 1 });
    expect(Date.now() - started).toBeLessThan(20_000);
    if (mapped.ok) expect(mapped.value.warnings[0]).toMatch(/^stopped at the time limit/);
    else expect(mapped.errors[0]!.path).toEqual(['mapper', 'time_limit']);
  }, 60_000);

  it('the same on a pool of 2 worker threads, whose busy workers are stopped', async () => {
    const pool = createNodeMapperPool(2);
    try {
      const started = Date.now();
      const design = { id: 'slow', specFiles: slowCase().specFiles, variables: slowCase().variables };
      const mapped = await mapSpecWith(slowCase(), { timeLimitSeconds: 1, runJobs: pool.runner(design) });
      expect(Date.now() - started).toBeLessThan(30_000);
      if (mapped.ok) expect(mapped.value.warnings[0]).toMatch(/^stopped at the time limit/);
      else expect(mapped.errors[0]!.path).toEqual(['mapper', 'time_limit']);
    } finally {
      pool.close();
    }
  }, 90_000);
});

describe('min_usage levels', () => {
  it('are refused when their product passes 2^53 (the key that ranks them would be rounded)', () => {
    const job = (targets: number) => ({ einsum: 'E', compute: 'MAC', minUsage: Array.from({ length: targets }, () => ({ loops: [0], fanout: 2 ** 20, minUsage: 1 })) }) as unknown as TemplateJob;
    expect(() => checkUsageLevels([job(2)])).not.toThrow();
    let thrown: unknown;
    try {
      checkUsageLevels([job(3)]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SpecErrorException);
    expect((thrown as SpecErrorException).specError.message).toBe('Einsum E on MAC has 3 min_usage targets with about 1.15e+18 combined usage levels, more than the 2^53 the mapper ranks exactly');
  });
});

describe('memory limit', () => {
  it('a tiny memory_limit in the spec ends the run with a clear error naming it', () => {
    const read = (path: string) => readFileSync(EXAMPLES + path, 'utf8');
    const files = { '/arch.yaml': read('arches/tpu_v4i.yaml'), '/workload.yaml': read('workloads/basic/matmuls.yaml'), '/limits.yaml': 'mapper:\n  memory_limit: 2000\n' };
    const input = { fs: new MemoryFileSystem(files, '/'), specFiles: Object.keys(files), variables: { N_EINSUMS: 2, M: 64, KN: 64 } };
    const mapped = mapSpec(input, { maxFusedLoops: 1 });
    expect(mapped.ok).toBe(false);
    if (mapped.ok) return;
    expect(mapped.errors[0]!.message).toMatch(/^the mapper would need more than its memory limit of 2000 bytes \(about \d+ bytes for the partial tile choices of one template\)$/);
    expect(mapped.errors[0]!.path).toEqual(['mapper', 'memory_limit']);
    expect(mapped.errors[0]!.pos?.file).toBe('/limits.yaml');
    expect(mapped.errors[0]!.hint).toContain('--memory-limit');
  });

  it('MapOptions.memoryLimitBytes (the CLI flag) bounds the search too', () => {
    // Partial rows of a GPT-3 template outgrow 100 kB long before any front is done.
    const mapped = mapSpec(slowCase(), { memoryLimitBytes: 100_000 });
    expect(mapped.ok).toBe(false);
    if (mapped.ok) return;
    expect(mapped.errors[0]!.message).toMatch(/^the mapper would need more than its memory limit of 100000 bytes \(about \d+ bytes for the partial tile choices of one template\)$/);
  }, 60_000);

  it('a join step that outgrows the limit stops with MemoryLimitExceeded', () => {
    // Energy + latency is the same for every pair, so all 100 x 100 pairs are Pareto-optimal.
    const rows = (step: number, einsum: number): FrontRow[] => Array.from({ length: 100 }, (_, i) => ({ energy: step * i, latency: step * (99 - i), picks: [[einsum, i]], compat: '' }));
    const right = { einsumIndex: 1, einsum: 'B', rows: rows(1, 1) };
    expect(joinFronts(rows(100, 0), right, 'edp')).toHaveLength(10_000);
    expect(() => joinFronts(rows(100, 0), right, 'edp', new Set(), undefined, undefined, { budget: new MemoryBudget(100_000) })).toThrow(MemoryLimitExceeded);
  });

  it('the default limit lets ordinary runs finish', () => {
    const { input, options } = caseInput(FUSED);
    expect(mapSpec(input, options).ok).toBe(true);
  }, 60_000);
});
