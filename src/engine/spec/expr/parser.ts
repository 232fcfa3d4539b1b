/** Recursive-descent parser for the Python expression subset used by specs (docs/spec-format.md §7.1). */
import type { BinaryOperator, CompareOperator, Expr, ForClause, Keyword, Target, UnaryOperator } from './ast.js';
import { fail } from './errors.js';
import { parseIntLiteral } from './numbers.js';
import { TokenStream } from './token-stream.js';
import { tokenize, type Token } from './tokenizer.js';

export const RESERVED = new Set([
  'and', 'or', 'not', 'in', 'is', 'if', 'else', 'for', 'lambda', 'True', 'False', 'None', 'import', 'def',
  'class', 'return', 'yield', 'await', 'from', 'as', 'with', 'while', 'pass', 'del', 'global', 'nonlocal',
  'try', 'except', 'finally', 'raise', 'assert', 'break', 'continue', 'elif', 'async',
]);

const BINARY_LEVELS: readonly (readonly BinaryOperator[])[] = [
  ['|'],
  ['^'],
  ['&'],
  ['<<', '>>'],
  ['+', '-'],
  ['*', '/', '//', '%', '@'],
];

const COMPARE_OPERATORS = new Set(['==', '!=', '<', '<=', '>', '>=']);

/** Parses one expression (a top-level `a, b` is a tuple, as in Python's eval). */
export function parse(source: string): Expr {
  return new Parser(tokenize(source)).parseSource();
}

/** The Python expression parser; jinja-parser.ts extends it with Jinja's filters and tests. */
export class Parser extends TokenStream {
  /** Binary operators by precedence, loosest first. */
  protected binaryLevels(): readonly (readonly BinaryOperator[])[] {
    return BINARY_LEVELS;
  }

  parseSource(): Expr {
    if (this.peek().kind === 'end') fail('SyntaxError: the expression is empty', undefined, 0);
    const expr = this.parseExpressionList(() => this.peek().kind === 'end');
    if (this.peek().kind !== 'end') this.unexpected('the end of the expression');
    return expr;
  }

  /** `a, b, c` (a tuple when there is a comma) up to a closing token. */
  protected parseExpressionList(atEnd: () => boolean): Expr {
    const first = this.parseExpression();
    if (!this.isOp(',')) return first;
    const items = [first];
    while (this.acceptOp(',') && !atEnd()) items.push(this.parseExpression());
    return { type: 'tuple', items, offset: first.offset };
  }

  parseExpression(): Expr {
    return this.nested(() => {
      if (this.isKeyword('lambda')) fail('lambda expressions are not supported', undefined, this.peek().offset);
      const body = this.parseOr();
      if (!this.isKeyword('if')) return body;
      this.advance();
      const test = this.parseOr();
      if (!this.isKeyword('else')) this.unexpected("'else' (conditional expressions need `a if cond else b`)");
      this.advance();
      const orElse = this.parseExpression();
      return { type: 'conditional', test, body, orElse, offset: body.offset };
    });
  }

  protected parseOr(): Expr {
    return this.parseBoolChain('or', () => this.parseAnd());
  }

  private parseAnd(): Expr {
    return this.parseBoolChain('and', () => this.parseNot());
  }

  private parseBoolChain(op: 'and' | 'or', parseOperand: () => Expr): Expr {
    const first = parseOperand();
    if (!this.isKeyword(op)) return first;
    const values = [first];
    while (this.isKeyword(op)) {
      this.advance();
      values.push(parseOperand());
    }
    return { type: 'bool', op, values, offset: first.offset };
  }

  private parseNot(): Expr {
    if (!this.isKeyword('not')) return this.parseComparison();
    const offset = this.advance().offset;
    const operand = this.nested(() => this.parseNot());
    return { type: 'unary', op: 'not', operand, offset };
  }

  protected parseComparison(): Expr {
    const first = this.parseBinary(0);
    const rest: [CompareOperator, Expr][] = [];
    for (let op = this.compareOperator(); op !== undefined; op = this.compareOperator()) {
      rest.push([op, this.parseBinary(0)]);
    }
    return rest.length === 0 ? first : { type: 'compare', first, rest, offset: first.offset };
  }

  protected compareOperator(): CompareOperator | undefined {
    const token = this.peek();
    if (token.kind === 'op' && COMPARE_OPERATORS.has(token.text)) {
      this.advance();
      return token.text as CompareOperator;
    }
    if (this.isKeyword('in')) {
      this.advance();
      return 'in';
    }
    if (this.isKeyword('not') && this.isKeyword('in', 1)) {
      this.index += 2;
      return 'not in';
    }
    if (this.isKeyword('is')) {
      this.advance();
      if (!this.isKeyword('not')) return 'is';
      this.advance();
      return 'is not';
    }
    return undefined;
  }

