/** AccelForge (Python, black box) on a regression case through scripts/oracle/run_case.py. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { findExample, findPreset, type RegressionCase } from '../src/examples/index.js';

const RUNNER = join(import.meta.dirname, '../scripts/oracle/run_case.py');

export type AccelForgeTiming = { readonly seconds: number } | { readonly timeout: true } | { readonly error: string };

/** run_case.py's JSON for a case: same settings as ours (EDP or ENERGY, max_fused_loops 1, unfused = keep All). */
export function oracleCase(c: RegressionCase): Record<string, unknown> {
  const workload = findExample(c.workload)!;
  const vars = c.preset ? findPreset(workload, c.preset)!.values : {};
  return {
    arch: c.arch,
    workload: workload.path.replace(/^workloads\//, '').replace(/\.yaml$/, ''),
    vars,
    fused: c.variant === 'fused',
    metric: c.metric === 'energy' ? 'ENERGY' : 'EDP',
    max_fused_loops: 1,
  };
}

/** AccelForge's own runtime (spec loading + mapping, single process; interpreter start-up excluded). */
export function timeAccelForge(python: string, c: RegressionCase, timeoutSeconds: number): Promise<AccelForgeTiming> {
  return new Promise((resolve) => {
    const child = spawn(python, [RUNNER, JSON.stringify(oracleCase(c))], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutSeconds * 1000);
    child.on('close', () => {
      clearTimeout(timer);
      if (timedOut) return resolve({ timeout: true });
      const line = stdout.split('\n').find((l) => l.startsWith('ORACLE_RESULT '));
      if (!line) return resolve({ error: stderr.trim().split('\n').at(-1) ?? 'no ORACLE_RESULT line' });
      const parsed = JSON.parse(line.slice('ORACLE_RESULT '.length)) as { runtime_s?: unknown };
      resolve(typeof parsed.runtime_s === 'number' ? { seconds: parsed.runtime_s } : { error: 'no runtime_s' });
    });
  });
}
