/** The mapper on AccelForge's 20 regression cases, on the worker pool, against AccelForge itself. */
import { join } from 'node:path';
import { createNodeMapperPool, defaultWorkerCount } from '../src/cli/mapper-pool.js';
import { NodeFileSystem } from '../src/cli/node-file-system.js';
import { mapSpecWith } from '../src/engine/mapper/index.js';
import { findExample, findPreset, REGRESSION_CASES, type RegressionCase } from '../src/examples/index.js';
import type { MapperPool } from '../src/worker/pool/index.js';
import { accelForgeAvailable, timeAccelForge, type AccelForgeTiming } from './mapper-accelforge.js';
import type { BenchRow } from './report.js';

const EXAMPLES = join(import.meta.dirname, '../src/examples');

export interface MapperBenchOptions {
  /** Substrings; a case runs when its key contains any of them. Empty: every case. */
  readonly cases: readonly string[];
  readonly accelForge: boolean;
  readonly workers: number;
  readonly timeoutSeconds: number;
}

/** `--cases a,b --no-accelforge --workers N --timeout S` from the bench's command line. */
export function mapperBenchOptions(argv: readonly string[]): MapperBenchOptions {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
  };
  // Case keys contain commas (`KN=64,M=64`): only a comma not followed by `NAME=` separates filters.
  const cases = value('--cases')?.split(/,(?![^|,]*=)/).filter((s) => s.length > 0) ?? [];
  return {
    cases,
    accelForge: !argv.includes('--no-accelforge'),
    workers: Math.max(1, Number(value('--workers') ?? defaultWorkerCount())),
    timeoutSeconds: Number(value('--timeout') ?? 300),
  };
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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function describe(t: AccelForgeTiming | undefined): string {
  if (!t) return 'skipped';
  if ('seconds' in t) return `${t.seconds.toFixed(2)} s`;
  return 'timeout' in t ? 'timeout' : `error: ${t.error}`;
}

/** Times each selected case (ours on a warm pool, then AccelForge); prints a line per case. */
export async function benchMapper(options: MapperBenchOptions): Promise<BenchRow[]> {
  const selected = REGRESSION_CASES.filter((c) => options.cases.length === 0 || options.cases.some((s) => c.key.includes(s)));
  const withAccelForge = options.accelForge && accelForgeAvailable();
  if (options.accelForge && !withAccelForge) process.stdout.write('mapper: `import accelforge` fails here; timing our mapper only\n');
  const ours = options.workers > 1 ? `our mapper, s (${options.workers} workers, warm pool)` : 'our mapper, s (in-process)';
  const rows: BenchRow[] = [];
  const ratios: number[] = [];
  const bootStart = performance.now();
  const pool = options.workers > 1 ? createNodeMapperPool(options.workers) : undefined;
  try {
    if (pool && selected[0]) await timeOurs(pool, selected[0]); // boots the workers (tsx + engine load)
    if (pool) rows.push({ bench: 'mapper', case: 'pool start-up + first case', metric: 's', value: (performance.now() - bootStart) / 1000, goal: 'info' });
    for (const c of selected) {
      const seconds = await timeOurs(pool, c);
      rows.push({ bench: 'mapper', case: c.key, metric: ours, value: seconds, goal: '< AccelForge' });
      const theirs = withAccelForge ? await timeAccelForge(c, options.timeoutSeconds) : undefined;
      const ratio = theirs && 'seconds' in theirs ? theirs.seconds / seconds : undefined;
      process.stdout.write(`mapper ${c.key}: ours ${seconds.toFixed(2)} s, AccelForge ${describe(theirs)}${ratio ? `, AccelForge/ours ${ratio.toFixed(1)}x` : ''}\n`);
      if (theirs && 'seconds' in theirs) rows.push({ bench: 'mapper', case: c.key, metric: 'AccelForge, s (1 process)', value: theirs.seconds, goal: 'reference' });
      if (theirs && 'timeout' in theirs) rows.push({ bench: 'mapper', case: c.key, metric: `AccelForge timeout (> ${options.timeoutSeconds} s)`, value: options.timeoutSeconds, goal: 'reference' });
      if (ratio) {
        ratios.push(ratio);
        rows.push({ bench: 'mapper', case: c.key, metric: 'AccelForge time / our time', value: ratio, goal: '> 1' });
      }
    }
  } finally {
    pool?.close();
  }
  const oursTimes = rows.filter((r) => r.metric === ours).map((r) => r.value);
  if (oursTimes.length) rows.push({ bench: 'mapper', case: `median over ${oursTimes.length} cases`, metric: ours, value: median(oursTimes), goal: 'info' });
  if (ratios.length) rows.push({ bench: 'mapper', case: `median over ${ratios.length} cases`, metric: 'AccelForge time / our time', value: median(ratios), goal: '> 1' });
  return rows;
}
