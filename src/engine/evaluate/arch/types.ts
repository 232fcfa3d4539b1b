/** The architecture evaluated for one Einsum: plain numbers, resolved defaults, raw `tensors:`. */
import type { SpecPath } from '../../base/errors.js';
import type { JsValue } from '../../spec/expr/index.js';
import type { Comparison, Tensors } from '../../spec/schema/spatial.js';

export type LeafKind = 'memory' | 'toll' | 'compute' | 'container' | 'network';
export type TollDirection = 'up' | 'down' | 'up_and_down';

/** A tensor or rank-variable set expression: evaluated elements, or the raw text when it could not be evaluated yet. */
export type SetValue = { readonly elements: readonly string[] } | { readonly unevaluated: string };

export interface EvaluatedSpatial {
  readonly name: string;
  readonly fanout: number;
  readonly mayReuse: SetValue;
  readonly reuse: SetValue;
  readonly loopBounds: readonly Comparison[];
  readonly minUsage: number;
  readonly usageScale: number;
  readonly powerGateable: boolean;
}

export interface EvaluatedAction {
  readonly name: string;
  /** null: ask the component model. */
  readonly energy: number | null;
  readonly energyScale: number;
  readonly throughput: number | null;
  readonly throughputScale: number;
  readonly latency: number | null;
  /** Tensor holders only (else null). */
  readonly bitsPerAction: number | null;
  readonly valuesPerAction: Readonly<Record<string, number>>;
  readonly extraAttributes: Readonly<Record<string, JsValue>>;
}

export interface EvaluatedLeaf {
  readonly kind: LeafKind;
  readonly name: string;
  /** Where the node sits in the spec, e.g. ['arch', 'nodes', 2]. */
  readonly path: SpecPath;
  readonly spatial: readonly EvaluatedSpatial[];
  /** Product of the `spatial` fanouts of the node's ancestors (not its own). */
  readonly ancestorFanout: number;
  readonly component?: EvaluatedComponent;
}

export interface EvaluatedComponent {
  readonly enabled: boolean;
  readonly componentClass: string | null;
  readonly area: number | null;
  readonly areaScale: number;
  readonly leakPower: number | null;
  readonly leakPowerScale: number;
  readonly energyScale: number;
  readonly actionsScale: number;
  readonly throughputScale: number;
  readonly nParallelInstances: number;
  /** A number, an expression for the model, or null for "no latency". */
  readonly totalLatency: number | string | null;
  readonly extraAttributes: Readonly<Record<string, JsValue>>;
  readonly actions: readonly EvaluatedAction[];
  /** Memory only: capacity in bits. */
  readonly size: number | null;
  readonly bitsPerValue: Readonly<Record<string, number>>;
  readonly bitsPerAction: number | null;
  readonly valuesPerAction: Readonly<Record<string, number>>;
  readonly skipInitialOutputWrite: boolean;
  /** Toll only. */
  readonly direction: Readonly<Record<string, TollDirection>>;
  /** Memory and Toll: evaluated by the mapper per template, with `Above` and holder names. */
  readonly tensors: Tensors | null;
  /** Every field as evaluated, for component models and latency expressions. */
  readonly fields: Readonly<Record<string, JsValue>>;
}

/** One path from the root to a Compute, for one Einsum. */
export interface FlatArch {
  readonly einsum: string;
  readonly compute: string;
  readonly leaves: readonly EvaluatedLeaf[];
}
