/** Tree-walking interpreter over the expression AST. */
import { binaryOp, unaryOp } from './arithmetic.js';
import type { CompareOperator, Expr, ExprOf, ForClause, Target } from './ast.js';
import { builtins } from './builtins.js';
import { UNAVAILABLE_BUILTINS, unavailableBuiltin } from './builtins-core.js';
import { didYouMean, ExpressionError, fail, typeError } from './errors.js';
import { checkItemCount, MAX_ITEMS } from './limits.js';
import {
  callValue,
  contains,
  getAttr,
  getItem,
  iterate,
  lookupAttr,
  lookupItem,
  orderedCompare,
  pyEquals,
  sliceItems,
  truthy,
} from './protocols.js';
import type { Scope } from './scope.js';
import { pyRepr } from './format.js';
import { InvertibleSet } from './invertible-set.js';
import { UndefinedError, UndefinedValue, type JinjaDialect } from './jinja-dialect.js';
import { isPyObject, PyDict, pyFloat, PyTuple, pyTypeName, type PyValue } from './values.js';

/** Names bound by comprehensions, over the caller's scope. */
interface Frame {
  readonly locals: ReadonlyMap<string, PyValue>;
  readonly outer: Frame | undefined;
}

/** Limits for one evaluation. */
export interface EvaluateOptions {
  /** Most comprehension iterations one evaluation may run (default MAX_ITEMS). */
  readonly maxItems?: number;
  /** Evaluate as a Jinja template expression (filters, tests, Jinja's names and undefined). */
  readonly dialect?: JinjaDialect;
}

/** Per-evaluation state: the scope and the comprehension work budget. */
export class Interpreter {
  private work = 0;
  private readonly maxItems: number;
  private readonly dialect: JinjaDialect | undefined;

  constructor(
    private readonly scope: Scope,
    options: EvaluateOptions = {},
  ) {
    this.maxItems = options.maxItems ?? MAX_ITEMS;
    this.dialect = options.dialect;
  }

  evaluate(expr: Expr, frame?: Frame): PyValue {
    try {
      return this.evaluateNode(expr, frame);
    } catch (error) {
      if (error instanceof ExpressionError && error.offset === undefined) error.offset = expr.offset;
      throw error;
    }
  }

  /**
   * Like evaluate, but an undefined name, attribute or key (in a branch of `a if c else b`)
   * becomes an UndefinedValue instead of an error: Jinja's `{% set %}` may store one.
   */
  evaluateKeepingUndefined(expr: Expr): PyValue {
    if (expr.type === 'conditional') {
      return this.evaluateKeepingUndefined(truthy(this.evaluate(expr.test)) ? expr.body : expr.orElse);
    }
    try {
      return this.evaluate(expr);
    } catch (error) {
      if (error instanceof UndefinedError && error.node === expr) return new UndefinedValue(error.missing, error.owner);
      throw error;
    }
  }

  private evaluateNode(expr: Expr, frame: Frame | undefined): PyValue {
    switch (expr.type) {
      case 'constant':
        return expr.float ? pyFloat(expr.value as number) : expr.value;
      case 'name':
        return this.lookup(expr, frame);
      case 'list':
        return expr.items.map((item) => this.evaluate(item, frame));
      case 'tuple':
        return new PyTuple(expr.items.map((item) => this.evaluate(item, frame)));
      case 'dict':
        return new PyDict(expr.entries.map(([k, v]) => [this.evaluate(k, frame), this.evaluate(v, frame)] as const));
      case 'binary':
        return binaryOp(expr.op, this.evaluate(expr.left, frame), this.evaluate(expr.right, frame));
      case 'unary':
        return this.evaluateUnary(expr, frame);
      case 'bool':
        return this.evaluateBool(expr, frame);
      case 'compare':
        return this.evaluateCompare(expr, frame);
      case 'conditional':
        return truthy(this.evaluate(expr.test, frame)) ? this.evaluate(expr.body, frame) : this.evaluate(expr.orElse, frame);
      case 'attribute':
        return this.evaluateAttribute(expr, frame);
      case 'subscript':
        return this.evaluateSubscript(expr, frame);
      case 'slice':
        return fail('SyntaxError: a slice is only allowed inside [...]');
      case 'call':
        return this.evaluateCall(expr, frame);
      case 'comprehension':
        return this.evaluateComprehension(expr, frame);
      case 'filter':
      case 'test':
        return this.evaluateJinjaCall(expr, frame);
    }
  }

