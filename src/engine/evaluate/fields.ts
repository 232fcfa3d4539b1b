/**
 * Evaluating one spec field: the literal cast, the expression, the result's type check, and the
 * conversion of expression failures into SpecErrors that name the field.
 */
import { failWith, SpecErrorException, type SpecPath } from '../base/errors.js';
import {
  castLiteral,
  evaluateExpression,
  evaluateSetExpression,
  ExpressionError,
  InvertibleSet,
  isPyFloat,
  isPyInt,
  pyTypeName,
  type PyValue,
  type Scope,
} from '../spec/expr/index.js';
import { ANY_NUMBER, describeViolation, FIELD_RANGES, type RangedField, type RangeRule } from '../spec/schema/ranges.js';

const DEFAULT_EXPRESSION_HINT =
  'Spec expressions use Python syntax and semantics; check the names and the types of the operands.';

export type FieldType = 'int' | 'number' | 'bool' | 'any';

/** Runs `body`; an ExpressionError becomes a SpecError at `path`. */
export function atField<T>(path: SpecPath, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof ExpressionError) {
      const found = error.toSpecError(path);
      throw new SpecErrorException(found.hint ? found : { ...found, hint: DEFAULT_EXPRESSION_HINT });
    }
    throw error;
  }
}

/** Evaluates an E[T] field's raw value (number, bool or expression string). */
export function evaluateValue(raw: unknown, scope: Scope, path: SpecPath): PyValue {
  return atField(path, () => {
    const cast = castLiteral(raw);
    if (cast.kind === 'cast') return cast.value;
    if (cast.kind === 'unchanged') return cast.value as PyValue;
    return evaluateExpression(cast.source, scope);
  });
}

/**
 * Evaluates a field and checks its type like AccelForge's `EvalsTo[T]`; returns a JS value.
 * Numbers are also checked against `range` (see `spec/schema/ranges.ts`); NaN is never legal.
 */
export function evaluateTyped(raw: unknown, scope: Scope, path: SpecPath, type: 'int' | 'number', range?: RangedField): number;
export function evaluateTyped(raw: unknown, scope: Scope, path: SpecPath, type: 'bool'): boolean;
export function evaluateTyped(raw: unknown, scope: Scope, path: SpecPath, type: FieldType, range?: RangedField): PyValue;
export function evaluateTyped(raw: unknown, scope: Scope, path: SpecPath, type: FieldType, range?: RangedField): PyValue {
  const value = evaluateValue(raw, scope, path);
  switch (type) {
    case 'int':
      if (isPyInt(value)) return checkRange(raw, typeof value === 'boolean' ? Number(value) : value, path, range);
      return typeMismatch(raw, value, path, 'int', 'Use // for integer division, or round(...) / ceil(...) / floor(...).');
    case 'number':
      if (isPyInt(value)) return checkRange(raw, typeof value === 'boolean' ? Number(value) : value, path, range);
      if (isPyFloat(value)) return checkRange(raw, value.value, path, range);
      return typeMismatch(raw, value, path, 'number', 'The expression must evaluate to a number.');
    case 'bool':
      if (typeof value === 'boolean') return value;
      return typeMismatch(raw, value, path, 'bool', 'The expression must evaluate to True or False.');
    case 'any':
      return value;
  }
}

/** The range rule named after a spec field, if that field has one (`size`, `energy`...). */
export function rangeOf(field: string): RangedField | undefined {
  return Object.hasOwn(FIELD_RANGES, field) ? (field as RangedField) : undefined;
}

/** Returns `value` when `range` allows it; else a SpecError saying what the field means. */
export function checkRange(raw: unknown, value: number, path: SpecPath, range: RangedField | undefined): number {
  const rule: RangeRule = range === undefined ? ANY_NUMBER : FIELD_RANGES[range];
  const last = path[path.length - 1];
  const violation = describeViolation(typeof last === 'string' ? last : (range ?? 'value'), raw, value, rule);
  if (violation === undefined) return value;
  return failWith('expression', violation.message, { path, hint: violation.hint });
}

function typeMismatch(raw: unknown, value: PyValue, path: SpecPath, expected: string, hint: string): never {
  const shown = isPyFloat(value) ? String(value.value) + (Number.isInteger(value.value) ? '.0' : '') : String(value);
  return failWith('expression', `\`${String(raw)}\` evaluated to ${shown} (${pyTypeName(value)}); expected ${expected}.`, {
    path,
    hint,
  });
}

/** Evaluates a set-expression field; the result must be a set. */
export function evaluateSetField(raw: string, scope: Scope, path: SpecPath): InvertibleSet {
  return atField(path, () => evaluateSetExpression(raw, scope));
}
