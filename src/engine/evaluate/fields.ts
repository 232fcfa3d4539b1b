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

/** Evaluates a field and checks its type like AccelForge's `EvalsTo[T]`; returns a JS value. */
export function evaluateTyped(raw: unknown, scope: Scope, path: SpecPath, type: 'int' | 'number'): number;
export function evaluateTyped(raw: unknown, scope: Scope, path: SpecPath, type: 'bool'): boolean;
export function evaluateTyped(raw: unknown, scope: Scope, path: SpecPath, type: FieldType): PyValue;
export function evaluateTyped(raw: unknown, scope: Scope, path: SpecPath, type: FieldType): PyValue {
  const value = evaluateValue(raw, scope, path);
  switch (type) {
    case 'int':
      if (isPyInt(value)) return typeof value === 'boolean' ? Number(value) : value;
      return typeMismatch(raw, value, path, 'int', 'Use // for integer division, or round(...) / ceil(...) / floor(...).');
    case 'number':
      if (isPyInt(value)) return typeof value === 'boolean' ? Number(value) : value;
      if (isPyFloat(value)) return value.value;
      return typeMismatch(raw, value, path, 'number', 'The expression must evaluate to a number.');
    case 'bool':
      if (typeof value === 'boolean') return value;
      return typeMismatch(raw, value, path, 'bool', 'The expression must evaluate to True or False.');
    case 'any':
      return value;
  }
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
