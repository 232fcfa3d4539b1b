/**
 * Turns zod issues into SpecErrors: one error per real problem, in the user's spelling, with a
 * position and a hint. Union noise is collapsed (tagged nodes report inside the tagged branch).
 */
import type { z } from 'zod';
import { formatSpecPath, specError, type SpecError, type SpecPath } from '../../base/errors.js';
import { isRawMap, TAG_KEY, tagOf } from '../raw.js';
import type { SourceIndex } from '../source-index.js';
import { ARCH_NODE_TAGS } from './arch.js';
import { closestName, describeExpected, describeRaw, exampleLine } from './hints.js';
import { fieldsOf, rawAt, schemaAt, tagsOf } from './walk.js';

type Issue = z.core.$ZodIssue;
type Path = (string | number)[];

interface Context {
  root: unknown;
  sources: SourceIndex;
  /** Formatted paths of required fields that a misspelt key already explains. */
  misspelt: Set<string>;
}

function toPath(path: readonly PropertyKey[]): Path {
  return path.map((p) => (typeof p === 'symbol' ? String(p) : p));
}

function schemaError(ctx: Context, message: string, path: SpecPath, hint?: string, atKey = false): SpecError {
  const pos = atKey ? ctx.sources.locateKey(ctx.root, path) : ctx.sources.locate(ctx.root, path);
  return specError('schema', message, { path, ...(pos ? { pos } : {}), ...(hint ? { hint } : {}) });
}

/** `!Memory` when the object at `path` is tagged, else its formatted path (or `the spec`). */
function ownerName(ctx: Context, path: SpecPath): string {
  const tag = tagOf(rawAt(ctx.root, path));
  if (tag) return `!${tag}`;
  return path.length === 0 ? 'the spec' : formatSpecPath(path);
}

function nearMiss(ctx: Context, objectPath: Path, key: string): { fields: string[]; near?: string } {
  const schema = schemaAt(objectPath, ctx.root);
  const fields = schema ? fieldsOf(schema, rawAt(ctx.root, objectPath)).map((f) => f.name) : [];
  const near = closestName(key, fields);
  return near ? { fields, near } : { fields };
}

function unknownField(ctx: Context, objectPath: Path, key: string): SpecError {
  const { fields, near } = nearMiss(ctx, objectPath, key);
  const supported = fields.length > 0 ? `supported fields: ${fields.join(', ')}` : '';
  const hint = [near ? `did you mean \`${near}\`?` : '', supported].filter(Boolean).join(' ');
  const message = `field \`${key}\` is not supported for ${ownerName(ctx, objectPath)}`;
  return schemaError(ctx, message, [...objectPath, key], hint || undefined, true);
}

function missingField(ctx: Context, path: Path, kinds: readonly string[]): SpecError | undefined {
  if (ctx.misspelt.has(formatSpecPath(path))) return undefined;
  const field = path[path.length - 1] ?? '';
  const owner = ownerName(ctx, path.slice(0, -1));
  return schemaError(
    ctx,
    `missing required field \`${String(field)}\` for ${owner}`,
    path,
    `add a line such as \`${exampleLine(field, kinds)}\``,
  );
}

function isMissing(ctx: Context, path: Path): boolean {
  if (path.length === 0) return false;
  const parent = rawAt(ctx.root, path.slice(0, -1));
  return isRawMap(parent) && rawAt(ctx.root, path) === undefined;
}

/** `\`size\`` for a field, `item arch.nodes[2]` for a list element. */
function fieldName(path: Path): string {
  if (path.length === 0) return 'the spec';
  const field = path[path.length - 1];
  return typeof field === 'string' ? `\`${field}\`` : `item ${formatSpecPath(path)}`;
}

/** Tags allowed at `path` when it is an element of a list of tagged nodes. */
function taggedListTags(ctx: Context, path: Path): string[] {
  if (typeof path[path.length - 1] !== 'number') return [];
  const schema = schemaAt(path, ctx.root);
  return schema ? tagsOf(schema) : [];
}

function wrongType(ctx: Context, path: Path, kinds: readonly string[]): SpecError | undefined {
  if (isMissing(ctx, path)) return missingField(ctx, path, kinds);
  const field = path[path.length - 1];
  const name = fieldName(path);
  const got = describeRaw(rawAt(ctx.root, path));
  const hint =
    typeof field === 'string'
      ? `for example \`${exampleLine(field, kinds)}\``
      : `expected ${describeExpected(kinds)}`;
  return schemaError(ctx, `${name} must be ${describeExpected(kinds)}, got ${got}`, path, hint);
}

