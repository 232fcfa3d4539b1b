/**
 * The Jinja mode of the expression parser, for spec templates: Python expressions plus Jinja's
 * filters (`x | default(1)`), tests (`x is defined`), `~` concatenation and lowercase
 * `true`/`false`/`none`. Jinja has no bitwise operators, so `|` is always a filter and `is`
 * always a test. Also parses the expression parts of the statements the templates support.
 */
import type { BinaryOperator, Expr, Keyword, Target } from './ast.js';
import { fail } from './errors.js';
import { Parser } from './parser.js';
import { tokenize, type Token } from './tokenizer.js';

const JINJA_LEVELS: readonly (readonly BinaryOperator[])[] = [['+', '-'], ['~'], ['*', '/', '//', '%']];

const JINJA_CONSTANTS: ReadonlyMap<string, null | boolean> = new Map([
  ['true', true],
  ['false', false],
  ['none', null],
  ['True', true],
  ['False', false],
  ['None', null],
]);

/** `{% for target in iterable if condition %}`. */
export interface JinjaForHead {
  readonly target: Target;
  readonly iterable: Expr;
  readonly condition: Expr | undefined;
}

/** `{% set target = value %}`. */
export interface JinjaSetHead {
  readonly target: Target;
  readonly value: Expr;
}

/** `{% assert test %}` or `{% assert test, message %}`. */
export interface JinjaAssertHead {
  readonly test: Expr;
  readonly message: Expr | undefined;
}

class JinjaParser extends Parser {
  protected override binaryLevels(): readonly (readonly BinaryOperator[])[] {
    return JINJA_LEVELS;
  }

  /** `is` starts a test, never an identity comparison. */
  protected override compareOperator(): ReturnType<Parser['compareOperator']> {
    return this.isKeyword('is') ? undefined : super.compareOperator();
  }

  /** Filters and tests bind to a unary operand, as in Jinja: `-x | abs` is `abs(-x)`. */
  protected override parseUnary(): Expr {
    let value = this.parseSigned(['-', '+']);
    for (;;) {
      const offset = this.peek().offset;
      if (this.acceptOp('|')) value = this.parseFilter(value, offset);
      else if (this.isKeyword('is')) value = this.parseTest(value, offset);
      else return value;
    }
  }

  protected override parseNameAtom(token: Token): Expr {
    const constant = JINJA_CONSTANTS.get(token.text);
    if (constant !== undefined) return { type: 'constant', value: constant, offset: token.offset };
    return super.parseNameAtom(token);
  }

  private parseFilter(value: Expr, offset: number): Expr {
    const name = this.expectName('a filter name after "|"');
    const { args, keywords } = this.parseOptionalArguments();
    return { type: 'filter', value, name, args, keywords, offset };
  }

  private parseTest(value: Expr, offset: number): Expr {
    this.advance();
    const negated = this.isKeyword('not');
    if (negated) this.advance();
    const name = this.expectName("a test name after 'is'");
    const next = this.peek();
    // Jinja allows one literal argument without parentheses: `x is divisibleby 3`.
    if (next.kind === 'int' || next.kind === 'float' || next.kind === 'string') {
      return { type: 'test', value, name, args: [this.parseSigned([])], keywords: [], negated, offset };
    }
    const { args, keywords } = this.parseOptionalArguments();
    return { type: 'test', value, name, args, keywords, negated, offset };
  }

  private expectName(what: string): string {
    const token = this.peek();
    if (token.kind !== 'name') this.unexpected(what);
    this.advance();
    return token.text;
  }

  private parseOptionalArguments(): { args: readonly Expr[]; keywords: readonly Keyword[] } {
    if (!this.acceptOp('(')) return { args: [], keywords: [] };
    const call = this.parseCall({ type: 'constant', value: null, offset: 0 });
    return call.type === 'call' ? { args: call.args, keywords: call.keywords } : { args: [], keywords: [] };
  }

  expression(): Expr {
    if (this.peek().kind === 'end') fail('SyntaxError: the expression is empty', undefined, 0);
    const expr = this.parseExpressionList(() => this.peek().kind === 'end');
    this.expectEnd();
    return expr;
  }

  forHead(): JinjaForHead {
    const target = this.parseTargetList();
    if (!this.isKeyword('in')) this.unexpected("'in'");
    this.advance();
    const iterable = this.parseOr();
    let condition: Expr | undefined;
    if (this.isKeyword('if')) {
      this.advance();
      condition = this.parseExpression();
    }
    if (this.isKeyword('recursive')) fail('recursive loops are not supported', undefined, this.peek().offset);
    this.expectEnd();
    return { target, iterable, condition };
  }

  setHead(): JinjaSetHead {
    const target = this.parseTargetList();
    if (this.isOp('.')) fail('assigning to an attribute (namespace) is not supported', undefined, this.peek().offset);
    if (this.peek().kind === 'end') fail('block assignments ({% set x %}...{% endset %}) are not supported', undefined, this.peek().offset);
    this.expectOp('=');
    const value = this.parseExpressionList(() => this.peek().kind === 'end');
    this.expectEnd();
    return { target, value };
  }

  assertHead(): JinjaAssertHead {
    const test = this.parseExpression();
    const message = this.acceptOp(',') ? this.parseExpression() : undefined;
    this.expectEnd();
    return { test, message };
  }

  private expectEnd(): void {
    if (this.peek().kind !== 'end') this.unexpected('the end of the tag');
  }
}

/** Parses the expression of a `{{ }}`, `{% if %}` or `{% elif %}` tag. */
export function parseJinjaExpression(source: string): Expr {
  return new JinjaParser(tokenize(source)).expression();
}

/** Parses what follows `for` in a `{% for %}` tag. */
export function parseJinjaFor(source: string): JinjaForHead {
  return new JinjaParser(tokenize(source)).forHead();
}

/** Parses what follows `set` in a `{% set %}` tag. */
export function parseJinjaSet(source: string): JinjaSetHead {
  return new JinjaParser(tokenize(source)).setHead();
}

/** Parses what follows `assert` in a `{% assert %}` tag. */
export function parseJinjaAssert(source: string): JinjaAssertHead {
  return new JinjaParser(tokenize(source)).assertHead();
}
