/**
 * Child process that runs fuzz jobs, one at a time, for the parent's pool (run-pool.ts).
 * It lives in its own process so a hang can be killed and a heap blow-up cannot take the test
 * runner down. Jobs arrive over IPC; each answer is a CaseOutcome.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkDesign, componentCosts, convertTimeloopResult, evaluateDesign, MemoryFileSystem, renderReportMarkdown } from '../../../src/engine/index.js';
import { MAP_TIME_LIMIT_SECONDS, type CaseOutcome, type FuzzJob, type FuzzOp, type OpOutcome } from './case-types.js';

/** A JavaScript payload in a hostile spec sets this global; the parent reports it as code execution. */
const PWNED_FLAG = '__FUZZ_PWNED__';

/** A file whose text starts with this becomes a symbolic link to the rest of the text. */
export const SYMLINK_PREFIX = '@symlink ';

type Flagged = Record<string, unknown>;

/** The shared prototypes a hostile key path could write into, with the names they start with. */
const PROTOTYPES: readonly object[] = [Object.prototype, Array.prototype, Function.prototype];
const PRISTINE = PROTOTYPES.map((proto) => new Set(Object.getOwnPropertyNames(proto)));

/** Names added to a shared prototype since start-up; they are removed so the next job starts clean. */
function takePollution(): string[] {
  const added: string[] = [];
  PROTOTYPES.forEach((proto, i) => {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (PRISTINE[i]!.has(name)) continue;
      added.push(name);
      delete (proto as Record<string, unknown>)[name];
    }
  });
  return added;
}

async function runJob(job: FuzzJob): Promise<CaseOutcome> {
  (globalThis as Flagged)[PWNED_FLAG] = undefined;
  const ops: OpOutcome[] = [];
  for (const op of job.ops) ops.push(job.via === 'cli' ? await runCliOp(job, op) : await runDesignOp(job, op));
  const polluted = takePollution();
  return { ops, codeRan: (globalThis as Flagged)[PWNED_FLAG] !== undefined, ...(polluted.length > 0 ? { polluted } : {}) };
}

async function runDesignOp(job: FuzzJob, op: FuzzOp): Promise<OpOutcome> {
  const design = { files: job.files, specFiles: job.specFiles, variables: job.variables };
  try {
    if (op === 'check') {
      const result = checkDesign(design);
      const numbers: Record<string, number> = {};
      for (const einsum of result.einsums) {
        numbers[`${einsum.name}.macs`] = einsum.macs;
        for (const [tensor, size] of Object.entries(einsum.tensorSizes)) numbers[`${einsum.name}.${tensor}.size`] = size;
        for (const [rank, bound] of Object.entries(einsum.rankVariableBounds)) numbers[`${einsum.name}.${rank}.bound`] = bound;
      }
      for (const path of result.archPaths) for (const node of path.nodes) numbers[`${path.einsum}.${node.name}.fanout`] = node.fanout;
      return { op, errors: result.errors, numbers, text: JSON.stringify(result) };
    }
    if (op === 'evaluate') {
      const result = evaluateDesign(design);
      const totals = result.evaluation?.totals;
      return { op, errors: result.errors, numbers: totals ? { ...totals } : {}, text: JSON.stringify(result) };
    }
    if (op === 'map') {
      const { mapDesign } = await import('../../../src/engine/pipeline/map-design.js');
      const result = mapDesign(design, { timeLimitSeconds: MAP_TIME_LIMIT_SECONDS });
      const totals = result.evaluation?.totals;
      return { op, errors: result.errors, numbers: totals ? { ...totals } : {}, text: JSON.stringify(result.evaluation?.einsums ?? []) };
    }
    if (op === 'convert') return convertAndCheck(job);
    const input = { fs: new MemoryFileSystem({ ...job.files }), specFiles: job.specFiles, variables: job.variables };
    const result = componentCosts(input);
    if (!result.ok) return { op, errors: result.errors };
    return { op, errors: [], numbers: componentNumbers(result.value), text: JSON.stringify(result.value) };
  } catch (error) {
    return { op, errors: [], crash: describe(error) };
  }
}

/** Timeloop files → spec (the explorer's import), then `check` on the spec the user would get. */
function convertAndCheck(job: FuzzJob): OpOutcome {
  const converted = convertTimeloopResult(Object.entries(job.files).map(([path, text]) => ({ path, text })));
  if (!converted.ok) return { op: 'convert', errors: converted.errors };
  const checked = checkDesign({ files: { 'converted.yaml': converted.value.yaml }, specFiles: ['converted.yaml'], variables: {} });
  const numbers: Record<string, number> = {};
  for (const path of checked.archPaths) for (const node of path.nodes) numbers[`${path.einsum}.${node.name}.fanout`] = node.fanout;
  // The report rides along so a case can require it to list what was dropped or approximated.
  return { op: 'convert', errors: checked.errors, numbers, text: `${converted.value.yaml}\n${renderReportMarkdown(converted.value.report)}` };
}