function tagProblem(ctx: Context, nodePath: Path, allowed: readonly string[]): SpecError {
  const raw = rawAt(ctx.root, nodePath);
  const list = allowed.map((t) => `!${t}`).join(', ');
  const tag = tagOf(raw);
  if (!isRawMap(raw)) {
    return schemaError(
      ctx,
      `expected a tagged node such as \`!${allowed[0]}\`, got ${describeRaw(raw)}`,
      nodePath,
      `allowed tags: ${list}`,
    );
  }
  if (tag === undefined) {
    return schemaError(
      ctx,
      'this node has no tag',
      nodePath,
      `add a tag such as \`!${allowed[0]}\` before its fields (\`- !${allowed[0]}\`); allowed tags: ${list}`,
    );
  }
  const near = closestName(tag, allowed);
  const hint = `${near ? `did you mean \`!${near}\`? ` : ''}allowed tags here: ${list}`;
  const known = (ARCH_NODE_TAGS as readonly string[]).includes(tag);
  const message = known ? `tag \`!${tag}\` is not allowed here` : `unknown tag \`!${tag}\``;
  // Positioned at the tag itself (the loader records it under TAG_KEY), not at the first field below it.
  const pos = ctx.sources.locate(ctx.root, [...nodePath, TAG_KEY]);
  return specError('schema', message, { path: nodePath, ...(pos ? { pos } : {}), hint });
}

/** Expected kinds when every branch of a union failed on the type alone. */
function unionKinds(branches: readonly (readonly Issue[])[]): string[] | undefined {
  const kinds: string[] = [];
  for (const branch of branches) {
    const only = branch.length === 1 ? branch[0] : undefined;
    if (!only || only.code !== 'invalid_type' || only.path.length > 0) return undefined;
    kinds.push(only.expected);
  }
  return kinds;
}

function convertUnion(ctx: Context, issue: Extract<Issue, { code: 'invalid_union' }>, path: Path): SpecError[] {
  if ('note' in issue && issue.note === 'No matching discriminator') {
    const options = 'options' in issue && Array.isArray(issue.options) ? issue.options.map(String) : [];
    return [tagProblem(ctx, path.slice(0, -1), options)];
  }
  const branches = issue.errors;
  const kinds = unionKinds(branches);
  if (kinds) return present(wrongType(ctx, path, kinds));
  // The branch that got furthest (fewest problems) is the one the user meant.
  const best = [...branches].sort((a, b) => a.length - b.length)[0] ?? [];
  return best.flatMap((inner) => convertIssue(ctx, { ...inner, path: [...path, ...inner.path] }));
}

function customHint(issue: Issue): string | undefined {
  if (issue.code !== 'custom') return undefined;
  const hint: unknown = issue.params?.['hint'];
  return typeof hint === 'string' ? hint : undefined;
}

function present(error: SpecError | undefined): SpecError[] {
  return error ? [error] : [];
}

/** Required fields whose absence is explained by a misspelt key next to them (`siz` → `size`). */
function findMisspelt(ctx: Context, issues: readonly Issue[]): Set<string> {
  const out = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const objectPath = toPath(issue.path);
    for (const key of issue.keys) {
      const { near } = nearMiss(ctx, objectPath, key);
      const intended = near ? [...objectPath, near] : undefined;
      if (intended && rawAt(ctx.root, intended) === undefined) out.add(formatSpecPath(intended));
    }
  }
  return out;
}

/** One zod issue → zero or more SpecErrors. */
export function convertIssue(ctx: Context, issue: Issue): SpecError[] {
  const path = toPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownField(ctx, path, key));
    case 'invalid_union':
      return convertUnion(ctx, issue, path);
    case 'invalid_type': {
      const tags = taggedListTags(ctx, path);
      return tags.length > 0 ? [tagProblem(ctx, path, tags)] : present(wrongType(ctx, path, [issue.expected]));
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      const got = describeRaw(rawAt(ctx.root, path));
      const message = `${fieldName(path)} must be one of ${allowed}, got ${got}`;
      return [schemaError(ctx, message, path, `allowed values: ${allowed}`)];
    }
    case 'custom':
      return [schemaError(ctx, issue.message, path, customHint(issue))];
    default:
      return [schemaError(ctx, `${issue.message}`, path)];
  }
}

function byPosition(a: SpecError, b: SpecError): number {
  if (!a.pos || !b.pos || a.pos.file !== b.pos.file) return 0;
  return a.pos.line - b.pos.line || a.pos.col - b.pos.col;
}

/** All issues → SpecErrors, duplicates dropped, in document order where positions are known. */
export function convertIssues(root: unknown, sources: SourceIndex, issues: readonly Issue[]): SpecError[] {
  const ctx: Context = { root, sources, misspelt: new Set() };
  ctx.misspelt = findMisspelt(ctx, issues);
  const seen = new Set<string>();
  const out: SpecError[] = [];
  for (const error of issues.flatMap((issue) => convertIssue(ctx, issue))) {
    const key = `${formatSpecPath(error.path)}|${error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(error);
  }
  return out.sort(byPosition);
}
