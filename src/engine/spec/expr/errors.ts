import { specError, type SourcePos, type SpecError, type SpecPath } from '../../base/errors.js';

/** A failure while parsing or evaluating an expression; callers turn it into a SpecError. */
export class ExpressionError extends Error {
  /** Character offset in the expression source, when known. */
  offset: number | undefined;
  /** The expression source, filled in by the entry points. */
  source: string | undefined;

  constructor(
    message: string,
    readonly hint?: string,
    offset?: number,
  ) {
    super(message);
    this.name = 'ExpressionError';
    this.offset = offset;
    this.source = undefined;
  }

  /** The message with the expression and a caret under the failing offset. */
  describe(): string {
    if (this.source === undefined) return this.message;
    const caret = this.offset === undefined ? '' : `\n  ${' '.repeat(this.offset)}^`;
    return `${this.message}\n  in: ${this.source}${caret}`;
  }

  /** Converts to the user-facing error value for a spec field. */
  toSpecError(path: SpecPath, pos?: SourcePos): SpecError {
    const where = this.source === undefined ? '' : ` in expression \`${this.source}\``;
    const at = this.offset === undefined ? '' : ` (at character ${this.offset + 1})`;
    return specError('expression', `${this.message}${where}${at}`, {
      path,
      ...(pos ? { pos } : {}),
      ...(this.hint ? { hint: this.hint } : {}),
    });
  }
}

/** Throws an ExpressionError. */
export function fail(message: string, hint?: string, offset?: number): never {
  throw new ExpressionError(message, hint, offset);
}

/** Throws Python's TypeError as an ExpressionError. */
export function typeError(message: string, hint?: string): never {
  throw new ExpressionError(`TypeError: ${message}`, hint);
}

/** Throws Python's ValueError as an ExpressionError. */
export function valueError(message: string, hint?: string): never {
  throw new ExpressionError(`ValueError: ${message}`, hint);
}

/** Throws Python's ZeroDivisionError as an ExpressionError. */
export function zeroDivision(message: string): never {
  throw new ExpressionError(`ZeroDivisionError: ${message}`, 'Check the divisor; it evaluated to zero.');
}

/** Throws Python's OverflowError as an ExpressionError. */
export function overflowError(message: string): never {
  throw new ExpressionError(`OverflowError: ${message}`);
}

/** Levenshtein distance, used to suggest near-miss names. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Up to three candidates close to `name`, closest first. */
export function nearMisses(name: string, candidates: Iterable<string>): string[] {
  // One-letter typos of very short names would match almost anything.
  const limit = name.length <= 2 ? 0 : Math.max(1, Math.floor(name.length / 3));
  const scored: [number, string][] = [];
  const lower = name.toLowerCase();
  for (const candidate of new Set(candidates)) {
    if (candidate === name) continue;
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(name, candidate);
    if (distance <= limit) scored.push([distance, candidate]);
  }
  scored.sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : 1));
  return scored.slice(0, 3).map(([, candidate]) => candidate);
}

/** A "Did you mean ...?" hint, or undefined when nothing is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const close = nearMisses(name, candidates);
  if (close.length === 0) return undefined;
  return `Did you mean ${close.map((c) => `'${c}'`).join(' or ')}?`;
}
