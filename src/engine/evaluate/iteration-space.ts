import type { AffineExpr, LinearConstraint } from './affine.js';

/** Inclusive integer interval; infinite ends mean "not constrained". */
export interface Interval {
  lo: number;
  hi: number;
}

const MAX_PROPAGATION_ROUNDS = 64;

/**
 * Per-variable integer bounds implied by linear constraints, by interval propagation to a
 * fixpoint. For the box and `p + r < P` constraints workloads use, this gives the same
 * per-axis extents as ISL's exact projection.
 */
export function propagateBounds(variables: readonly string[], constraints: readonly LinearConstraint[]): Map<string, Interval> {
  const bounds = new Map<string, Interval>(variables.map((v) => [v, { lo: -Infinity, hi: Infinity }]));
  for (let round = 0; round < MAX_PROPAGATION_ROUNDS; round++) {
    let changed = false;
    for (const constraint of constraints) {
      changed = tightenFrom(constraint.expr, bounds) || changed;
      if (constraint.equality) changed = tightenFrom(negate(constraint.expr), bounds) || changed;
    }
    if (!changed) break;
  }
  return bounds;
}

function negate(expr: AffineExpr): AffineExpr {
  return { terms: expr.terms.map((t) => ({ variable: t.variable, coefficient: -t.coefficient })), constant: -expr.constant };
}

/** Tightens every variable of `expr >= 0` given the others' current bounds. */
function tightenFrom(expr: AffineExpr, bounds: Map<string, Interval>): boolean {
  let changed = false;
  for (const target of expr.terms) {
    let othersMax = expr.constant;
    for (const other of expr.terms) {
      if (other === target) continue;
      const interval = bounds.get(other.variable);
      if (!interval) return changed;
      othersMax += other.coefficient > 0 ? other.coefficient * interval.hi : other.coefficient * interval.lo;
    }
    if (!Number.isFinite(othersMax)) continue;
    const interval = bounds.get(target.variable);
    if (!interval) continue;
    // target.coefficient * x + othersMax >= 0
    if (target.coefficient > 0) {
      const lo = Math.ceil(-othersMax / target.coefficient) + 0; // + 0 turns -0 into 0
      if (lo > interval.lo) {
        interval.lo = lo;
        changed = true;
      }
    } else {
      const hi = Math.floor(othersMax / -target.coefficient) + 0;
      if (hi < interval.hi) {
        interval.hi = hi;
        changed = true;
      }
    }
  }
  return changed;
}

/** Range of an affine expression over a box of variable intervals. */
export function rangeOf(expr: AffineExpr, bounds: ReadonlyMap<string, Interval>): Interval {
  let lo = expr.constant;
  let hi = expr.constant;
  for (const term of expr.terms) {
    const interval = bounds.get(term.variable) ?? { lo: -Infinity, hi: Infinity };
    const a = term.coefficient * interval.lo;
    const b = term.coefficient * interval.hi;
    lo += Math.min(a, b);
    hi += Math.max(a, b);
  }
  return { lo, hi };
}
