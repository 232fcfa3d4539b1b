/**
 * What a component model declares so the selector can match it without constructing it:
 * names, priority, attribute parameters, and action signatures.
 */
import type { ActionBody, ActionSignature, InstanceParts } from './model-instance.js';
import { ModelInstance } from './model-instance.js';
import type { Attributes } from './types.js';
import { FREE_ACTION, ModelRejection } from './types.js';

/** One constructor attribute. Required ones must be present (non-null) for the model to be a candidate. */
export interface ParamSpec {
  readonly name: string;
  readonly required?: boolean;
}

/** A component model: metadata for selection plus a factory. */
export interface ComponentModelDefinition {
  /** Unique id, shown in logs and matched by the `model` attribute (e.g. 'AladdinAdder'). */
  readonly id: string;
  /** Component-class names this model answers to; matched case-insensitively. */
  readonly aliases: readonly string[];
  /** In [0, 1]; higher is tried first. */
  readonly priority: number;
  readonly params: readonly ParamSpec[];
  readonly actions: Readonly<Record<string, ActionSignature>>;
  /** Build the model; throw (preferably `ModelRejection`) if the attributes do not fit. */
  create(attributes: Attributes): ModelInstance;
}

/** Build an instance whose action signatures come from its definition. */
export function makeInstance(
  def: Pick<ComponentModelDefinition, 'id' | 'actions'>,
  parts: InstanceParts,
  bodies: Readonly<Record<string, ActionBody>>,
): ModelInstance {
  return new ModelInstance(def.id, parts, def.actions, bodies);
}

/** Library models answer `read`/`write` at zero cost unless they define them. */
export const LIBRARY_DEFAULT_SIGNATURES: Readonly<Record<string, ActionSignature>> = { read: {}, write: {} };
export const LIBRARY_DEFAULT_BODIES: Readonly<Record<string, ActionBody>> = {
  read: () => FREE_ACTION,
  write: () => FREE_ACTION,
};

/** A required numeric attribute. */
export function numberAttr(attrs: Attributes, name: string): number {
  const value = attrs[name];
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new ModelRejection(`attribute '${name}' must be a number, got ${JSON.stringify(value ?? null)}`);
  }
  return value;
}

/** An optional numeric attribute with a default. */
export function numberAttrOr(attrs: Attributes, name: string, fallback: number): number {
  const value = attrs[name];
  return value === undefined || value === null ? fallback : numberAttr(attrs, name);
}

/** An optional numeric attribute; undefined when absent. */
export function optionalNumberAttr(attrs: Attributes, name: string): number | undefined {
  const value = attrs[name];
  return value === undefined || value === null ? undefined : numberAttr(attrs, name);
}

/** A numeric attribute that must be an integer. */
export function integerAttrOr(attrs: Attributes, name: string, fallback: number): number {
  const value = numberAttrOr(attrs, name, fallback);
  if (!Number.isInteger(value)) throw new ModelRejection(`attribute '${name}' must be an integer, got ${value}`);
  return value;
}
