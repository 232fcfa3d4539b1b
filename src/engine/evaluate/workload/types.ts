/** The evaluated workload: shapes, bits per value and the set symbols of each Einsum. */
import type { PyValue } from '../../spec/expr/index.js';
import type { ProjectedRank } from './shapes.js';

export interface EvaluatedTensorAccess {
  readonly name: string;
  readonly output: boolean;
  readonly persistent: boolean;
  readonly bitsPerValue: number;
  readonly backingStorageSizeScale: number;
  /** Ranks in the tensor's order with their affine index expressions. */
  readonly projection: readonly ProjectedRank[];
  /** Rank variables that index this tensor, sorted. */
  readonly rankVariables: readonly string[];
}

export interface EvaluatedEinsum {
  readonly name: string;
  /** Position in workload order. */
  readonly index: number;
  /** Sorted by code point, as AccelForge iterates them. */
  readonly rankVariables: readonly string[];
  /** Rank-variable bounds (max − min + 1 of the operation space). */
  readonly bounds: Readonly<Record<string, number>>;
  /** Inputs first, output last, as written. */
  readonly tensors: readonly EvaluatedTensorAccess[];
  readonly isCopyOperation: boolean;
  /** workload.n_instances × einsum.n_instances. */
  readonly nInstances: number;
  /** Product of the rank-variable bounds: the compute operations the model counts. */
  readonly macs: number;
  /** Set symbols (All, Inputs, tensor names, renames, ...) for this Einsum's expressions. */
  readonly symbols: ReadonlyMap<string, PyValue>;
}

export interface EvaluatedWorkload {
  readonly einsums: readonly EvaluatedEinsum[];
  /** Evaluated workload.rank_sizes. */
  readonly rankSizes: Readonly<Record<string, number>>;
  /** Tensor → rank → extent. */
  readonly tensorShapes: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Tensor → number of values. */
  readonly tensorSizes: Readonly<Record<string, number>>;
}
