/**
 * What the interpreter needs to evaluate Jinja template expressions: the names a template sees
 * instead of Python's builtins, its filters and tests, and Jinja's undefined values (a missing
 * name, attribute or key is an error, except where `default` or `is defined` look at it).
 */
import type { Expr } from './ast.js';
import { ExpressionError } from './errors.js';
import type { PyKwargs, PyObject, PyValue } from './values.js';

/** A filter (`x | name(args)`) or test (`x is name(args)`) implemented in TypeScript. */
export interface JinjaFunction {
  /** Only `default`-like filters and `defined`-like tests see undefined operands (as undefined). */
  readonly acceptsUndefined?: boolean;
  call(value: PyValue | undefined, args: readonly PyValue[], kwargs: PyKwargs): PyValue;
}

/** The Jinja environment of an evaluation. */
export interface JinjaDialect {
  /** Names visible below the scope, in place of Python's builtins. */
  readonly globals: ReadonlyMap<string, PyValue>;
  readonly filters: ReadonlyMap<string, JinjaFunction>;
  readonly tests: ReadonlyMap<string, JinjaFunction>;
}

/** A missing name, attribute or key in a template expression (Jinja's StrictUndefined). */
export class UndefinedError extends ExpressionError {
  constructor(
    /** The expression node that was undefined. */
    readonly node: Expr,
    /** The missing variable name, attribute or key. */
    readonly missing: string,
    /** Python type name of the value the attribute or key was looked up on; absent for names. */
    readonly owner?: string,
    hint?: string,
  ) {
    super(
      owner === undefined ? `'${missing}' is undefined` : `'${owner}' object has no attribute or key '${missing}'`,
      hint,
    );
    this.name = 'UndefinedError';
  }
}

/**
 * An undefined value kept by `{% set x = missing %}`: Jinja lets a template assign an undefined
 * value and fails only where it is used, naming what was missing. The interpreter never lets it
 * go further than a scope: reading the name fails (or is seen by `default` and `is defined`).
 */
export class UndefinedValue implements PyObject {
  readonly pyType = 'Undefined';

  constructor(
    readonly missing: string,
    readonly owner: string | undefined,
  ) {}

  getAttr(): undefined {
    return undefined;
  }
}