  private parseBinary(level: number): Expr {
    const operators = this.binaryLevels()[level];
    if (operators === undefined) return this.parseUnary();
    let left = this.parseBinary(level + 1);
    for (;;) {
      const token = this.peek();
      const op = operators.find((candidate) => token.kind === 'op' && token.text === candidate);
      if (op === undefined) return left;
      this.advance();
      const right = this.parseBinary(level + 1);
      left = { type: 'binary', op, left, right, offset: left.offset };
    }
  }

  protected parseUnary(): Expr {
    return this.parseSigned(['-', '+', '~']);
  }

  /** A unary operator from `operators` applied to a unary operand, or a power expression. */
  protected parseSigned(operators: readonly string[]): Expr {
    const token = this.peek();
    if (token.kind === 'op' && operators.includes(token.text)) {
      this.advance();
      const operand = this.nested(() => this.parseSigned(operators));
      return { type: 'unary', op: token.text as UnaryOperator, operand, offset: token.offset };
    }
    return this.parsePower();
  }

  protected parsePower(): Expr {
    const base = this.parsePostfix(this.parseAtom());
    if (!this.acceptOp('**')) return base;
    // The exponent may carry its own unary sign: 2 ** -1.
    const exponent = this.nested(() => this.parseUnary());
    return { type: 'binary', op: '**', left: base, right: exponent, offset: base.offset };
  }

  private parsePostfix(atom: Expr): Expr {
    let expr = atom;
    for (;;) {
      const offset = this.peek().offset;
      if (this.acceptOp('.')) {
        const name = this.peek();
        if (name.kind !== 'name') this.unexpected('an attribute name after "."');
        this.advance();
        expr = { type: 'attribute', object: expr, name: name.text, offset };
      } else if (this.acceptOp('(')) {
        expr = this.parseCall(expr);
      } else if (this.acceptOp('[')) {
        const index = this.parseSubscript();
        this.expectOp(']');
        expr = { type: 'subscript', object: expr, index, offset };
      } else {
        return expr;
      }
    }
  }

  protected parseCall(callee: Expr): Expr {
    const args: Expr[] = [];
    const keywords: Keyword[] = [];
    while (!this.isOp(')')) {
      if (this.isOp('*') || this.isOp('**')) {
        fail('argument unpacking (*args, **kwargs) is not supported', undefined, this.peek().offset);
      }
      if (this.peek().kind === 'name' && this.isOp('=', 1)) {
        const name = this.advance().text;
        this.advance();
        if (keywords.some((k) => k.name === name)) {
          fail(`SyntaxError: keyword argument repeated: ${name}`, undefined, this.peek().offset);
        }
        keywords.push({ name, value: this.parseExpression() });
      } else {
        if (keywords.length > 0) {
          fail('SyntaxError: positional argument follows keyword argument', undefined, this.peek().offset);
        }
        const arg = this.parseExpression();
        args.push(this.isKeyword('for') ? this.parseComprehension('generator', arg) : arg);
      }
      if (!this.acceptOp(',')) break;
    }
    this.expectOp(')');
    return { type: 'call', callee, args, keywords, offset: callee.offset };
  }

  private parseSubscript(): Expr {
    const first = this.parseSliceOrExpression();
    if (!this.isOp(',')) return first;
    const items = [first];
    while (this.acceptOp(',') && !this.isOp(']')) items.push(this.parseSliceOrExpression());
    return { type: 'tuple', items, offset: first.offset };
  }

  private parseSliceOrExpression(): Expr {
    const offset = this.peek().offset;
    const lower = this.isOp(':') ? undefined : this.parseExpression();
    if (!this.acceptOp(':')) return lower as Expr;
    const bound = (): Expr | undefined =>
      this.isOp(':') || this.isOp(']') || this.isOp(',') ? undefined : this.parseExpression();
    const upper = bound();
    const step = this.acceptOp(':') ? bound() : undefined;
    return { type: 'slice', lower, upper, step, offset };
  }

  private parseComprehension(kind: 'list' | 'generator', element: Expr): Expr {
    const clauses: ForClause[] = [];
    while (this.isKeyword('for')) {
      this.advance();
      const target = this.parseTargetList();
      if (!this.isKeyword('in')) this.unexpected("'in'");
      this.advance();
      const iterable = this.parseOr();
      const conditions: Expr[] = [];
      while (this.isKeyword('if')) {
        this.advance();
        conditions.push(this.parseOr());
      }
      clauses.push({ target, iterable, conditions });
    }
    return { type: 'comprehension', kind, element, clauses, offset: element.offset };
  }

