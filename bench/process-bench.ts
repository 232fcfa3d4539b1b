/**
 * Whole-process bench: our built CLI (`accelforge-web map`) against AccelForge main
 * (scripts/oracle/bench_case.py), each a fresh process with its default parallelism, interleaved
 * case by case (ours, then AccelForge), each from its own scratch working directory.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { processCases, selectCases, timeloopSpecPath, type ProcessCase } from './process-cases.js';
import { hasGnuTime, runMeasured, type ProcessRun } from './process-run.js';

const REPO = join(import.meta.dirname, '..');
const CLI = join(REPO, 'dist/cli/accelforge-web.mjs');
const DRIVER = join(REPO, 'scripts/oracle/bench_case.py');
const TIMELOOP = join(REPO, '../shared/reference/timeloop');

export interface ProcessBenchOptions {
  readonly cases: readonly string[];
  readonly accelForge: boolean;
  readonly timeoutSeconds: number;
  readonly outDir: string;
}

/** One side of one case: the measured process and the result it printed. */
export interface SideResult {
  readonly run: ProcessRun;
  readonly energy: number | null;
  readonly latency: number | null;
  readonly nMappings: number | null;
  readonly error: string | null;
}

export interface CaseResult {
  readonly case: ProcessCase;
  /** 1-minute load average when the case started (the machine is shared). */
  readonly loadAverage: number;
  readonly ours: SideResult;
  readonly accelForge: SideResult | null;
}

/** The oracle venv's python (docs/oracle.md), or null when AccelForge cannot be imported. */
export function findOraclePython(): string | null {
  const venv = process.env.AF_ORACLE ?? join(homedir(), '.cache/accelforge-oracle');
  const python = process.env.ACCELFORGE_PYTHON ?? join(venv, 'bin/python');
  if (!existsSync(python)) return null;
  return spawnSync(python, ['-c', 'import accelforge'], { stdio: 'ignore' }).status === 0 ? python : null;
}

function buildCli(): void {
  const built = spawnSync(process.execPath, [join(REPO, 'scripts/build-cli.mjs')], { cwd: REPO, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('bench: npm run build:cli failed');
}

const TIMELOOP_DESIGNS = 'workspace/example_designs/example_designs';
const TIMELOOP_SHARED = ['intmac', 'regfile', 'regfile_metadata', 'smartbuffer_RF', 'smartbuffer_SRAM', 'smartbuffer_metadata']
  .map((c) => `v4-2ffec69/${TIMELOOP_DESIGNS}/_components/${c}.yaml`)
  .concat([`v4-2ffec69/${TIMELOOP_DESIGNS}/_include/default_problem.yaml`, `v4-2ffec69/${TIMELOOP_DESIGNS}/_include/mapper.yaml`]);

/** Converts a Timeloop design with the built CLI (as the conformance test picks its files); false when the corpus is missing. */
function convertTimeloopDesign(design: string, outDir: string): boolean {
  if (!existsSync(TIMELOOP)) return false;
  const arch = design === 'eyeriss_like' ? `v4-2ffec69/${TIMELOOP_DESIGNS}/${design}/arch.yaml` : `v4/${TIMELOOP_DESIGNS}/${design}/arch.yaml`;
  mkdirSync(join(outDir, 'timeloop'), { recursive: true });
  const files = [arch, ...TIMELOOP_SHARED].map((f) => join(TIMELOOP, f));
  const out = spawnSync(process.execPath, [CLI, 'convert-timeloop', ...files, '-o', timeloopSpecPath(outDir, design), '--allow-read', TIMELOOP], { stdio: ['ignore', 'ignore', 'pipe'] });
  return out.status === 0;
}

function ourArgs(c: ProcessCase): string[] {
  const sets = Object.entries(c.variables).flatMap(([k, v]) => ['--set', `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`]);
  const settings = c.settings ? ['--metric', c.settings.metric, '--max-fused-loops', '1', ...(c.settings.fused ? [] : ['--unfused'])] : [];
  return [CLI, 'map', ...c.specFiles, ...sets, ...settings, '--json'];
}

function driverCase(c: ProcessCase): string {
  const settings = c.settings ? { metric: c.settings.metric.toUpperCase(), fused: c.settings.fused, max_fused_loops: 1 } : { metric: null };
  return JSON.stringify({ spec_files: c.specFiles, vars: c.variables, ...settings });
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

function sideResult(run: ProcessRun, parse: (stdout: string) => Record<string, unknown> | null): SideResult {
  const failed = (error: string): SideResult => ({ run, energy: null, latency: null, nMappings: null, error });
  if (run.outcome === 'timeout') return failed('timeout');
  const parsed = run.outcome === 'ok' ? parse(run.stdout) : null;
  if (!parsed) return failed(run.stderrTail || `exit without a result`);
  return { run, energy: numberOrNull(parsed.energy), latency: numberOrNull(parsed.latency), nMappings: numberOrNull(parsed.n_mappings), error: null };
}

function parseOurs(stdout: string): Record<string, unknown> | null {
  try {
    return JSON.parse(stdout) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function parseDriver(stdout: string): Record<string, unknown> | null {
  const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  return line ? (JSON.parse(line.slice('BENCH_RESULT '.length)) as Record<string, unknown>) : null;
}

/** Runs `command` from a fresh scratch folder that is removed afterwards. */
async function inScratch(command: string, args: readonly string[], timeoutSeconds: number): Promise<ProcessRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'accelforge-bench-'));
  try {
    return await runMeasured(command, args, scratch, timeoutSeconds);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Builds the CLI, converts the Timeloop designs, then times each selected case, ours then AccelForge's. */
export async function benchProcesses(options: ProcessBenchOptions, onCase: (r: CaseResult) => void): Promise<CaseResult[]> {
  buildCli();
  const python = options.accelForge ? findOraclePython() : null;
  if (options.accelForge && !python) process.stdout.write('process bench: AccelForge cannot be imported (run scripts/oracle/install.sh); timing ours only\n');
  if (!hasGnuTime()) process.stdout.write('process bench: /usr/bin/time is missing; the largest-process peak RSS is not measured\n');
  const selected = selectCases(processCases(options.outDir), options.cases);
  const results: CaseResult[] = [];
  for (const c of selected) {
    if (c.group === 'timeloop' && !convertTimeloopDesign(c.key.split('|')[1]!, options.outDir)) {
      process.stdout.write(`process bench: ${c.key} skipped (the Timeloop corpus ${TIMELOOP} is missing or does not convert)\n`);
      continue;
    }
    const loadAverage = loadavg()[0]!;
    const ours = sideResult(await inScratch(process.execPath, ourArgs(c), options.timeoutSeconds), parseOurs);
    const accelForge = python ? sideResult(await inScratch(python, [DRIVER, driverCase(c)], options.timeoutSeconds), parseDriver) : null;
    const result = { case: c, loadAverage, ours, accelForge };
    results.push(result);
    onCase(result);
  }
  return results;
}
