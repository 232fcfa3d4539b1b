/**
 * The engine's task-level API: what the CLI and the worker call. Inputs and outputs are plain,
 * structured-cloneable data so they cross a worker boundary unchanged.
 */
import type { SpecError } from './base/errors.js';
import type { MapperEvent } from './mapper/events.js';

/** A design as the user edits it: named files plus the Jinja variables. */
export interface DesignFiles {
  /** Files by path, e.g. 'arch.yaml' → text. Paths are resolved inside an in-memory file system. */
  readonly files: Readonly<Record<string, string>>;
  /** Which files make up the spec, in order (the first file that defines a top-level key wins). */
  readonly specFiles: readonly string[];
  /** Jinja variables (`--set KEY=VALUE` on the CLI). */
  readonly variables: Readonly<Record<string, unknown>>;
}

export interface EinsumSummary {
  readonly name: string;
  readonly rankVariableBounds: Readonly<Record<string, number>>;
  readonly tensorSizes: Readonly<Record<string, number>>;
  readonly macs: number;
}

export interface ArchPathSummary {
  readonly einsum: string;
  readonly compute: string;
  readonly nodes: readonly { name: string; kind: string; fanout: number }[];
}

export interface CheckResult {
  readonly errors: readonly SpecError[];
  readonly einsums: readonly EinsumSummary[];
  readonly archPaths: readonly ArchPathSummary[];
}

/** Headline numbers of one evaluated mapping (SI units: J, s, m², W). */
export interface EvaluationTotals {
  readonly energy: number;
  readonly latency: number;
  /** Energy × latency (J·s). */
  readonly edp: number;
  readonly computeOps: number;
  /** J per compute operation (×1e12 for pJ/MAC). */
  readonly energyPerCompute: number;
  readonly area: number;
  readonly leakPower: number;
}

export interface EnergyRecord {
  readonly einsum: string;
  readonly component: string;
  /** null for compute and leak. */
  readonly tensor: string | null;
  readonly action: string;
  readonly energy: number;
}

export interface ActionCountRecord {
  readonly einsum: string;
  readonly component: string;
  readonly tensor: string | null;
  readonly action: string;
  readonly count: number;
}

export interface LatencyRecord {
  readonly einsum: string;
  readonly component: string;
  readonly latency: number;
}

/** Fraction of a memory a tensor's tile occupies; no einsum = peak over the whole mapping. */
export interface MemoryUsageRecord {
  readonly einsum?: string;
  readonly component: string;
  readonly tensor?: string;
  readonly fraction: number;
}

/** Area and leak power of one arch component, times the fanout of its ancestors (m², W). */
export interface ComponentAreaRecord {
  readonly component: string;
  readonly area: number;
  readonly leakPower: number;
}

export interface EinsumRow {
  readonly einsum: string;
  readonly energy: number;
  readonly latency: number;
  readonly computeOps: number;
  readonly energyPerCompute: number;
}

export type LoopTreeNodeKind =
  | 'storage'
  | 'toll'
  | 'temporal'
  | 'spatial'
  | 'compute'
  | 'sequential'
  | 'pipeline'
  | 'split'
  | 'reservation'
  | 'text';

/** One node of a LoopTree for drawing; a straight line of nodes is a chain of single children. */
export interface LoopTreeNodeDto {
  readonly kind: LoopTreeNodeKind;
  readonly tensors: readonly string[];
  readonly component: string | null;
  readonly rankVariable: string | null;
  /** As written in the mapping: a number or an expression. */
  readonly tileShape: number | string | null;
  /** Spatial loops: the arch dimension. Compute: the Einsum. */
  readonly detail: string | null;
  readonly persistent: boolean;
  readonly children: readonly LoopTreeNodeDto[];
}

export interface EvaluationData {
  readonly totals: EvaluationTotals;
  readonly energy: readonly EnergyRecord[];
  readonly actions: readonly ActionCountRecord[];
  readonly latency: readonly LatencyRecord[];
  readonly memoryUsage: readonly MemoryUsageRecord[];
  readonly einsums: readonly EinsumRow[];
  /** The mapping as a `mapping:` YAML document; it re-runs with `npm run cli -- evaluate`. */
  readonly mappingYaml: string;
  readonly loopTree: readonly LoopTreeNodeDto[];
  /** Per-component area and leak power; they sum to `totals.area` and `totals.leakPower`. */
  readonly components?: readonly ComponentAreaRecord[];
}

/** `evaluateDesign`: errors, or the evaluation of the spec's own mapping. */
export interface EvaluateDesignResult {
  readonly errors: readonly SpecError[];
  readonly evaluation: EvaluationData | null;
  /** True when the only problem is that the spec has no `mapping:` section. */
  readonly noMapping: boolean;
}

/** Options of a mapper run started from the explorer. */
export interface MapDesignOptions {
  readonly metric?: 'energy' | 'latency' | 'edp';
  readonly maxFusedLoops?: number;
  readonly unfused?: boolean;
  /** Memory usage is an objective too (RESOURCE_USAGE): every front point gets `usage`. */
  readonly resourceUsage?: boolean;
  readonly timeLimitSeconds?: number;
}

/** One point of the mapper's final energy/latency front; `evaluatePoint` re-evaluates its mapping. */
export interface FrontPointDto {
  readonly energy: number;
  readonly latency: number;
  /** The point's full mapping as a `mapping:` YAML document. */
  readonly mappingYaml: string;
  /** A short hash of the canonical LoopTree (`results/mapping-key.ts`): names the point in share links. */
  readonly mappingKey: string;
  /** RESOURCE_USAGE runs: peak bits held in each finite memory over the whole workload. */
  readonly usage?: Readonly<Record<string, number>>;
}

export interface MapDesignResult {
  readonly errors: readonly SpecError[];
  /** The best mapping for the metric, fully evaluated; null when the mapper failed. */
  readonly evaluation: EvaluationData | null;
  /** The final Pareto set (one point for a single-objective metric). */
  readonly pareto: readonly { readonly energy: number; readonly latency: number }[];
  /** The final energy/latency front (all points, also under EDP), lowest energy first. */
  readonly front: readonly FrontPointDto[];
  /** Index into `front` of the mapping `evaluation` describes; -1 when the mapper failed. */
  readonly bestIndex: number;
  readonly stats: { readonly templates: number; readonly evaluated: number; readonly seconds: number } | null;
  /** E.g. "stopped at the time limit (60 s); results may not be optimal". */
  readonly warnings?: readonly string[];
}

/**
 * A mapper progress event as the explorer receives it: fronts are thinned to their
 * energy/latency Pareto set (at most MAX_EVENT_POINTS points) to keep worker messages small.
 */
export type MapProgressEvent = MapperEvent;

/** Receives a mapper run's progress events. */
export type MapProgressListener = (event: MapProgressEvent) => void;
