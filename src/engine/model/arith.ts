/**
 * The arithmetic the reuse analysis runs on. Plain numbers evaluate one mapping; polynomials in
 * the loop trip counts (poly.ts) give a template's closed form for the mapper's tile search.
 */
export interface Arith<T> {
  readonly zero: T;
  readonly one: T;
  constant(value: number): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  scale(a: T, factor: number): T;
}

export const NUMBERS: Arith<number> = {
  zero: 0,
  one: 1,
  constant: (value) => value,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  scale: (a, factor) => a * factor,
};

/**
 * Per-loop quantities the analysis needs: a loop's trip count and the tile it leaves for its
 * rank variable. Numbers come from one mapping's counts; symbols from a template's loops.
 */
export interface LoopValues<T> {
  readonly arith: Arith<T>;
  /** Trip count of a loop as seen by a tensor it is relevant (or irrelevant) to. */
  count(loopIndex: number, irrelevant: boolean): T;
  /** Tile of the loop's rank variable below the loop. */
  tile(loopIndex: number): T;
  /** Full bound of rank variable `rv`. */
  bound(rv: number): T;
}
