/** docs/spec-format.md §7.1 step 1: the numeric cast applied to a field's raw value before evaluation. */
import { floatFromString, intFromString } from './numbers.js';
import { pyFloat, type PyValue } from './values.js';

/** What castLiteral made of a raw value. */
export type CastResult =
  /** A bool, int or float read directly from the literal. */
  | { readonly kind: 'cast'; readonly value: PyValue }
  /** Not a string and not numeric (lists, dicts, None): used as is. */
  | { readonly kind: 'unchanged'; readonly value: unknown }
  /** A string that must be evaluated as an expression. */
  | { readonly kind: 'expression'; readonly source: string };

/**
 * "true"/"false" (any case) become bools, integral numbers and integer strings become ints, other
 * numbers (and inf/nan) become floats; other strings (including "2.5" and "1e3") go on to evaluation.
 */
export function castLiteral(raw: unknown): CastResult {
  if (typeof raw === 'boolean') return { kind: 'cast', value: raw };
  if (typeof raw === 'number') {
    // int(inf) fails in Python, so inf and nan stay floats.
    if (!Number.isFinite(raw)) return { kind: 'cast', value: pyFloat(raw) };
    return { kind: 'cast', value: Number.isInteger(raw) ? (raw === 0 ? 0 : raw) : pyFloat(raw) };
  }
  if (typeof raw !== 'string') return { kind: 'unchanged', value: raw };
  const lower = raw.toLowerCase();
  if (lower === 'true' || lower === 'false') return { kind: 'cast', value: lower === 'true' };
  // Python: float(v) == int(v) only succeeds when int() accepts the string.
  const asInt = intFromString(raw);
  if (asInt !== undefined && floatFromString(raw) === asInt) return { kind: 'cast', value: asInt };
  return { kind: 'expression', source: raw };
}
