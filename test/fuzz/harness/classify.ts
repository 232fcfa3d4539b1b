/**
 * Judges one case's outcome against its expectation. Each problem names its class, so a failing
 * case says at a glance whether it crashed, hung, ran code, read the host, accepted nonsense,
 * or gave an error that is unclear or misplaced.
 */
import { formatSpecPath } from '../../../src/engine/index.js';
import type { BuiltCase } from './build-job.js';
import type { CaseOutcome, ExpectedError, FuzzCase, OpOutcome } from './case-types.js';

/** Text planted in a file outside the design root; it must never come back in any output. */
export const CANARY = 'FUZZ-CANARY-7f3a9c';

type Err = OpOutcome['errors'][number];

export function classify(fuzzCase: FuzzCase, built: BuiltCase, outcome: CaseOutcome): string[] {
  if (outcome.hang) return ['hang: no answer within the time limit'];
  const problems: string[] = [];
  if (outcome.codeRan) problems.push('code execution: a JavaScript payload in the spec ran');
  if (outcome.polluted) problems.push(`prototype pollution: the job added ${outcome.polluted.join(', ')} to a shared prototype`);
  for (const op of outcome.ops) {
    if (op.crash) problems.push(`crash in ${op.op}: ${op.crash}`);
    const internal = op.errors.find((e) => /internal error/i.test(e.message));
    if (internal) problems.push(`crash in ${op.op}: ${internal.message}`);
    if (op.text?.includes(CANARY) && !expectsCanary(fuzzCase)) problems.push(`host file read: ${op.op} output holds the canary from outside the design root`);
    if (op.crash || internal) continue;
    const expect = fuzzCase.expect;
    if ('error' in expect) problems.push(...judgeError(op, expect.error, built));
    else if ('okOrError' in expect) problems.push(...(op.errors.length > 0 ? judgeError(op, expect.okOrError, built) : judgeOk(op, expect.energy, [])));
    else problems.push(...judgeOk(op, expect.energy, expect.outputIncludes ?? []));
  }
  return problems;
}

/** The positive control (`--allow-read` on the canary's folder) must read it. */
function expectsCanary(fuzzCase: FuzzCase): boolean {
  return 'ok' in fuzzCase.expect && (fuzzCase.expect.outputIncludes ?? []).includes(CANARY);
}

function judgeError(op: OpOutcome, expected: ExpectedError, built: BuiltCase): string[] {
  if (op.errors.length === 0) return [`accepted nonsense: ${op.op} succeeded${nonsenseNote(op)}`];
  const wanted = expected.messageIncludes;
  const fragments = typeof wanted === 'string' ? [wanted] : wanted instanceof RegExp ? [] : wanted;
  const matches = (e: Err): boolean =>
    wanted instanceof RegExp ? wanted.test(readable(e)) : fragments.every((f) => readable(e).toLowerCase().includes(f.toLowerCase()));
  const error = op.errors.find(matches);
  if (!error) return [`unclear error in ${op.op}: none mentions ${wanted instanceof RegExp ? String(wanted) : JSON.stringify(fragments)}; got ${show(op.errors[0]!)}`];
  const problems: string[] = [];
  // A flag's problem has no source position, and the usage line is its hint.
  if ('commandLine' in built.pos!) return problems;
  if (expected.kind && error.kind !== 'cli' && error.kind !== expected.kind) problems.push(`wrong kind in ${op.op}: ${error.kind}, expected ${expected.kind}`);
  problems.push(...judgePos(op, error, built));
  if (!error.hint?.trim()) problems.push(`missing hint in ${op.op}: ${show(error)}`);
  return problems;
}

function judgePos(op: OpOutcome, error: Err, built: BuiltCase): string[] {
  const want = built.pos as { file: string; line: number | readonly number[]; col?: number };
  const lines = typeof want.line === 'number' ? [want.line] : want.line;
  const wanted = `${want.file}:${lines.join('|')}:${want.col ?? '*'}`;
  if (!error.pos) return [`misplaced error in ${op.op}: no position, expected ${wanted}`];
  const { file, line, col } = error.pos;
  const sameFile = file === want.file || file.endsWith(`/${want.file}`);
  const sameCol = want.col === undefined ? col >= 1 : col === want.col;
  if (sameFile && lines.includes(line) && sameCol) return [];
  return [`misplaced error in ${op.op}: at ${file}:${line}:${col}, expected ${wanted}`];
}

function judgeOk(op: OpOutcome, energy: number | undefined, outputIncludes: readonly string[]): string[] {
  if (op.errors.length > 0) return [`rejected a valid spec in ${op.op}: ${show(op.errors[0]!)}`];
  const problems: string[] = [];
  const flat = (text: string): string => text.replace(/\s+/g, '');
  // Whitespace is ignored, so pretty-printed and compact JSON both match.
  for (const text of outputIncludes) if (!flat(op.text ?? '').includes(flat(text))) problems.push(`missing output in ${op.op}: ${JSON.stringify(text)}`);
  const bad = nonsenseNote(op);
  if (bad) problems.push(`accepted nonsense: ${op.op}${bad}`);
  if (energy !== undefined && op.op === 'evaluate') {
    const got = op.numbers?.energy;
    if (got === undefined || Math.abs(got - energy) > 1e-9 * Math.max(1, Math.abs(energy))) problems.push(`wrong energy: ${got}, expected ${energy}`);
  }
  return problems;
}

/** Every figure a task reports is a count, size, energy, time, area or power: finite and ≥ 0. */
function nonsenseNote(op: OpOutcome): string {
  const bad = Object.entries(op.numbers ?? {}).filter(([, value]) => !Number.isFinite(value) || value < 0);
  if (bad.length === 0) return '';
  return ` with ${bad.slice(0, 3).map(([key, value]) => `${key} = ${value}`).join(', ')}`;
}

/** The message as the user reads it, with the spec path the CLI prints after it. */
function readable(error: Err): string {
  return error.path && error.path.length > 0 ? `${error.message} (at ${formatSpecPath(error.path)})` : error.message;
}

function show(error: Err): string {
  const where = error.pos ? `${error.pos.file}:${error.pos.line}:${error.pos.col}: ` : '';
  return `${where}${readable(error).slice(0, 200)}${error.hint ? ` (hint: ${error.hint.slice(0, 80)})` : ' (no hint)'}`;
}
