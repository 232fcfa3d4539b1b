/** The set symbols every expression of an Einsum sees (docs/spec-format.md §6.2, §5.9). */
import { InvertibleSet, type PyValue } from '../../spec/expr/index.js';

export interface TensorUse {
  readonly name: string;
  readonly output: boolean;
  readonly explicitlyPersistent: boolean;
  readonly rankVariables: readonly string[];
}

export interface EinsumUses {
  readonly name: string;
  readonly tensors: readonly TensorUse[];
  readonly rankVariables: readonly string[];
}

/** Workload-wide facts the per-Einsum symbols depend on. */
export interface WorkloadUses {
  readonly written: ReadonlySet<string>;
  readonly read: ReadonlySet<string>;
  readonly useCount: ReadonlyMap<string, number>;
  readonly allTensors: readonly string[];
  readonly allRankVariables: readonly string[];
}

export function summarizeUses(einsums: readonly EinsumUses[]): WorkloadUses {
  const written = new Set<string>();
  const read = new Set<string>();
  const useCount = new Map<string, number>();
  const rankVariables = new Set<string>();
  for (const einsum of einsums) {
    for (const tensor of einsum.tensors) {
      (tensor.output ? written : read).add(tensor.name);
      useCount.set(tensor.name, (useCount.get(tensor.name) ?? 0) + 1);
    }
    for (const variable of einsum.rankVariables) rankVariables.add(variable);
  }
  return { written, read, useCount, allTensors: [...useCount.keys()], allRankVariables: [...rankVariables] };
}

/** Builds a tensor set in this Einsum's context: universe All, rank-variable and bits maps. */
export class EinsumSetFactory {
  private readonly rankVariablesOf: ReadonlyMap<string, readonly string[]>;
  private readonly tensorNames: readonly string[];

  constructor(
    private readonly einsum: EinsumUses,
    private readonly bitsPerValue: ReadonlyMap<string, number> = new Map(),
  ) {
    this.rankVariablesOf = new Map(einsum.tensors.map((t) => [t.name, t.rankVariables]));
    this.tensorNames = einsum.tensors.map((t) => t.name);
  }

  tensors(elements: Iterable<string>): InvertibleSet {
    return new InvertibleSet({
      elements,
      universe: this.tensorNames,
      kind: 'tensor',
      rankVariables: this.rankVariablesOf,
      allRankVariables: this.einsum.rankVariables,
      bitsPerValue: this.bitsPerValue,
    });
  }

  rankVariables(elements: Iterable<string>): InvertibleSet {
    return new InvertibleSet({ elements, universe: this.einsum.rankVariables, kind: 'rank_variable' });
  }

  /** The same elements, rebuilt in this factory's context (e.g. once bits per value are known). */
  rebuild(set: InvertibleSet): InvertibleSet {
    return set.kind === 'tensor' ? this.tensors(set.elements) : this.rankVariables(set.elements);
  }
}

/** The built-in symbols of one Einsum, before renames. */
export function builtinSymbols(einsum: EinsumUses, workload: WorkloadUses, sets: EinsumSetFactory): Map<string, PyValue> {
  const names = einsum.tensors.map((t) => t.name);
  const symbols = new Map<string, PyValue>();
  const all = sets.tensors(names);
  symbols.set('All', all);
  symbols.set('Tensors', all);
  symbols.set('Nothing', sets.tensors([]));
  symbols.set('Inputs', sets.tensors(einsum.tensors.filter((t) => !t.output).map((t) => t.name)));
  symbols.set('Outputs', sets.tensors(einsum.tensors.filter((t) => t.output).map((t) => t.name)));
  symbols.set('Intermediates', sets.tensors(names.filter((n) => workload.written.has(n) && workload.read.has(n))));
  symbols.set('Shared', sets.tensors(names.filter((n) => (workload.useCount.get(n) ?? 0) > 1)));
  symbols.set('Persistent', sets.tensors(einsum.tensors.filter((t) => t.explicitlyPersistent).map((t) => t.name)));
  const own = new Set(names);
  for (const tensor of workload.allTensors) symbols.set(tensor, sets.tensors(own.has(tensor) ? [tensor] : []));
  const ownVariables = new Set(einsum.rankVariables);
  for (const variable of workload.allRankVariables) {
    symbols.set(variable, sets.rankVariables(ownVariables.has(variable) ? [variable] : []));
  }
  return symbols;
}
