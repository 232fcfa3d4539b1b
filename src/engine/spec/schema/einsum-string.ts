/**
 * Parser for concise Einsum strings (docs/spec-format.md §5.4), e.g. `Z[m, n] = A[m, k] * B[k, n]`.
 * Operators between tensors carry no meaning: every Einsum multiply-accumulates its inputs.
 */
import { RANK_IDENTIFIER, startsLowercase, startsUppercase } from './common.js';

export interface ConciseAccess {
  name: string;
  /** Rank → index expression, whitespace removed (`{H: 'p0*2+r0'}`). */
  projection: Record<string, string>;
  output: boolean;
}

export interface ConciseEinsum {
  /** The output tensor's name. */
  name: string;
  /** Inputs in first-occurrence order, then the output. */
  tensor_accesses: ConciseAccess[];
}

export interface ConciseError {
  message: string;
  hint: string;
}

export type ConciseResult = { ok: true; value: ConciseEinsum } | { ok: false; error: ConciseError };

const EXAMPLE = 'write it as `Out[m, n] = A[m, k] * B[k, n]`';
const TENSOR_REF = /([A-Za-z_]\w*)\[([^\]]*)\]/g;
const OUTPUT_REF = /^([A-Za-z_]\w*)\[([^\]]*)\]$/;

class ConciseSyntaxError extends Error {
  constructor(readonly detail: ConciseError) {
    super(detail.message);
  }
}

function fail(message: string, hint: string = EXAMPLE): never {
  throw new ConciseSyntaxError({ message, hint });
}

/** Parses one concise Einsum string. Never throws. */
export function parseConciseEinsum(text: string): ConciseResult {
  try {
    return { ok: true, value: parseOrThrow(text) };
  } catch (e) {
    if (e instanceof ConciseSyntaxError) return { ok: false, error: e.detail };
    throw e;
  }
}

function parseOrThrow(text: string): ConciseEinsum {
  const compact = text.replace(/\s+/g, '');
  const sides = compact.split('=');
  if (sides.length !== 2) {
    fail(
      `Invalid einsum format "${text}": expected exactly one \`=\`, found ${sides.length - 1}`,
      'use `Rank: expr` (not `Rank=expr`) inside brackets, and one `=` between output and inputs',
    );
  }
  const [left, right] = sides as [string, string];
  const out = OUTPUT_REF.exec(left);
  if (!out) {
    fail(`Invalid einsum format "${text}": the left side must be one tensor like \`Out[m, n]\``);
  }
  const outputName = out[1]!;
  const inputs = new Map<string, ConciseAccess>();
  for (const ref of right.matchAll(TENSOR_REF)) {
    const name = ref[1]!;
    // Map.set keeps the first insertion position but the last value: last occurrence wins.
    inputs.set(name, { name, projection: parseProjection(ref[2]!, name), output: false });
  }
  if (inputs.size === 0) {
    fail(`No input tensors in einsum "${text}"`, 'the right side needs at least one tensor like `A[m, k]`');
  }
  const projection = parseProjection(out[2]!, outputName);
  const output: ConciseAccess = { name: outputName, projection, output: true };
  return { name: outputName, tensor_accesses: [...inputs.values(), output] };
}

function parseProjection(body: string, tensor: string): Record<string, string> {
  const projection: Record<string, string> = {};
  for (const item of body.split(',')) {
    const [rank, expr] = parseProjectionItem(item, tensor);
    if (Object.hasOwn(projection, rank)) {
      fail(
        `Duplicate rank ${rank} in the projection of ${tensor}`,
        'each rank may appear once per tensor; use `Rank: expr` to name ranks explicitly',
      );
    }
    projection[rank] = expr;
  }
  return projection;
}

function parseProjectionItem(item: string, tensor: string): [string, string] {
  const colon = item.indexOf(':');
  if (colon >= 0) {
    const rank = item.slice(0, colon);
    const expr = item.slice(colon + 1);
    if (!fullMatch(rank) || !startsUppercase(rank) || expr === '') {
      fail(
        `Invalid rank "${rank}" in "${item}" of ${tensor}: a \`Rank: expr\` item needs an uppercase rank name and an expression`,
        'write items such as `H: p0*2 + r0`',
      );
    }
    return [rank, expr];
  }
  if (item === '') {
    fail(`Empty projection item in ${tensor} (trailing or doubled comma?)`, 'remove the extra comma');
  }
  const rank = item.toUpperCase();
  if (!startsLowercase(item) || !fullMatch(rank)) {
    fail(
      `Invalid rank variable "${item}" in ${tensor}: items without \`:\` must be lowercase identifiers`,
      'write `m` for an implied rank `M`, or `Rank: expr` for an expression',
    );
  }
  return [rank, item];
}

function fullMatch(text: string): boolean {
  const m = RANK_IDENTIFIER.exec(text);
  return m !== null && m[0] === text;
}
