/** Turns a declarative case into a concrete job and resolves where its error must point. */
import { BASES, exampleText } from '../cases/bases.js';
import type { ExpectedPos, FuzzCase, FuzzJob, FuzzOp, Mutation } from './case-types.js';

export interface BuiltCase {
  readonly job: FuzzJob;
  /** The blamed position, or undefined for an `ok` case. `col` undefined = any column. */
  readonly pos?: { readonly file: string; readonly line: number | readonly number[]; readonly col?: number } | { readonly commandLine: true };
}

/** Placeholders a case may use in its texts, e.g. `$OUTSIDE` for a folder beside the design root. */
export type Placeholders = Readonly<Record<string, string>>;

export function buildCase(fuzzCase: FuzzCase, placeholders: Placeholders = {}): BuiltCase {
  const fill = (text: string): string => Object.entries(placeholders).reduce((t, [key, value]) => t.split(key).join(value), text);
  const base = fuzzCase.files ? undefined : BASES[fuzzCase.base ?? 'simple'];
  if (!fuzzCase.files && !base) throw new Error(`${fuzzCase.name}: unknown base '${fuzzCase.base}'`);
  const files: Record<string, string> = {};
  for (const [name, source] of Object.entries(fuzzCase.files ?? base!.files)) files[name] = fuzzCase.files ? fill(source) : exampleText(source);
  const spans: Record<string, { start: number; text: string }> = {};
  for (const mutation of fuzzCase.mutations ?? []) applyMutation(files, fillMutation(mutation, fill), spans, fuzzCase.name);
  const ops: FuzzOp[] = [...(fuzzCase.ops ?? (base?.hasMapping ? ['check', 'evaluate'] : ['check']))];
  const job: FuzzJob = {
    name: fuzzCase.name,
    files,
    specFiles: Object.keys(fuzzCase.files ?? base!.files),
    variables: { ...(base?.variables ?? {}), ...(fuzzCase.variables ?? {}) },
    ops,
    via: fuzzCase.via ?? 'design',
    cliArgs: (fuzzCase.cliArgs ?? []).map(fill),
  };
  const expected = 'error' in fuzzCase.expect ? fuzzCase.expect.error : 'okOrError' in fuzzCase.expect ? fuzzCase.expect.okOrError : undefined;
  if (!expected) return { job };
  return { job, pos: resolvePos(expected.pos, files, spans, fill, fuzzCase) };
}

function fillMutation(mutation: Mutation, fill: (text: string) => string): Mutation {
  if ('find' in mutation) return { ...mutation, replace: fill(mutation.replace) };
  if ('prepend' in mutation) return { ...mutation, prepend: fill(mutation.prepend) };
  if ('create' in mutation) return { ...mutation, create: fill(mutation.create) };
  return { ...mutation, append: fill(mutation.append) };
}

function applyMutation(files: Record<string, string>, mutation: Mutation, spans: Record<string, { start: number; text: string }>, name: string): void {
  if ('create' in mutation) {
    files[mutation.file] = mutation.create;
    return;
  }
  const text = files[mutation.file];
  if (text === undefined) throw new Error(`${name}: no file '${mutation.file}' to mutate`);
  if ('find' in mutation) {
    const at = text.indexOf(mutation.find);
    if (at < 0) throw new Error(`${name}: '${mutation.find}' not found in ${mutation.file}`);
    files[mutation.file] = text.slice(0, at) + mutation.replace + text.slice(at + mutation.find.length);
    spans[mutation.file] = { start: at, text: mutation.replace };
  } else if ('prepend' in mutation) {
    files[mutation.file] = mutation.prepend + text;
    spans[mutation.file] = { start: 0, text: mutation.prepend };
  } else {
    files[mutation.file] = text + mutation.append;
    spans[mutation.file] = { start: text.length, text: mutation.append };
  }
}

function resolvePos(
  expected: ExpectedPos,
  files: Record<string, string>,
  spans: Record<string, { start: number; text: string }>,
  fill: (text: string) => string,
  fuzzCase: FuzzCase,
): NonNullable<BuiltCase['pos']> {
  if ('commandLine' in expected) return expected;
  if ('line' in expected) return { file: expected.file, line: expected.line, ...(expected.col ? { col: expected.col } : {}) };
  const file = expected.file ?? fuzzCase.mutations?.[fuzzCase.mutations.length - 1]?.file ?? Object.keys(files)[0]!;
  const text = files[file];
  if (text === undefined) throw new Error(`${fuzzCase.name}: no file '${file}' for the expected position`);
  const span = spans[file] ?? { start: 0, text };
  const needle = fill(expected.at);
  // A deletion leaves no replacement text: the marker is then the first one in the whole file.
  const inSpan = span.text.indexOf(needle);
  const offset = inSpan >= 0 ? span.start + inSpan : text.indexOf(needle);
  if (offset < 0) throw new Error(`${fuzzCase.name}: '${needle}' is not in ${file}`);
  const { line, col } = lineCol(text, offset + (expected.skip ?? 0));
  return { file, line, ...(expected.col === 'any' ? {} : { col }) };
}

/** 1-based line and column of an offset. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}
