/**
 * The model's own input: plain, already-evaluated data. The spec evaluator (the lead's adapter)
 * turns an evaluated spec into these types; the model never sees expressions, except custom
 * `total_latency` strings, which it hands back through `ModelInput.evaluateLatency`.
 */
import type { SpecPath } from '../base/errors.js';
import type { Mapping } from '../spec/schema/mapping.js';

/** One term `coeff * var` of an affine projection expression. */
export interface AffineTerm {
  readonly var: string;
  readonly coeff: number;
}

/** One rank of a tensor's projection: `constant + Σ coeff·var` (e.g. `M: m`, `P: p + r`). */
export interface ProjectionRank {
  readonly rank: string;
  readonly terms: readonly AffineTerm[];
  readonly constant: number;
}

export interface ModelTensor {
  readonly name: string;
  /** Ranks in the tensor's order (relevancy looks at the first rank containing a variable). */
  readonly projection: readonly ProjectionRank[];
  /** Workload bits per value (before any per-memory override). */
  readonly bitsPerValue: number;
  readonly output: boolean;
  readonly persistent: boolean;
  /** Carried for completeness; AccelForge's model does not use it. */
  readonly backingStorageSizeScale: number;
}

export type LeafKind = 'memory' | 'toll' | 'compute' | 'container' | 'network';
export type TollDirection = 'up' | 'down' | 'up_and_down';

/** One fanout dimension (`spatial:` item) of an arch node. */
export interface SpatialDim {
  readonly name: string;
  readonly fanout: number;
  /** Tensors that may be multicast / reduced across this dimension's instances. */
  readonly mayReuse: readonly string[];
  readonly usageScale: number;
  readonly powerGateable: boolean;
}

export interface ModelAction {
  readonly name: string;
  /** Energy per action, after all scales. */
  readonly energy: number;
  /** Actions per second (or per cycle), after all scales; Infinity allowed. */
  readonly throughput: number;
  /** Deprecated `latency` when kept beside a throughput (exposed to latency expressions). */
  readonly latency?: number | null;
  /** The action's own `bits_per_action`; null means "inherit the component's, else 1". */
  readonly bitsPerAction: number | null;
  /** Per-tensor `values_per_action` of the action (highest precedence). */
  readonly valuesPerAction: Readonly<Record<string, number>>;
}

/** One leaf of the flattened arch path (root → this Einsum's Compute), evaluated for the Einsum. */
export interface ArchLeaf {
  readonly name: string;
  readonly kind: LeafKind;
  /** Capacity in bits (Infinity allowed); ignored for non-memories. */
  readonly size: number;
  readonly spatial: readonly SpatialDim[];
  /** Per-tensor bits-per-value overrides in this memory. */
  readonly bitsPerValue: Readonly<Record<string, number>>;
  readonly bitsPerAction: number | null;
  readonly valuesPerAction: Readonly<Record<string, number>>;
  readonly actions: readonly ModelAction[];
  /** Leak power × ancestors' fanout (AccelForge's `total_leak_power`). */
  readonly totalLeakPower: number;
  /** Area × ancestors' fanout (AccelForge's `total_area`). */
  readonly totalArea: number;
  readonly actionsScale: number;
  /** Memory / Compute flag; defaults to true in the spec. */
  readonly skipInitialOutputWrite: boolean;
  /** Toll only: direction per tensor. */
  readonly tollDirection: Readonly<Record<string, TollDirection>>;
  /** A number is used as is; null means no latency; a string is an expression. */
  readonly totalLatency: number | string | null;
}

/** A component of the arch that is not on this Einsum's path: it still leaks. */
export interface OffPathComponent {
  readonly name: string;
  readonly totalLeakPower: number;
  readonly totalArea: number;
  /** It has a power-gateable spatial dimension of its own (then it is fully gated off). */
  readonly powerGateable: boolean;
}

export interface ModelEinsum {
  readonly name: string;
  /** Rank-variable bounds, e.g. `{m: 64, n0: 32}`. */
  readonly rankBounds: Readonly<Record<string, number>>;
  readonly tensors: readonly ModelTensor[];
  readonly isCopyOperation: boolean;
  /** workload.n_instances × einsum.n_instances. */
  readonly nInstances: number;
  /** Flattened arch path ending at the Compute this Einsum runs on, in hierarchy order. */
  readonly arch: readonly ArchLeaf[];
  /** All other arch components (for leak energy and area totals). */
  readonly offPath: readonly OffPathComponent[];
}

/** An action as seen by a `total_latency` expression. */
export interface LatencyAction {
  readonly name: string;
  readonly nCalls: number;
  readonly throughput: number;
  readonly energy: number;
  readonly latency: number | null;
}

/** Evaluates a custom `total_latency` expression; returns seconds (or cycles). */
export type LatencyEvaluator = (
  component: ArchLeaf,
  expression: string,
  actions: readonly LatencyAction[],
  einsum: string,
) => number;

export interface ModelInput {
  /** Every Einsum of the workload, in workload order. */
  readonly einsums: readonly ModelEinsum[];
  /** The validated `mapping:` section; tile shapes must already be numbers. */
  readonly mapping: Mapping;
  /** Spec path of the mapping section, used in error paths. Default `['mapping']`. */
  readonly mappingPath?: SpecPath;
  /** Needed only when some component has a non-default `total_latency` string. */
  readonly evaluateLatency?: LatencyEvaluator;
}
