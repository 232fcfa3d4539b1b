/** The sweep call across the worker boundary: a definition in, one event per finished point out. */
import type { DesignFiles, EvaluationData, MapDesignOptions, SpecError } from '../engine/index.js';
import type { SweepPointResult, SweepValue } from '../engine/sweep/index.js';

export type { SweepPointResult, SweepValue };

/** One knob as the user wrote it: a Jinja variable or a field path, and a values expression (`1,2,4`, `lin:..`, `log:..`). */
export interface SweepKnobRequest {
  readonly key: string;
  readonly values: string;
}

export interface SweepRequest {
  /** The design every point starts from; variable knobs override its variables. */
  readonly design: DesignFiles;
  /** One or two knobs; with two, the first is the outer loop. */
  readonly knobs: readonly SweepKnobRequest[];
  readonly settings: MapDesignOptions;
}

/** A knob with its values expanded. */
export interface ResolvedKnob {
  readonly key: string;
  readonly kind: 'variable' | 'field';
  readonly values: readonly SweepValue[];
}

/** A finished point: its numbers, and its best mapping evaluated for the result views. */
export interface SweepPointEvent {
  readonly kind: 'point';
  readonly point: SweepPointResult;
  /** The point's Jinja variables (the design's, with variable knobs applied). */
  readonly variables: Readonly<Record<string, unknown>>;
  /** Field overrides of this point, by path. */
  readonly fields: Readonly<Record<string, number>>;
  readonly evaluation: EvaluationData | null;
  readonly done: number;
  readonly total: number;
}

/** Sent once before the first point: the grid the points will fill. */
export interface SweepStartEvent {
  readonly kind: 'start';
  readonly knobs: readonly ResolvedKnob[];
  readonly total: number;
}

export type SweepEvent = SweepStartEvent | SweepPointEvent;

/** Receives events in order; returning false stops the sweep after the current point. */
export type SweepListener = (event: SweepEvent) => boolean | void | Promise<boolean | void>;

export interface SweepSummary {
  /** Problems with the definition itself (bad values, bad path); per-point errors are in the points. */
  readonly errors: readonly SpecError[];
  readonly done: number;
  readonly total: number;
  readonly stopped: boolean;
}