  private lookup(expr: ExprOf<'name'>, frame: Frame | undefined): PyValue {
    const name = expr.name;
    for (let f = frame; f !== undefined; f = f.outer) {
      const local = f.locals.get(name);
      if (local !== undefined) return local;
    }
    const value = this.scope.get(name);
    if (value instanceof UndefinedValue) throw new UndefinedError(expr, value.missing, value.owner);
    if (value !== undefined) return value;
    if (this.dialect) return this.dialect.globals.get(name) ?? undefinedValue(expr, name);
    const builtin = builtins().get(name);
    if (builtin !== undefined) return builtin;
    if (UNAVAILABLE_BUILTINS.has(name)) return unavailableBuiltin(name);
    const candidates = [...this.scope.names(), ...builtins().keys()];
    const hint = didYouMean(name, candidates) ?? 'Check the spelling, or define it (e.g. under `variables:`).';
    return fail(`Name '${name}' is not defined.`, hint);
  }

  private evaluateUnary(expr: ExprOf<'unary'>, frame: Frame | undefined): PyValue {
    const operand = this.evaluate(expr.operand, frame);
    return expr.op === 'not' ? !truthy(operand) : unaryOp(expr.op, operand);
  }

  /** `and`/`or` return the deciding operand itself, not a bool. */
  private evaluateBool(expr: ExprOf<'bool'>, frame: Frame | undefined): PyValue {
    let value: PyValue = null;
    for (const operand of expr.values) {
      value = this.evaluate(operand, frame);
      if (truthy(value) === (expr.op === 'or')) return value;
    }
    return value;
  }

  private evaluateCompare(expr: ExprOf<'compare'>, frame: Frame | undefined): boolean {
    let left = this.evaluate(expr.first, frame);
    for (const [op, rightExpr] of expr.rest) {
      const right = this.evaluate(rightExpr, frame);
      if (!compare(op, left, right)) return false;
      left = right;
    }
    return true;
  }

  /** Jinja reads `x.name` as an attribute, else as the entry `x['name']`. */
  private evaluateAttribute(expr: ExprOf<'attribute'>, frame: Frame | undefined): PyValue {
    const object = this.evaluate(expr.object, frame);
    if (!this.dialect) return getAttr(object, expr.name);
    const value = lookupAttr(object, expr.name) ?? (hasEntries(object) ? lookupItem(object, expr.name) : undefined);
    return value ?? undefinedValue(expr, expr.name, object);
  }

  /** Jinja reads `x['name']` as an entry, else as the attribute `x.name`. */
  private jinjaItem(expr: Expr, object: PyValue, key: PyValue): PyValue {
    const subscriptable = hasEntries(object) || isSequence(object);
    const item = subscriptable && (typeof key !== 'string' || !isSequence(object)) ? lookupItem(object, key) : undefined;
    const value = item ?? (typeof key === 'string' ? lookupAttr(object, key) : undefined);
    return value ?? undefinedValue(expr, typeof key === 'string' ? key : pyRepr(key), object);
  }

  private evaluateSubscript(expr: ExprOf<'subscript'>, frame: Frame | undefined): PyValue {
    const object = this.evaluate(expr.object, frame);
    if (expr.index.type !== 'slice' && this.dialect) return this.jinjaItem(expr, object, this.evaluate(expr.index, frame));
    if (expr.index.type !== 'slice') return getItem(object, this.evaluate(expr.index, frame));
    const bound = (e: Expr | undefined): number | null => {
      if (e === undefined) return null;
      const value = this.evaluate(e, frame);
      if (value === null) return null;
      if (typeof value === 'number' || typeof value === 'boolean') return Number(value);
      return typeError('slice indices must be integers or None');
    };
    const [lower, upper, step] = [bound(expr.index.lower), bound(expr.index.upper), bound(expr.index.step)];
    if (Array.isArray(object)) return sliceItems(object, lower, upper, step);
    if (object instanceof PyTuple) return new PyTuple(sliceItems(object.items, lower, upper, step));
    if (typeof object === 'string') return sliceItems([...object], lower, upper, step).join('');
    return typeError(`'${pyTypeName(object)}' object is not subscriptable with a slice`);
  }

