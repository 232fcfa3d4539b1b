/**
 * An attribute handed to a component model: a number, string, boolean, a list of numbers
 * (e.g. a value histogram), or null (= absent).
 */
export type AttributeValue = number | string | boolean | readonly number[] | null;

/** Named attributes of a component or of one action call. */
export type Attributes = Readonly<Record<string, AttributeValue>>;

/** Cost of one action call: energy [J], latency [s], throughput [actions/s]. */
export interface ActionCost {
  readonly energy: number;
  readonly latency: number;
  readonly throughput: number;
}

/** A zero-cost action that never limits throughput. */
export const FREE_ACTION: ActionCost = { energy: 0, latency: 0, throughput: Infinity };

/** Thrown by a model that cannot handle its attributes; the selector then tries the next model. */
export class ModelRejection extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelRejection';
  }
}