function componentNumbers(json: Readonly<Record<string, { area: number | null; leak_power: number; actions: Record<string, Record<string, number>> }>>): Record<string, number> {
  const numbers: Record<string, number> = {};
  for (const [name, report] of Object.entries(json)) {
    if (report.area !== null) numbers[`${name}.area`] = report.area;
    numbers[`${name}.leak_power`] = report.leak_power;
    for (const [action, figures] of Object.entries(report.actions)) {
      for (const [key, value] of Object.entries(figures)) {
        // Latency is 1/throughput: an infinite throughput (a free port) is meaningful, so skip those.
        if (key === 'throughput' && value === Infinity) continue;
        numbers[`${name}.${action}.${key}`] = value;
      }
    }
  }
  return numbers;
}

/** The CLI verb on disk: files under ROOT/design, the working directory set to it. */
async function runCliOp(job: FuzzJob, op: FuzzOp): Promise<OpOutcome> {
  const root = requireEnv('FUZZ_DESIGN_ROOT');
  rmSync(root, { recursive: true, force: true });
  for (const [path, text] of Object.entries(job.files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    if (text.startsWith(SYMLINK_PREFIX)) symlinkSync(text.slice(SYMLINK_PREFIX.length).trim(), join(root, path));
    else writeFileSync(join(root, path), text);
  }
  process.chdir(root);
  const sets = Object.entries(job.variables).flatMap(([key, value]) => ['--set', `${key}=${JSON.stringify(value)}`]);
  // Loaded on first use: the CLI pulls in the mapper, which design jobs mostly do not need.
  const { runVerb } = await import('../../../src/cli/commands/index.js');
  const captured = await captureOutput(() => runVerb(op, [...job.specFiles, ...sets, ...job.cliArgs]));
  return { op, ...captured };
}

/** Only the CLI's own output is captured; the harness never reads the user's terminal. */
async function captureOutput(run: () => Promise<number>): Promise<Omit<OpOutcome, 'op'>> {
  let out = '';
  const write = (chunk: unknown): boolean => {
    out += String(chunk);
    return true;
  };
  const saved = { stdout: process.stdout.write, stderr: process.stderr.write };
  process.stdout.write = write as typeof process.stdout.write;
  process.stderr.write = write as typeof process.stderr.write;
  let crash: string | undefined;
  try {
    await run();
  } catch (error) {
    // The CLI's main prints these two as clear messages (a usage error; a refused read), not crashes.
    const refused = error as { name?: string; message?: string; hint?: string };
    if (refused?.name === 'UsageError') out += `error: ${refused.message}\n`;
    else if (refused?.name === 'FileRefused') out += `error: ${refused.message}\n  hint: ${refused.hint}\n`;
    else crash = describe(error);
  } finally {
    process.stdout.write = saved.stdout;
    process.stderr.write = saved.stderr;
  }
  return { errors: parseCliErrors(out), text: out, ...(crash ? { crash } : {}) };
}

/** `file:line:col: error: message (at path)` lines, each optionally followed by `  hint: ...`. */
export function parseCliErrors(out: string): OpOutcome['errors'] {
  const errors: { kind: string; message: string; hint?: string; pos?: { file: string; line: number; col: number } }[] = [];
  for (const line of out.split('\n')) {
    const positioned = /^(.*?):(\d+):(\d+): error: (.*)$/.exec(line);
    const bare = /^error: (.*)$/.exec(line);
    if (positioned) {
      const [, file, row, col, message] = positioned;
      errors.push({ kind: 'cli', message: message!, pos: { file: file!, line: Number(row), col: Number(col) } });
    } else if (bare) errors.push({ kind: 'cli', message: bare[1]! });
    else if (line.startsWith('  hint: ') && errors.length > 0) errors[errors.length - 1]!.hint = line.slice(8);
  }
  return errors;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

process.on('message', async (job: FuzzJob) => {
  let outcome: CaseOutcome;
  try {
    outcome = await runJob(job);
  } catch (error) {
    outcome = { ops: [{ op: job.ops[0] ?? 'check', errors: [], crash: describe(error) }] };
  }
  process.send!(outcome);
});

// Tell the parent the engine is loaded, so its per-case clock starts only when a job is sent.
process.send!({ ready: true });
