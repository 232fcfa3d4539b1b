/**
 * What the mapper evaluates before it searches, evaluated for `check`: each memory's tensor sets
 * (with the mapper's own code) and each spatial dimension's loop_bounds rank-variable sets.
 */
import type { EvaluatedEinsum, EvaluatedSpec, FlatArch } from '../evaluate/index.js';
import { evaluateSetField } from '../evaluate/fields.js';
import { checkPlacementExpressions } from '../mapper/dataplacement.js';
import type { Scope } from '../spec/expr/index.js';

function checkLoopBounds(path: FlatArch, scope: Scope): void {
  for (const leaf of path.leaves) {
    leaf.spatial.forEach((dim, j) =>
      dim.loopBounds.forEach((bound, k) => evaluateSetField(bound.expression, scope, [...leaf.path, 'spatial', j, 'loop_bounds', k, 'expression'])),
    );
  }
}

function checkEinsum(evaluated: EvaluatedSpec, einsum: EvaluatedEinsum, index: number): void {
  const scope = evaluated.scope.child(einsum.symbols);
  for (const path of evaluated.arches[index]!.paths) {
    if (path.leaves[path.leaves.length - 1]?.component?.enabled === false) continue;
    checkPlacementExpressions(einsum, path.leaves, scope);
    checkLoopBounds(path, scope);
  }
}

/** Throws a SpecErrorException for the first expression the search would fail on. */
export function checkBeforeSearch(evaluated: EvaluatedSpec): void {
  evaluated.workload.einsums.forEach((einsum, i) => checkEinsum(evaluated, einsum, i));
}
