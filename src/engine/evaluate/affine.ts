/**
 * Affine integer expressions over rank variables (`p0*2 + r0`, `m`, `3`), and ISL-style
 * constraint chains (`0 <= m < 64`) built from them. Projections and iteration-space
 * constraints in workloads use only this subset.
 */
export interface AffineTerm {
  readonly variable: string;
  readonly coefficient: number;
}

export interface AffineExpr {
  readonly terms: readonly AffineTerm[];
  readonly constant: number;
}

export type ComparisonOp = '<' | '<=' | '>' | '>=' | '=';

/** `lhs op rhs` normalised to `expr >= 0` (or `expr == 0` for equality). */
export interface LinearConstraint {
  readonly expr: AffineExpr;
  readonly equality: boolean;
}

export class AffineSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
    this.name = 'AffineSyntaxError';
  }
}

type Token = { kind: 'num' | 'id' | 'op'; text: string; offset: number };

const TOKEN_RE = /\s*(?:(\d+)|([A-Za-z_#$@][A-Za-z0-9_]*)|(<=|>=|==|<|>|=|\+|-|\*|\(|\)))/y;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let offset = 0;
  while (offset < source.length) {
    if (/^\s*$/.test(source.slice(offset))) break;
    TOKEN_RE.lastIndex = offset;
    const match = TOKEN_RE.exec(source);
    if (!match) throw new AffineSyntaxError(`unexpected character '${source[offset]}'`, offset);
    const start = match.index + match[0].length - (match[1] ?? match[2] ?? match[3] ?? '').length;
    if (match[1] !== undefined) tokens.push({ kind: 'num', text: match[1], offset: start });
    else if (match[2] !== undefined) tokens.push({ kind: 'id', text: match[2], offset: start });
    else tokens.push({ kind: 'op', text: match[3]!, offset: start });
    offset = TOKEN_RE.lastIndex;
  }
  return tokens;
}

/** Recursive-descent parser over the token list; `and` joins comparison chains. */
class AffineParser {
  private index = 0;
  constructor(private readonly tokens: Token[], private readonly source: string) {}

  parseExpression(): AffineExpr {
    let result = this.parseTerm();
    for (;;) {
      const token = this.peek();
      if (token?.kind !== 'op' || (token.text !== '+' && token.text !== '-')) return result;
      this.index++;
      const rhs = this.parseTerm();
      result = addAffine(result, token.text === '-' ? scaleAffine(rhs, -1) : rhs);
    }
  }

  parseConstraints(): LinearConstraint[] {
    const constraints: LinearConstraint[] = [];
    for (;;) {
      let lhs = this.parseExpression();
      let sawComparison = false;
      for (;;) {
        const op = this.peek();
        if (op?.kind !== 'op' || !isComparison(op.text)) break;
        this.index++;
        const rhs = this.parseExpression();
        constraints.push(toConstraint(lhs, op.text === '==' ? '=' : (op.text as ComparisonOp), rhs));
        lhs = rhs;
        sawComparison = true;
      }
      if (!sawComparison) this.fail('expected a comparison such as `0 <= m < 64`');
      const next = this.peek();
      if (next?.kind === 'id' && next.text.toLowerCase() === 'and') {
        this.index++;
        continue;
      }
      if (next) this.fail(`unexpected '${next.text}'`);
      return constraints;
    }
  }

  atEnd(): boolean {
    return this.index >= this.tokens.length;
  }

  fail(message: string): never {
    const token = this.peek();
    throw new AffineSyntaxError(message, token ? token.offset : this.source.length);
  }

  private parseTerm(): AffineExpr {
    let result = this.parseFactor();
    while (this.peek()?.kind === 'op' && this.peek()!.text === '*') {
      this.index++;
      const rhs = this.parseFactor();
      result = multiplyAffine(result, rhs) ?? this.fail('only constant multiples of rank variables are affine');
    }
    return result;
  }

  private parseFactor(): AffineExpr {
    const token = this.peek();
    if (!token) this.fail('unexpected end of expression');
    this.index++;
    if (token.kind === 'num') return { terms: [], constant: Number(token.text) };
    if (token.kind === 'id') return { terms: [{ variable: token.text, coefficient: 1 }], constant: 0 };
    if (token.text === '-') return scaleAffine(this.parseFactor(), -1);
    if (token.text === '+') return this.parseFactor();
    if (token.text === '(') {
      const inner = this.parseExpression();
      if (this.peek()?.text !== ')') this.fail("expected ')'");
      this.index++;
      return inner;
    }
    this.index--;
    this.fail(`unexpected '${token.text}'`);
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }
}

function isComparison(text: string): boolean {
  return text === '<' || text === '<=' || text === '>' || text === '>=' || text === '=' || text === '==';
}

function toConstraint(lhs: AffineExpr, op: ComparisonOp, rhs: AffineExpr): LinearConstraint {
  const diff = addAffine(rhs, scaleAffine(lhs, -1)); // rhs - lhs
  switch (op) {
    case '<=':
      return { expr: diff, equality: false };
    case '<':
      return { expr: addAffine(diff, { terms: [], constant: -1 }), equality: false };
    case '>=':
      return { expr: scaleAffine(diff, -1), equality: false };
    case '>':
      return { expr: addAffine(scaleAffine(diff, -1), { terms: [], constant: -1 }), equality: false };
    case '=':
      return { expr: diff, equality: true };
  }
}

export function addAffine(a: AffineExpr, b: AffineExpr): AffineExpr {
  const coefficients = new Map<string, number>();
  for (const term of [...a.terms, ...b.terms]) {
    coefficients.set(term.variable, (coefficients.get(term.variable) ?? 0) + term.coefficient);
  }
  const terms = [...coefficients].filter(([, c]) => c !== 0).map(([variable, coefficient]) => ({ variable, coefficient }));
  return { terms, constant: a.constant + b.constant };
}

export function scaleAffine(a: AffineExpr, factor: number): AffineExpr {
  return {
    terms: a.terms.map((t) => ({ variable: t.variable, coefficient: t.coefficient * factor })),
    constant: a.constant * factor,
  };
}

function multiplyAffine(a: AffineExpr, b: AffineExpr): AffineExpr | undefined {
  if (a.terms.length === 0) return scaleAffine(b, a.constant);
  if (b.terms.length === 0) return scaleAffine(a, b.constant);
  return undefined;
}

/** Parses a projection value such as `p0*2+r0` or `p1 + r0`. */
export function parseAffine(source: string): AffineExpr {
  const parser = new AffineParser(tokenize(source), source);
  const expr = parser.parseExpression();
  if (!parser.atEnd()) parser.fail('unexpected text after expression');
  return expr;
}

/** Parses an ISL-style constraint such as `0 <= m < 64` or `m >= 0 and m < 8`. */
export function parseConstraints(source: string): LinearConstraint[] {
  return new AffineParser(tokenize(source), source).parseConstraints();
}

export function variablesOf(expr: AffineExpr): string[] {
  return expr.terms.map((t) => t.variable);
}
