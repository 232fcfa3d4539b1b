/** Expression AST. Every node keeps the offset of its first character for error messages. */
/** `~` is Jinja's string concatenation (templates only). */
export type BinaryOperator = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '&' | '|' | '^' | '<<' | '>>' | '@' | '~';
export type CompareOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in' | 'is' | 'is not';
export type UnaryOperator = '-' | '+' | '~' | 'not';

/** A `for target in iterable if cond...` clause of a comprehension. */
export interface ForClause {
  readonly target: Target;
  readonly iterable: Expr;
  readonly conditions: readonly Expr[];
}

/** A comprehension loop target: a name or a tuple of targets. */
export type Target =
  | { readonly type: 'name'; readonly name: string; readonly offset: number }
  | { readonly type: 'tuple'; readonly items: readonly Target[]; readonly offset: number };

/** A `name=value` call argument. */
export interface Keyword {
  readonly name: string;
  readonly value: Expr;
}

/** An expression node. */
export type Expr = { readonly offset: number } & (
  | { readonly type: 'constant'; readonly value: null | boolean | number | string; readonly float?: boolean }
  | { readonly type: 'name'; readonly name: string }
  | { readonly type: 'list'; readonly items: readonly Expr[] }
  | { readonly type: 'tuple'; readonly items: readonly Expr[] }
  | { readonly type: 'dict'; readonly entries: readonly (readonly [Expr, Expr])[] }
  | { readonly type: 'binary'; readonly op: BinaryOperator; readonly left: Expr; readonly right: Expr }
  | { readonly type: 'unary'; readonly op: UnaryOperator; readonly operand: Expr }
  | { readonly type: 'bool'; readonly op: 'and' | 'or'; readonly values: readonly Expr[] }
  | {
      readonly type: 'compare';
      readonly first: Expr;
      readonly rest: readonly (readonly [CompareOperator, Expr])[];
    }
  | { readonly type: 'conditional'; readonly test: Expr; readonly body: Expr; readonly orElse: Expr }
  | { readonly type: 'attribute'; readonly object: Expr; readonly name: string }
  | { readonly type: 'subscript'; readonly object: Expr; readonly index: Expr }
  | {
      readonly type: 'slice';
      readonly lower: Expr | undefined;
      readonly upper: Expr | undefined;
      readonly step: Expr | undefined;
    }
  | { readonly type: 'call'; readonly callee: Expr; readonly args: readonly Expr[]; readonly keywords: readonly Keyword[] }
  /** Jinja (templates only): `value | name(args)` and `value is [not] name(args)`. */
  | {
      readonly type: 'filter' | 'test';
      readonly value: Expr;
      readonly name: string;
      readonly args: readonly Expr[];
      readonly keywords: readonly Keyword[];
      readonly negated?: boolean;
    }
  | {
      readonly type: 'comprehension';
      readonly kind: 'list' | 'generator';
      readonly element: Expr;
      readonly clauses: readonly ForClause[];
    }
);

/** The node type with a given `type` tag. */
export type ExprOf<T extends Expr['type']> = Extract<Expr, { type: T }>;
