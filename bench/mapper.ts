/**
 * `--warm-pool`: the mapper on AccelForge's 20 regression cases on a warm worker pool in this
 * process, against AccelForge's runtime inside one single-job process (start-up excluded on both
 * sides). Not a fair comparison of the tools; process-bench.ts is.
 */
import { join } from 'node:path';
import { createNodeMapperPool } from '../src/cli/mapper-pool.js';
import { NodeFileSystem } from '../src/cli/node-file-system.js';
import { mapSpecWith } from '../src/engine/mapper/index.js';
import { findExample, findPreset, REGRESSION_CASES, type RegressionCase } from '../src/examples/index.js';
import type { MapperPool } from '../src/worker/pool/index.js';
import { timeAccelForge, type AccelForgeTiming } from './mapper-accelforge.js';
import { findOraclePython } from './process-bench.js';
import { selectCases } from './process-cases.js';
import { median, type BenchRow } from './report.js';

const EXAMPLES = join(import.meta.dirname, '../src/examples');

export interface MapperBenchOptions {
  /** Substrings; a case runs when its key contains any of them. Empty: every case. */
  readonly cases: readonly string[];
  readonly accelForge: boolean;
  readonly workers: number;
  readonly timeoutSeconds: number;
}

async function timeOurs(pool: MapperPool | undefined, c: RegressionCase): Promise<number> {
  const workload = findExample(c.workload)!;
  const variables = c.preset ? findPreset(workload, c.preset)!.values : {};
  const specFiles = [join(EXAMPLES, findExample(c.arch)!.path), join(EXAMPLES, workload.path)];
  const options = { metric: c.metric, unfused: c.variant === 'unfused', maxFusedLoops: 1 };
  const start = performance.now();
  const runJobs = pool?.runner({ id: `bench ${c.key}`, specFiles, variables });
  const mapped = await mapSpecWith({ fs: new NodeFileSystem(), specFiles, variables }, { ...options, ...(runJobs ? { runJobs } : {}) });
  if (!mapped.ok) throw new Error(`${c.key}: ${mapped.errors[0]!.message}`);
  return (performance.now() - start) / 1000;
}

function describe(t: AccelForgeTiming | undefined): string {
  if (!t) return 'skipped';
  if ('seconds' in t) return `${t.seconds.toFixed(2)} s`;
  return 'timeout' in t ? 'timeout' : `error: ${t.error}`;
}

/** Times each selected case (ours on a warm pool, then AccelForge); prints a line per case. */
export async function benchMapper(options: MapperBenchOptions): Promise<BenchRow[]> {
  const selected = selectCases(REGRESSION_CASES, options.cases);
  const python = options.accelForge ? findOraclePython() : null;
  if (options.accelForge && !python) process.stdout.write('mapper: `import accelforge` fails here; timing our mapper only\n');
  const ours = options.workers > 1 ? `our mapper, s (${options.workers} workers, warm pool)` : 'our mapper, s (in-process)';
  const rows: BenchRow[] = [];
  const ratios: number[] = [];
  const bootStart = performance.now();
  const pool = options.workers > 1 ? createNodeMapperPool(options.workers) : undefined;
  try {
    if (pool && selected[0]) await timeOurs(pool, selected[0]); // boots the workers (tsx + engine load)
    if (pool) rows.push({ bench: 'warm pool', case: 'pool start-up + first case', metric: 's', value: (performance.now() - bootStart) / 1000, goal: 'info' });
    for (const c of selected) {
      const seconds = await timeOurs(pool, c);
      rows.push({ bench: 'warm pool', case: c.key, metric: ours, value: seconds, goal: '< AccelForge' });
      const theirs = python ? await timeAccelForge(python, c, options.timeoutSeconds) : undefined;
      const ratio = theirs && 'seconds' in theirs ? theirs.seconds / seconds : undefined;
      process.stdout.write(`mapper ${c.key}: ours ${seconds.toFixed(2)} s, AccelForge ${describe(theirs)}${ratio ? `, AccelForge/ours ${ratio.toFixed(1)}x` : ''}\n`);
      if (theirs && 'seconds' in theirs) rows.push({ bench: 'warm pool', case: c.key, metric: 'AccelForge, s (1 process)', value: theirs.seconds, goal: 'reference' });
      if (theirs && 'timeout' in theirs) rows.push({ bench: 'warm pool', case: c.key, metric: `AccelForge timeout (> ${options.timeoutSeconds} s)`, value: options.timeoutSeconds, goal: 'reference' });
      if (ratio) {
        ratios.push(ratio);
        rows.push({ bench: 'warm pool', case: c.key, metric: 'AccelForge time / our time', value: ratio, goal: '> 1' });
      }
    }
  } finally {
    pool?.close();
  }
  const oursTimes = rows.flatMap((r) => (r.metric === ours && typeof r.value === 'number' ? [r.value] : []));
  if (oursTimes.length) rows.push({ bench: 'warm pool', case: `median over ${oursTimes.length} cases`, metric: ours, value: median(oursTimes), goal: 'info' });
  if (ratios.length) rows.push({ bench: 'warm pool', case: `median over ${ratios.length} cases`, metric: 'AccelForge time / our time', value: median(ratios), goal: '> 1' });
  return rows;
}
