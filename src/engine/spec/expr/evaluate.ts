/** Entry points: parse (cached) and evaluate expression strings against a scope. */
import type { Expr } from './ast.js';
import { ExpressionError } from './errors.js';
import { pyTypeName, type PyValue } from './values.js';
import { Interpreter, type EvaluateOptions } from './interpreter.js';
import { InvertibleSet } from './invertible-set.js';
import { parse } from './parser.js';
import type { Scope } from './scope.js';

const CACHE_LIMIT = 4096;
const astCache = new Map<string, Expr>();

export type { EvaluateOptions } from './interpreter.js';

/** Parses an expression, reusing the AST of an identical earlier source. */
export function parseExpression(source: string): Expr {
  const cached = astCache.get(source);
  if (cached !== undefined) return cached;
  const expr = withSource(source, () => parse(source));
  if (astCache.size >= CACHE_LIMIT) {
    const oldest = astCache.keys().next();
    if (!oldest.done) astCache.delete(oldest.value);
  }
  astCache.set(source, expr);
  return expr;
}

/** Evaluates a Python expression; a source that is exactly a bound name returns that value. */
export function evaluateExpression(source: string, scope: Scope, options: EvaluateOptions = {}): PyValue {
  const bound = scope.get(source);
  if (bound !== undefined) return bound;
  const expr = parseExpression(source);
  return withSource(source, () => new Interpreter(scope, options).evaluate(expr));
}

/**
 * Evaluates an expression parsed earlier (templates parse each tag once); `source` is for
 * errors. With `keepUndefined`, a Jinja undefined result is returned as an UndefinedValue.
 */
export function evaluateParsed(
  expr: Expr,
  source: string,
  scope: Scope,
  options: EvaluateOptions & { readonly keepUndefined?: boolean } = {},
): PyValue {
  const interpreter = new Interpreter(scope, options);
  return withSource(source, () => (options.keepUndefined ? interpreter.evaluateKeepingUndefined(expr) : interpreter.evaluate(expr)));
}

/** Evaluates a set expression (docs/spec-format.md §6.3); anything but a set is an error. */
export function evaluateSetExpression(source: string, scope: Scope, options: EvaluateOptions = {}): InvertibleSet {
  const value = evaluateExpression(source, scope, options);
  if (value instanceof InvertibleSet) return value;
  const error = new ExpressionError(
    `Set expression evaluated to ${pyTypeName(value)}, not a set of tensors or rank variables.`,
    'Use set names (Inputs, Outputs, All, tensor names, ...) and the operators & | - ^ ~.',
  );
  error.source = source;
  throw error;
}

/** Runs `body`, attaching the source to expression errors and taming stack overflows. */
function withSource<T>(source: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof ExpressionError) {
      error.source ??= source;
      throw error;
    }
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      const tooDeep = new ExpressionError(
        'the expression is too deeply nested to evaluate',
        'Split it into smaller variables.',
      );
      tooDeep.source = source;
      throw tooDeep;
    }
    throw error;
  }
}
