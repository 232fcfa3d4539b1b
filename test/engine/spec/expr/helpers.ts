import { evaluateExpression, ExpressionError, fromJs, Scope, type PyValue } from '../../../../src/engine/spec/expr/index.js';

/** Evaluates with plain JS variables converted to Python values. */
export function py(source: string, vars: Record<string, unknown> = {}): PyValue {
  const scope = new Scope(Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, fromJs(v)])));
  return evaluateExpression(source, scope);
}

/** The ExpressionError an evaluation throws (fails the test if none). */
export function errorOf(run: () => unknown): ExpressionError {
  try {
    run();
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error('expected an ExpressionError');
}
