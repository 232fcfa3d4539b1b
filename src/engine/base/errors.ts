/**
 * Every user-facing problem becomes a SpecError: what went wrong, where (file:line:col and the
 * spec path), and how to fix it. Stack traces never reach the user.
 */
export type SpecPath = readonly (string | number)[];

export interface SourcePos {
  /** Path of the file as the user named it (or the in-memory name). */
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly col: number;
}

export type SpecErrorKind =
  | 'io'
  | 'yaml'
  | 'jinja'
  | 'schema'
  | 'expression'
  | 'workload'
  | 'arch'
  | 'mapping'
  | 'model'
  | 'mapper'
  | 'component';

export interface SpecError {
  readonly kind: SpecErrorKind;
  readonly message: string;
  /** Where in the spec, e.g. ['arch', 'nodes', 2, 'size']. Empty when not tied to a field. */
  readonly path: SpecPath;
  /** Where in the source text, when known. */
  readonly pos?: SourcePos;
  /** How to fix it. */
  readonly hint?: string;
}

/** Thrown inside a stage and caught at its boundary, where it becomes a Result. */
export class SpecErrorException extends Error {
  /**
   * `valueOffset`: the character of the blamed value the error is about (a name inside an
   * expression); the position is moved there when the value is written verbatim on one line.
   */
  constructor(
    readonly specError: SpecError,
    readonly valueOffset?: number,
  ) {
    super(specError.message);
    this.name = 'SpecErrorException';
  }
}

export function specError(
  kind: SpecErrorKind,
  message: string,
  extra: { path?: SpecPath; pos?: SourcePos; hint?: string } = {},
): SpecError {
  return {
    kind,
    message,
    path: extra.path ?? [],
    ...(extra.pos ? { pos: extra.pos } : {}),
    ...(extra.hint ? { hint: extra.hint } : {}),
  };
}

export function failWith(
  kind: SpecErrorKind,
  message: string,
  extra: { path?: SpecPath; pos?: SourcePos; hint?: string; valueOffset?: number } = {},
): never {
  throw new SpecErrorException(specError(kind, message, extra), extra.valueOffset);
}

/** `arch.nodes[2].size` */
export function formatSpecPath(path: SpecPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/** `file:line:col: message (at arch.nodes[2].size)\n  hint: ...` */
export function formatSpecError(error: SpecError): string {
  const where = error.pos ? `${error.pos.file}:${error.pos.line}:${error.pos.col}: ` : '';
  const path = error.path.length > 0 ? ` (at ${formatSpecPath(error.path)})` : '';
  const hint = error.hint ? `\n  hint: ${error.hint}` : '';
  return `${where}error: ${error.message}${path}${hint}`;
}
