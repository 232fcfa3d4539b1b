/** Per-Einsum renames (docs/spec-format.md §5.7): own renames first, then the `default` entry's. */
import { failWith, type SpecPath } from '../../base/errors.js';
import { InvertibleSet, Scope, type PyValue } from '../../spec/expr/index.js';
import type { Rename } from '../../spec/schema/renames.js';
import type { Spec } from '../../spec/schema/spec.js';
import { evaluateSetField, evaluateTyped } from '../fields.js';

interface PlacedRename {
  readonly rename: Rename;
  readonly path: SpecPath;
}

/** The renames that apply to an Einsum, in evaluation order. */
export function renamesFor(spec: Spec, einsumIndex: number): PlacedRename[] {
  const einsum = spec.workload.einsums[einsumIndex]!;
  const own = einsum.renames.map((rename, i) => ({ rename, path: ['workload', 'einsums', einsumIndex, 'renames', i] }));
  const taken = new Set(einsum.renames.map((r) => r.name));
  const defaultIndex = spec.renames.einsums.findIndex((entry) => entry.name === 'default');
  if (defaultIndex < 0) return own;
  const entry = spec.renames.einsums[defaultIndex]!;
  const defaults: PlacedRename[] = [];
  for (const field of ['tensor_accesses', 'rank_variables'] as const) {
    entry[field].forEach((rename, i) => {
      if (taken.has(rename.name)) return;
      taken.add(rename.name);
      defaults.push({ rename, path: ['renames', 'einsums', defaultIndex, field, i] });
    });
  }
  return [...own, ...defaults];
}

/** Evaluates renames one by one; each result is visible to the next. */
export function evaluateRenames(renames: readonly PlacedRename[], scope: Scope): Map<string, PyValue> {
  const layer = scope.child();
  const result = new Map<string, PyValue>();
  for (const { rename, path } of renames) {
    const value = evaluateSetField(rename.source, layer, [...path, 'source']);
    checkExpectedCount(rename, value, layer, path);
    layer.set(rename.name, value);
    result.set(rename.name, value);
  }
  return result;
}

function checkExpectedCount(rename: Rename, value: InvertibleSet, scope: Scope, path: SpecPath): void {
  if (rename.expected_count === null) return;
  const expected = evaluateTyped(rename.expected_count, scope, [...path, 'expected_count'], 'int');
  if (value.size === expected) return;
  const got = value.elements.length > 0 ? ` (${value.elements.join(', ')})` : '';
  failWith('workload', `Rename \`${rename.name}\`: expected count is ${expected}, but \`${rename.source}\` gave ${value.size}${got}.`, {
    path: [...path, 'source'],
    hint: `Change the source so it selects exactly ${expected} element${expected === 1 ? '' : 's'}, or change expected_count.`,
  });
}