  protected parseTargetList(): Target {
    const first = this.parseTarget();
    if (!this.isOp(',')) return first;
    const items = [first];
    while (this.acceptOp(',') && !this.isKeyword('in')) items.push(this.parseTarget());
    return { type: 'tuple', items, offset: first.offset };
  }

  private parseTarget(): Target {
    const token = this.peek();
    if (this.acceptOp('(') || this.acceptOp('[')) {
      const closer = token.text === '(' ? ')' : ']';
      const items: Target[] = [];
      while (!this.isOp(closer)) {
        items.push(this.parseTarget());
        if (!this.acceptOp(',')) break;
      }
      this.expectOp(closer);
      return { type: 'tuple', items, offset: token.offset };
    }
    if (token.kind !== 'name' || RESERVED.has(token.text)) this.unexpected('a loop variable name');
    this.advance();
    return { type: 'name', name: token.text, offset: token.offset };
  }

  private parseAtom(): Expr {
    const token = this.advance();
    switch (token.kind) {
      case 'int':
        return { type: 'constant', value: parseIntLiteral(token.text), offset: token.offset };
      case 'float':
        return { type: 'constant', value: Number(token.text.replace(/_/g, '')), float: true, offset: token.offset };
      case 'string':
        return this.parseStrings(token);
      case 'name':
        return this.parseNameAtom(token);
      case 'op':
        return this.parseBracketAtom(token);
      case 'end':
        this.index = this.tokens.length - 1;
        return this.unexpected('an expression');
    }
  }

  private parseStrings(first: Token): Expr {
    let value = first.text;
    // Adjacent literals concatenate: 'a' 'b' == 'ab'.
    while (this.peek().kind === 'string') value += this.advance().text;
    return { type: 'constant', value, offset: first.offset };
  }

  protected parseNameAtom(token: Token): Expr {
    const constants: Record<string, null | boolean> = { True: true, False: false, None: null };
    if (Object.hasOwn(constants, token.text)) return { type: 'constant', value: constants[token.text] ?? null, offset: token.offset };
    if (RESERVED.has(token.text)) {
      this.index--;
      this.unexpected('an expression');
    }
    return { type: 'name', name: token.text, offset: token.offset };
  }

  private parseBracketAtom(token: Token): Expr {
    if (token.text === '(') return this.parseParenthesised(token.offset);
    if (token.text === '[') return this.parseListDisplay(token.offset);
    if (token.text === '{') return this.parseBraceDisplay(token.offset);
    this.index--;
    return this.unexpected('an expression');
  }

  private parseParenthesised(offset: number): Expr {
    if (this.acceptOp(')')) return { type: 'tuple', items: [], offset };
    const first = this.parseExpression();
    if (this.isKeyword('for')) {
      const generator = this.parseComprehension('generator', first);
      this.expectOp(')');
      return generator;
    }
    if (!this.isOp(',')) {
      this.expectOp(')');
      return first;
    }
    const items = [first];
    while (this.acceptOp(',') && !this.isOp(')')) items.push(this.parseExpression());
    this.expectOp(')');
    return { type: 'tuple', items, offset };
  }

  private parseListDisplay(offset: number): Expr {
    if (this.acceptOp(']')) return { type: 'list', items: [], offset };
    const first = this.parseExpression();
    if (this.isKeyword('for')) {
      const comprehension = this.parseComprehension('list', first);
      this.expectOp(']');
      return { ...comprehension, offset };
    }
    const items = [first];
    while (this.acceptOp(',') && !this.isOp(']')) items.push(this.parseExpression());
    this.expectOp(']');
    return { type: 'list', items, offset };
  }

  private parseBraceDisplay(offset: number): Expr {
    const entries: [Expr, Expr][] = [];
    while (!this.isOp('}')) {
      const key = this.parseExpression();
      if (!this.isOp(':')) {
        fail(
          'set displays like {a, b} are not supported',
          'Combine sets with operators instead, e.g. `P | Q | N`; use {key: value} for a dict.',
          offset,
        );
      }
      this.advance();
      entries.push([key, this.parseExpression()]);
      if (this.isKeyword('for')) fail('dict comprehensions are not supported', undefined, offset);
      if (!this.acceptOp(',')) break;
    }
    this.expectOp('}');
    return { type: 'dict', entries, offset };
  }
}
