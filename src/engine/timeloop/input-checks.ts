/**
 * Checks on the numbers of a Timeloop file, made while reading it so a bad value is reported at
 * its own line instead of converting into a silently different design (`M: abc` read as 1) or
 * failing in the converted text the user never wrote.
 */
import { TimeloopInputError, type Plain, type SourceFile } from './source.js';
import { asNumber } from './values.js';

/** Throws at the value of `obj[key]` in `src`. */
export function failAtValue(src: SourceFile, obj: object, key: string | number, message: string, hint: string): never {
  const pos = src.valuePos(obj, key) ?? src.pos(obj);
  throw new TimeloopInputError(message, { file: src.path, line: pos?.line ?? 1, col: pos?.col ?? 1 }, hint);
}

/** Why `value` is not a positive whole number, or undefined when it is one. */
export function notPositiveInteger(value: Plain | undefined): string | undefined {
  const n = asNumber(value);
  if (n === undefined || Number.isNaN(n)) return 'is not a number';
  if (!Number.isFinite(n)) return 'is not finite';
  if (n <= 0) return 'must be at least 1';
  if (!Number.isInteger(n)) return 'must be a whole number';
  return undefined;
}

/** A count (problem dimension, mesh size): absent is fine, anything else must be a positive whole number. */
export function checkCount(src: SourceFile, obj: { [key: string]: Plain }, key: string, what: string, hint: string): void {
  if (!(key in obj) || obj[key] === null) return;
  const problem = notPositiveInteger(obj[key]);
  if (problem) failAtValue(src, obj, key, `${what} \`${key}: ${String(obj[key])}\` ${problem}`, hint);
}

const MESH_HINT = 'meshX and meshY count the instances along each side of the array: give whole numbers of at least 1.';

/** `meshX`/`meshY` of a v0.4 `spatial:` or a v0.3 `attributes:` mapping. */
export function checkMesh(src: SourceFile, map: { [key: string]: Plain }): void {
  for (const key of ['meshX', 'meshY']) checkCount(src, map, key, 'mesh size', MESH_HINT);
}

/** Everything checked in one `attributes:` mapping. */
export function checkOwnAttributes(src: SourceFile, attributes: { [key: string]: Plain }): void {
  checkMesh(src, attributes);
  checkNumericAttributes(src, attributes);
}

/** Sizes that count bits or entries: zero is meaningless, not only negatives. */
const POSITIVE_ATTRIBUTES = new Set(['width', 'datawidth', 'memory_width', 'word-bits', 'word_bits', 'block-size', 'block_size']);
/** Sizes and rates that may be zero (a depth-0 level holds nothing) but never negative. */
const NON_NEGATIVE_ATTRIBUTES = new Set(['depth', 'entries', 'sizeKB', 'memory_depth', 'read_bandwidth', 'write_bandwidth', 'shared_bandwidth']);

/** Numeric attributes of one `attributes:` mapping; non-numeric text is reported elsewhere (dropped). */
export function checkNumericAttributes(src: SourceFile, attributes: { [key: string]: Plain }): void {
  for (const [name, value] of Object.entries(attributes)) {
    const n = asNumber(value);
    if (n === undefined) continue;
    const positive = POSITIVE_ATTRIBUTES.has(name);
    if (!positive && !NON_NEGATIVE_ATTRIBUTES.has(name)) continue;
    const bad = Number.isNaN(n) ? 'is not a number' : positive ? (n <= 0 ? 'must be positive' : undefined) : n < 0 ? 'must not be negative' : undefined;
    if (bad) failAtValue(src, attributes, name, `attribute \`${name}: ${String(value)}\` ${bad}`, `\`${name}\` is a size in bits or entries; give the value the hardware has.`);
  }
}
