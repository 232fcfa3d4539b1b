/** Plain-data types shared by the mapper stages (templates, tile search, join, driver). */
import type { ModelEinsum } from '../model/index.js';
import type { ReservationState } from './reservation-join.js';

export type MapperMetric = 'energy' | 'latency' | 'edp';

/** A storage node of a template: one tensor held by one memory. */
export interface TemplateStorage {
  readonly kind: 'storage';
  readonly component: string;
  readonly tensor: string;
  /** First (outermost) node of its tensor. */
  readonly backing: boolean;
  readonly persistent: boolean;
}

/** A loop of a template; its tile shape is chosen by the tile-shape search. */
export interface TemplateLoop {
  readonly kind: 'temporal' | 'spatial';
  readonly rankVariable: string;
  /** Spatial loops: the arch node and its fanout dimension. */
  readonly component?: string;
  readonly dim?: string;
  /** Above the last backing node of a fusable tensor: shared with neighbouring Einsums. */
  readonly fused: boolean;
}

export type TemplateNode = TemplateStorage | TemplateLoop;

/** A bound on the product of some spatial loops' bounds (fanout, loop_bounds). */
export interface LoopBoundCheck {
  /** Indices into the template's loop list. */
  readonly loops: readonly number[];
  readonly operator: '==' | '<=' | '>=' | '<' | '>';
  readonly value: number;
  /** Bound on each loop alone (true) or on their product (false). */
  readonly each: boolean;
}

/** A spatial dimension that must reach a minimum utilisation, with best-available fallback. */
export interface MinUsageCheck {
  readonly loops: readonly number[];
  readonly fanout: number;
  readonly minUsage: number;
}

/** One pmapping template plus everything needed to search its tile shapes: the unit of parallel work. */
export interface TemplateJob {
  readonly id: number;
  readonly einsumIndex: number;
  readonly einsum: string;
  readonly compute: string;
  readonly nodes: readonly TemplateNode[];
  /** Fusable tensors of this Einsum (used by other Einsums too). */
  readonly fusableTensors: readonly string[];
  readonly modelEinsum: ModelEinsum;
  /** Tensor name → number of Einsums using it (the model's `allTensors`). */
  readonly tensorUse: readonly (readonly [string, number])[];
  readonly checks: readonly LoopBoundCheck[];
  readonly minUsage: readonly MinUsageCheck[];
  readonly metric: MapperMetric;
  /** RESOURCE_USAGE is a metric: memory usage is an objective too, and rows carry reservations. */
  readonly resourceUsage?: boolean;
  /** Rows carry reservations so the join enforces capacity across fused Einsums (usage not an objective). */
  readonly reservations?: boolean;
  readonly maxFusedLoops: number;
  readonly maxFusedLoopsPerRankVariable: number;
  /** Bytes the search of this one template may hold (memory-budget.ts); default: no limit. */
  readonly memoryLimitBytes?: number;
  /** The run's time limit as a `Date.now()` time: a search without a signal stops there. */
  readonly deadline?: number;
}

/** Why tile-shape choices were dropped. */
export interface PruneCounts {
  loopBounds: number;
  fusedLoops: number;
  minUsage: number;
  capacity: number;
  pareto: number;
}

/** The Pareto-optimal tile shapes of one template. Row r uses tiles[r*nLoops .. (r+1)*nLoops). */
export interface TemplateFront {
  readonly jobId: number;
  readonly einsumIndex: number;
  readonly nLoops: number;
  readonly energy: Float64Array;
  readonly latency: Float64Array;
  readonly tiles: Int32Array;
  /** Per row: its compatibility key (see compatibility.ts). */
  readonly compat: readonly string[];
  /** Rows that carry reservations (RESOURCE_USAGE, or fused runs): per row, the block of reservations.ts. */
  readonly reservations?: Float64Array;
  readonly evaluated: number;
  readonly pruned: PruneCounts;
  /** First model error seen, used to explain an empty front. */
  readonly firstError?: string;
  /** The search was stopped (time limit, cancel) before it finished: the rows are a valid but partial front. */
  readonly stopped?: boolean;
  /** The search would have passed `memoryLimitBytes` (the front is empty): about how much, for what. */
  readonly memoryExceeded?: { readonly neededBytes: number; readonly what: string };
}

/** A point of a Pareto front with a way back to its pmappings. */
export interface FrontRow {
  readonly energy: number;
  readonly latency: number;
  /** (jobId, row in that job's front) per Einsum joined so far. */
  readonly picks: readonly (readonly [number, number])[];
  /** Compatibility key restricted to tensors still used by Einsums not joined yet. */
  readonly compat: string;
  /** When rows carry reservations: memory reservations so far (reservation-join.ts). */
  readonly res?: ReservationState;
}

export interface EinsumFront {
  readonly einsumIndex: number;
  readonly einsum: string;
  readonly rows: readonly FrontRow[];
}
