/** Bits per value and values per action of a component for one tensor. */
import { ownValue } from '../base/records.js';
import type { ArchLeaf, ModelTensor } from './types.js';

/** The memory's own bits per value for the tensor, else the workload's. */
export function bitsPerValueIn(leaf: ArchLeaf, tensor: ModelTensor): number {
  return ownValue(leaf.bitsPerValue, tensor.name) ?? tensor.bitsPerValue;
}

/**
 * Values moved by one action: the action's values_per_action, else the component's, else
 * bits_per_action (action's, else component's, else 1) over the memory's bits per value.
 */
export function valuesPerAction(leaf: ArchLeaf, action: string, tensor: ModelTensor): number {
  const act = leaf.actions.find((a) => a.name === action);
  const explicit = (act && ownValue(act.valuesPerAction, tensor.name)) ?? ownValue(leaf.valuesPerAction, tensor.name);
  if (explicit !== undefined) return explicit;
  const bitsPerAction = act?.bitsPerAction ?? leaf.bitsPerAction ?? 1;
  return bitsPerAction / bitsPerValueIn(leaf, tensor);
}