  private evaluateCall(expr: ExprOf<'call'>, frame: Frame | undefined): PyValue {
    const callee = this.evaluate(expr.callee, frame);
    const args = expr.args.map((arg) => this.evaluate(arg, frame));
    const kwargs = new Map(expr.keywords.map((k) => [k.name, this.evaluate(k.value, frame)] as const));
    return callValue(callee, args, kwargs);
  }

  /** `value | filter(args)` and `value is [not] test(args)`. */
  private evaluateJinjaCall(expr: ExprOf<'filter' | 'test'>, frame: Frame | undefined): PyValue {
    const table = expr.type === 'filter' ? this.dialect?.filters : this.dialect?.tests;
    const fn = table?.get(expr.name);
    if (fn === undefined) {
      const known = table ? [...table.keys()].join(', ') : 'none outside templates';
      return fail(`No ${expr.type} named '${expr.name}'.`, `Known ${expr.type}s: ${known}.`);
    }
    let value: PyValue | undefined;
    try {
      value = this.evaluate(expr.value, frame);
    } catch (error) {
      if (!(fn.acceptsUndefined && error instanceof UndefinedError && error.node === expr.value)) throw error;
    }
    const args = expr.args.map((arg) => this.evaluate(arg, frame));
    const kwargs = new Map(expr.keywords.map((k) => [k.name, this.evaluate(k.value, frame)] as const));
    const result = fn.call(value, args, kwargs);
    return expr.negated ? !truthy(result) : result;
  }

  /** Generators are evaluated eagerly into a list; the only consumers are builtins. */
  private evaluateComprehension(expr: ExprOf<'comprehension'>, frame: Frame | undefined): PyValue[] {
    const results: PyValue[] = [];
    this.runClauses(expr.clauses, 0, frame, (inner) => {
      results.push(this.evaluate(expr.element, inner));
    });
    return results;
  }

  private runClauses(
    clauses: readonly ForClause[],
    index: number,
    frame: Frame | undefined,
    emit: (frame: Frame | undefined) => void,
  ): void {
    const clause = clauses[index];
    if (clause === undefined) {
      emit(frame);
      return;
    }
    // One frame per clause, rebound on each item: nothing can capture it between iterations.
    const locals = new Map<string, PyValue>();
    const inner: Frame = { locals, outer: frame };
    for (const item of iterate(this.evaluate(clause.iterable, frame))) {
      if (++this.work > this.maxItems) checkItemCount(this.work, 'This comprehension', this.maxItems);
      bindTarget(clause.target, item, locals);
      if (this.allTrue(clause.conditions, inner)) this.runClauses(clauses, index + 1, inner, emit);
    }
  }

  private allTrue(conditions: readonly Expr[], frame: Frame): boolean {
    for (const condition of conditions) if (!truthy(this.evaluate(condition, frame))) return false;
    return true;
  }
}

function undefinedValue(node: Expr, missing: string, owner?: PyValue): never {
  throw new UndefinedError(node, missing, owner === undefined ? undefined : pyTypeName(owner));
}

function isSequence(value: PyValue): boolean {
  return Array.isArray(value) || value instanceof PyTuple || typeof value === 'string';
}

/** Values whose entries Jinja's `x.name` falls back to. */
function hasEntries(value: PyValue): boolean {
  return value instanceof PyDict || (isPyObject(value) && !(value instanceof InvertibleSet) && value.getItem !== undefined);
}

/** Binds a loop or comprehension target (a name or a tuple of targets) to a value. */
export function bindTarget(target: Target, value: PyValue, locals: { set(name: string, value: PyValue): unknown }): void {
  if (target.type === 'name') {
    locals.set(target.name, value);
    return;
  }
  const items = [...iterate(value)];
  if (items.length !== target.items.length) {
    fail(`ValueError: cannot unpack ${items.length} values into ${target.items.length} names`, undefined, target.offset);
  }
  target.items.forEach((sub, i) => bindTarget(sub, items[i] ?? null, locals));
}

function compare(op: CompareOperator, left: PyValue, right: PyValue): boolean {
  switch (op) {
    case '==':
      return pyEquals(left, right);
    case '!=':
      return !pyEquals(left, right);
    case 'in':
      return contains(right, left);
    case 'not in':
      return !contains(right, left);
    case 'is':
      return identical(left, right);
    case 'is not':
      return !identical(left, right);
    default:
      return orderedCompare(left, right, op);
  }
}

function identical(left: PyValue, right: PyValue): boolean {
  return left === right;
}
