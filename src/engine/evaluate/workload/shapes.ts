import { failWith, type SpecPath } from '../../base/errors.js';
import { parseConstraints, type AffineExpr, type LinearConstraint, AffineSyntaxError } from '../affine.js';
import { propagateBounds, rangeOf, type Interval } from '../iteration-space.js';

/** One rank of a tensor access: `P0: p1 + r0`. */
export interface ProjectedRank {
  readonly rank: string;
  readonly expr: AffineExpr;
}

export interface AccessShape {
  readonly tensor: string;
  readonly output: boolean;
  readonly ranks: readonly ProjectedRank[];
}

export interface EinsumSpace {
  readonly name: string;
  readonly rankVariables: readonly string[];
  /** ISL-style constraint strings with the spec path each came from. */
  readonly constraints: readonly { text: string; path: SpecPath }[];
  readonly accesses: readonly AccessShape[];
  /** Size of each rank for this Einsum (Einsum rank_sizes over workload rank_sizes). */
  readonly rankSizes: ReadonlyMap<string, number>;
  readonly path: SpecPath;
}

/** Per-variable intervals of an Einsum's operation space. */
export function operationSpaceBounds(space: EinsumSpace): Map<string, Interval> {
  const constraints: LinearConstraint[] = [];
  for (const { text, path } of space.constraints) constraints.push(...parseConstraintAt(text, path));
  for (const access of space.accesses) {
    for (const { rank, expr } of access.ranks) {
      const size = space.rankSizes.get(rank);
      if (size === undefined) continue;
      constraints.push({ expr, equality: false }); // expr >= 0
      constraints.push({
        expr: { terms: expr.terms.map((t) => ({ ...t, coefficient: -t.coefficient })), constant: size - 1 - expr.constant },
        equality: false,
      }); // size - 1 - expr >= 0
    }
  }
  return propagateBounds(space.rankVariables, constraints);
}

function parseConstraintAt(text: string, path: SpecPath): LinearConstraint[] {
  try {
    return parseConstraints(text);
  } catch (error) {
    if (!(error instanceof AffineSyntaxError)) throw error;
    return failWith('workload', `Cannot read the iteration-space constraint \`${text}\`: ${error.message}.`, {
      path,
      hint: 'Write constraints as affine comparisons over rank variables, e.g. `0 <= m < 64`.',
    });
  }
}

