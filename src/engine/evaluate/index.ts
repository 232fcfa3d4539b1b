/**
 * Spec evaluation: spec variables once, the workload per Einsum, then the architecture per
 * Einsum (arch values may differ between Einsums) flattened into one path per Compute.
 */
import { Scope, type PyValue } from '../spec/expr/index.js';
import type { Spec } from '../spec/schema/spec.js';
import { evaluateArch, type EvaluatedArchNode } from './arch/evaluate-arch.js';
import { computeLeaves, flattenFor } from './arch/flatten.js';
import type { FlatArch } from './arch/types.js';
import { evaluateFreeForm, type LiteralTest } from './free-form.js';
import { evaluateWorkload, type EvaluatedWorkload } from './workload/index.js';

export type { EvaluatedEinsum, EvaluatedTensorAccess, EvaluatedWorkload } from './workload/index.js';
export type {
  EvaluatedAction,
  EvaluatedComponent,
  EvaluatedLeaf,
  EvaluatedSpatial,
  FlatArch,
  LeafKind,
  SetValue,
  TollDirection,
} from './arch/types.js';
export type { EvaluatedArchNode } from './arch/evaluate-arch.js';
export type { LiteralTest } from './free-form.js';

export interface EinsumArch {
  readonly einsum: string;
  readonly tree: readonly EvaluatedArchNode[];
  /** One flattened path per Compute of the arch (disabled ones included; see `enabled`). */
  readonly paths: readonly FlatArch[];
}

export interface EvaluatedSpec {
  readonly spec: Spec;
  readonly variables: ReadonlyMap<string, PyValue>;
  readonly workload: EvaluatedWorkload;
  readonly arches: readonly EinsumArch[];
  /** Builtins and spec variables: the scope under every Einsum's symbols. */
  readonly scope: Scope;
}

/** Evaluates everything expression-valued in the spec. Throws SpecErrorException on bad input. */
export function evaluateSpec(spec: Spec, isLiteral: LiteralTest): EvaluatedSpec {
  const variables = evaluateFreeForm(spec.variables, new Scope(), ['variables'], isLiteral);
  const scope = new Scope(variables);
  const workload = evaluateWorkload(spec, scope);
  const arches = workload.einsums.map((einsum): EinsumArch => {
    const tree = evaluateArch(spec, scope.child(einsum.symbols), isLiteral);
    const paths = computeLeaves(tree).map((compute) => ({
      einsum: einsum.name,
      compute: compute.name,
      leaves: flattenFor(tree, compute.name),
    }));
    return { einsum: einsum.name, tree, paths };
  });
  return { spec, variables, workload, arches, scope };
}

/** Re-evaluates the arch with an Einsum's symbols, for callers that need a fresh tree. */
export function evaluateArchFor(evaluated: EvaluatedSpec, einsum: string, isLiteral: LiteralTest): readonly EvaluatedArchNode[] {
  const target = evaluated.workload.einsums.find((e) => e.name === einsum);
  return target ? evaluateArch(evaluated.spec, evaluated.scope.child(target.symbols), isLiteral) : [];
}
