/** Workload evaluation: rank sizes, shapes, symbols, renames and bits per value per Einsum. */
import { failWith, type SpecPath } from '../../base/errors.js';
import { emptyRecord, recordFrom } from '../../base/records.js';
import { InvertibleSet, orderByReferences, type PyValue, type Scope } from '../../spec/expr/index.js';
import type { Spec } from '../../spec/schema/spec.js';
import { AffineSyntaxError, parseAffine } from '../affine.js';
import { atField, evaluateSetField, evaluateTyped } from '../fields.js';
import type { Interval } from '../iteration-space.js';
import { checkConsistentBits, resolveBitsPerValue } from './bits-per-value.js';
import { checkNoCycles, checkOutputs } from './dependencies.js';
import { evaluateRenames, renamesFor } from './renames.js';
import { operationSpaceBounds, rankVariableBounds, tensorShapes, type EinsumSpace, type ProjectedRank } from './shapes.js';
import { builtinSymbols, EinsumSetFactory, summarizeUses, type EinsumUses } from './symbols.js';
import type { EvaluatedEinsum, EvaluatedTensorAccess, EvaluatedWorkload } from './types.js';

export type { EvaluatedEinsum, EvaluatedTensorAccess, EvaluatedWorkload } from './types.js';

const IDENTIFIER = /[A-Za-z#$@][A-Za-z0-9_]*/g;
const NOT_RANK_VARIABLES = new Set(['EQ', 'NE', 'LT', 'GT', 'LE', 'GE', 'NG', 'NL', 'AND', 'OR']);

function sortCodePoint(names: Iterable<string>): string[] {
  return [...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function einsumPath(index: number): SpecPath {
  return ['workload', 'einsums', index];
}

/** Evaluates workload.rank_sizes in dependency order. */
function evaluateRankSizes(spec: Spec, scope: Scope): Map<string, number> {
  const raw = new Map(Object.entries(spec.workload.rank_sizes));
  const order = atField(['workload', 'rank_sizes'], () => orderByReferences(raw));
  const layer = scope.child();
  const sizes = new Map<string, number>();
  for (const rank of order) {
    const size = evaluateTyped(raw.get(rank), layer, ['workload', 'rank_sizes', rank], 'int', 'rank_size');
    layer.set(rank, size);
    sizes.set(rank, size);
  }
  return sizes;
}

function projectAccess(text: string, path: SpecPath): ProjectedRank['expr'] {
  try {
    return parseAffine(text);
  } catch (error) {
    if (!(error instanceof AffineSyntaxError)) throw error;
    return failWith('workload', `Projection \`${text}\` is not an affine index expression: ${error.message}.`, {
      path,
      hint: 'Index expressions are sums of rank variables times constants, e.g. `p + r` or `2*p + r`.',
    });
  }
}

function buildSpace(spec: Spec, index: number, rankSizes: ReadonlyMap<string, number>): EinsumSpace {
  const einsum = spec.workload.einsums[index]!;
  const path = einsumPath(index);
  const accesses = einsum.tensor_accesses.map((access, k) => ({
    tensor: access.name,
    output: access.output,
    ranks: Object.entries(access.projection).map(([rank, text]) => ({
      rank,
      expr: projectAccess(text, [...path, 'tensor_accesses', k, 'projection', rank]),
    })),
  }));
  const rankVariables = sortCodePoint(
    einsum.tensor_accesses.flatMap((a) =>
      Object.values(a.projection).flatMap((text) => (text.match(IDENTIFIER) ?? []).filter((id) => !NOT_RANK_VARIABLES.has(id))),
    ),
  );
  const constraints = einsum.iteration_space_shape.map((text, i) => ({ text, path: [...path, 'iteration_space_shape', i] }));
  for (const variable of rankVariables) {
    const text = spec.workload.iteration_space_shape[variable];
    if (text !== undefined) constraints.push({ text, path: ['workload', 'iteration_space_shape', variable] });
  }
  const sizes = new Map(rankSizes);
  for (const [rank, size] of Object.entries(einsum.rank_sizes)) sizes.set(rank, size);
  return { name: einsum.name, rankVariables, constraints, accesses, rankSizes: sizes, path };
}

/** A rank variable shared by Einsums must have the same bound in each. */
function checkSharedBounds(einsums: readonly { name: string; bounds: ReadonlyMap<string, number>; index: number }[]): void {
  const first = new Map<string, { bound: number; einsum: string }>();
  for (const { name, bounds, index } of einsums) {
    for (const [variable, bound] of bounds) {
      const seen = first.get(variable);
      if (!seen) first.set(variable, { bound, einsum: name });
      else if (seen.bound !== bound) {
        failWith('workload', `Rank variable \`${variable}\` has bound ${seen.bound} in ${seen.einsum} but ${bound} in ${name}.`, {
          path: einsumPath(index),
          hint: 'A rank variable shared by several Einsums must have the same range in each; check rank_sizes and iteration_space_shape.',
        });
      }
    }
  }
}

/** Evaluates the workload for every Einsum. `scope` holds the spec variables. */
export function evaluateWorkload(spec: Spec, scope: Scope): EvaluatedWorkload {
  checkOutputs(spec);
  checkNoCycles(spec);
  const rankSizes = evaluateRankSizes(spec, scope);
  const spaces = spec.workload.einsums.map((_, i) => buildSpace(spec, i, rankSizes));
  const intervals = new Map<string, Map<string, Interval>>();
  const bounds = spaces.map((space, index) => {
    const spaceIntervals = operationSpaceBounds(space);
    intervals.set(space.name, spaceIntervals);
    return { name: space.name, index, bounds: rankVariableBounds(space, spaceIntervals) };
  });
  checkSharedBounds(bounds);
  const shapes = tensorShapes(spaces, intervals);

  const uses: EinsumUses[] = spec.workload.einsums.map((einsum, i) => ({
    name: einsum.name,
    rankVariables: spaces[i]!.rankVariables,
    tensors: einsum.tensor_accesses.map((access) => ({
      name: access.name,
      output: access.output,
      explicitlyPersistent: access.persistent,
      rankVariables: sortCodePoint(
        Object.values(access.projection).flatMap((t) => (t.match(IDENTIFIER) ?? []).filter((id) => !NOT_RANK_VARIABLES.has(id))),
      ),
    })),
  }));
  const workloadUses = summarizeUses(uses);

  const firstPass = uses.map((einsumUses, i) => {
    const sets = new EinsumSetFactory(einsumUses);
    const base = scope.child(builtinSymbols(einsumUses, workloadUses, sets));
    const renames = evaluateRenames(renamesFor(spec, i), base);
    const withRenames = base.child(renames);
    const bits = resolveBitsPerValue(spec, i, withRenames);
    return { renames, bits, persistent: persistentTensors(spec, withRenames) };
  });
  const bitsByTensor = checkConsistentBits(firstPass.map((p, i) => ({ einsum: uses[i]!.name, bits: p.bits })));

  const einsums: EvaluatedEinsum[] = spec.workload.einsums.map((einsum, i) => {
    const sets = new EinsumSetFactory(uses[i]!, bitsByTensor);
    const symbols = builtinSymbols(uses[i]!, workloadUses, sets);
    for (const [name, value] of firstPass[i]!.renames) symbols.set(name, rebuildIfSet(sets, value));
    const boundMap = bounds[i]!.bounds;
    const tensors: EvaluatedTensorAccess[] = einsum.tensor_accesses.map((access, k) => ({
      name: access.name,
      output: access.output,
      persistent: access.persistent || firstPass[i]!.persistent.has(access.name),
      bitsPerValue: firstPass[i]!.bits.get(access.name)!,
      backingStorageSizeScale: access.backing_storage_size_scale,
      projection: spaces[i]!.accesses[k]!.ranks,
      rankVariables: uses[i]!.tensors[k]!.rankVariables,
    }));
    return {
      name: einsum.name,
      index: i,
      rankVariables: spaces[i]!.rankVariables,
      bounds: recordFrom(boundMap),
      tensors,
      isCopyOperation: einsum.is_copy_operation,
      nInstances: spec.workload.n_instances * einsum.n_instances,
      macs: [...boundMap.values()].reduce((a, b) => a * b, 1),
      symbols,
    };
  });

  const tensorShapesRecord = emptyRecord<Record<string, number>>();
  const tensorSizes = emptyRecord<number>();
  for (const [tensor, shape] of shapes) {
    tensorShapesRecord[tensor] = recordFrom(shape);
    tensorSizes[tensor] = [...shape.values()].reduce((a, b) => a * b, 1);
  }
  return { einsums, rankSizes: recordFrom(rankSizes), tensorShapes: tensorShapesRecord, tensorSizes };
}

function rebuildIfSet(sets: EinsumSetFactory, value: PyValue): PyValue {
  return value instanceof InvertibleSet ? sets.rebuild(value) : value;
}

/** Tensors matched by workload.persistent_tensors in this Einsum. */
function persistentTensors(spec: Spec, scope: Scope): Set<string> {
  const expression = spec.workload.persistent_tensors;
  if (expression === null) return new Set();
  return new Set(evaluateSetField(expression, scope, ['workload', 'persistent_tensors']).elements);
}