/** The constraint that bounds a rank variable (so errors point at it), if the spec writes one. */
function constraintOf(space: EinsumSpace, variable: string): { text: string; path: SpecPath } | undefined {
  return space.constraints.find((c) => c.text.split(/[^A-Za-z0-9_#$@]+/).includes(variable));
}

/** Where an unconstrained rank variable is used: the first projection naming it (list form's index). */
function projectionUsing(space: EinsumSpace, variable: string): SpecPath | undefined {
  for (const [k, access] of space.accesses.entries()) {
    const j = access.ranks.findIndex((r) => r.expr.terms.some((t) => t.variable === variable));
    if (j >= 0) return [...space.path, 'tensor_accesses', k, 'projection', j];
  }
  return undefined;
}

const NAME_PATTERN = /[A-Za-z_#$@][A-Za-z0-9_]*/g;

/** Names in a constraint that are not this Einsum's rank variables: constraints do not see spec variables. */
function foreignNames(space: EinsumSpace, text: string): string[] {
  const names = text.match(NAME_PATTERN) ?? [];
  return [...new Set(names.filter((n) => !space.rankVariables.includes(n) && !/^(and|or|not)$/i.test(n)))];
}

/** Where `name` first appears as a whole name in `text` (read as foreignNames reads it; 0 if absent). */
function nameOffset(text: string, name: string): number {
  for (const match of text.matchAll(NAME_PATTERN)) if (match[0] === name) return match.index;
  return 0;
}

/** Why a rank variable has no bound, and how to give it one. */
function unbounded(space: EinsumSpace, variable: string, constraint: { text: string } | undefined): { message: string; hint: string; valueOffset?: number } {
  const foreign = constraint ? foreignNames(space, constraint.text) : [];
  const message = `Rank variable \`${variable}\` of Einsum ${space.name} has no bound`;
  const general =
    `Give the rank it indexes a size in workload.rank_sizes (e.g. \`${variable.toUpperCase()}: 64\`), ` +
    `or constrain it in workload.iteration_space_shape (e.g. \`${variable}: 0 <= ${variable} < 64\`).`;
  if (foreign.length === 0) return { message: `${message}.`, hint: general };
  const which = foreign.length > 1 ? 'are not rank variables' : 'is not a rank variable';
  return {
    message: `${message}: \`${constraint!.text}\` names ${foreign.join(', ')}, which ${which}.`,
    hint: `Constraints take numbers, not spec variables; use a Jinja variable such as \`{{${foreign[0]}}}\`, or a number.`,
    valueOffset: nameOffset(constraint!.text, foreign[0]!),
  };
}

/** Bound (max - min + 1) of every rank variable; an unbounded one is an error. */
export function rankVariableBounds(space: EinsumSpace, intervals: Map<string, Interval>): Map<string, number> {
  const bounds = new Map<string, number>();
  for (const variable of space.rankVariables) {
    const interval = intervals.get(variable)!;
    const constraint = constraintOf(space, variable);
    if (!Number.isFinite(interval.lo) || !Number.isFinite(interval.hi)) {
      const { message, hint, valueOffset } = unbounded(space, variable, constraint);
      failWith('workload', message, { path: constraint?.path ?? projectionUsing(space, variable) ?? space.path, hint, ...(valueOffset === undefined ? {} : { valueOffset }) });
    }
    if (interval.hi < interval.lo) {
      failWith('workload', `Rank variable \`${variable}\` of Einsum ${space.name} has an empty range.`, {
        path: constraint?.path ?? space.path,
        hint: 'Check the rank sizes and iteration_space_shape constraints; they contradict each other.',
      });
    }
    const size = interval.hi - interval.lo + 1;
    // Past 2^53 a double skips integers, so counts built on the size would be silently rounded.
    if (!Number.isSafeInteger(size)) {
      failWith('workload', `Rank variable \`${variable}\` of Einsum ${space.name} has about ${size.toPrecision(4)} values, more than 2^53 - 1 (9007199254740991), the largest count a number holds exactly.`, {
        path: space.path,
        hint: 'Use a smaller rank size; a model this large cannot be counted exactly.',
      });
    }
    bounds.set(variable, size);
  }
  return bounds;
}

/**
 * Shape of each tensor: the bounding box of the projections of the Einsums that write it (or,
 * if none does, that read it), intersected across those Einsums.
 */
export function tensorShapes(
  spaces: readonly EinsumSpace[],
  intervals: ReadonlyMap<string, ReadonlyMap<string, Interval>>,
): Map<string, Map<string, number>> {
  const writers = new Map<string, { space: EinsumSpace; access: AccessShape }[]>();
  const readers = new Map<string, { space: EinsumSpace; access: AccessShape }[]>();
  for (const space of spaces) {
    for (const access of space.accesses) {
      const table = access.output ? writers : readers;
      const list = table.get(access.tensor) ?? [];
      list.push({ space, access });
      table.set(access.tensor, list);
    }
  }
  const shapes = new Map<string, Map<string, number>>();
  for (const tensor of new Set([...writers.keys(), ...readers.keys()])) {
    const sources = writers.get(tensor) ?? readers.get(tensor) ?? [];
    const boxes = new Map<string, Interval>();
    for (const { space, access } of sources) {
      const spaceIntervals = intervals.get(space.name)!;
      for (const { rank, expr } of access.ranks) {
        const range = rangeOf(expr, spaceIntervals);
        const previous = boxes.get(rank);
        boxes.set(rank, previous ? { lo: Math.max(previous.lo, range.lo), hi: Math.min(previous.hi, range.hi) } : range);
      }
    }
    shapes.set(tensor, new Map([...boxes].map(([rank, box]) => [rank, Math.max(0, box.hi - box.lo + 1)])));
  }
  return shapes;
}
