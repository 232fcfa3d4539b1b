/**
 * The one JSON writer of every `--json` output. JSON has no infinity, and JSON.stringify would
 * print it as null, which a reader cannot tell from "missing": infinite numbers are written as the
 * strings "Infinity" and "-Infinity". NaN is never written: a NaN figure means a bug or a spec the
 * checks missed, so the verb fails and names the figure.
 */
import { formatSpecPath } from '../engine/base/errors.js';

const NAN_MARK = '\u0000NaN\u0000';

/** A NaN in a result; `figure` is its path, e.g. `energy_breakdown[3].energy`. */
export class NotANumberInOutput extends Error {
  constructor(readonly figure: string) {
    super(`the result holds NaN (not a number) at ${figure}`);
    this.name = 'NotANumberInOutput';
  }
}

function replaceNonFinite(_key: string, value: unknown): unknown {
  if (typeof value !== 'number' || Number.isFinite(value)) return value;
  if (Number.isNaN(value)) return NAN_MARK;
  return value > 0 ? 'Infinity' : '-Infinity';
}

/** JSON text of `value` with infinities as strings; throws NotANumberInOutput for a NaN. */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value, replaceNonFinite);
  if (text !== undefined && text.includes(JSON.stringify(NAN_MARK))) {
    const path = pathOf(JSON.parse(text) as unknown, NAN_MARK) ?? [];
    throw new NotANumberInOutput(path.length > 0 ? formatSpecPath(path) : '(the whole result)');
  }
  return text ?? 'null';
}

/** Writes `value` as one line of JSON to stdout; returns the exit status (1 for a NaN). */
export function writeJson(value: unknown): number {
  try {
    process.stdout.write(`${toJsonText(value)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof NotANumberInOutput)) throw error;
    process.stderr.write(`error: ${error.message}; no JSON was written\n`);
    process.stderr.write('  hint: This is a bug in AccelForge Web or a spec value the checks missed; please report it with the spec.\n');
    return 1;
  }
}

/** Path of the first place `needle` occurs in parsed JSON. */
function pathOf(value: unknown, needle: string): (string | number)[] | undefined {
  if (value === needle) return [];
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((child, i) => [i, child])
    : typeof value === 'object' && value !== null
      ? Object.entries(value)
      : [];
  for (const [key, child] of children) {
    const found = pathOf(child, needle);
    if (found) return [key, ...found];
  }
  return undefined;
}
