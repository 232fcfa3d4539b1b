/**
 * Zero-cost placeholder models (hwcomponents-library "Dummy*"). Note that AccelForge's
 * `component_class: Dummy` never reaches a model: the glue short-circuits it.
 */
import type { ComponentModelDefinition } from '../model-definition.js';
import { makeInstance } from '../model-definition.js';
import { FREE_ACTION } from '../types.js';

function dummyModel(id: string, actions: readonly string[]): ComponentModelDefinition {
  const def: ComponentModelDefinition = {
    id,
    aliases: [id],
    priority: 0.8,
    params: [{ name: 'tech_node' }],
    actions: Object.fromEntries(actions.map((a) => [a, {}])),
    create() {
      return makeInstance(def, { area: 0, leakPower: 0 }, Object.fromEntries(actions.map((a) => [a, () => FREE_ACTION])));
    },
  };
  return def;
}

export const DUMMY_MODELS: readonly ComponentModelDefinition[] = [
  dummyModel('DummyStorage', ['read', 'write']),
  dummyModel('DummyCompute', ['read', 'compute']),
  dummyModel('DummyMemory', ['read', 'write']),
  dummyModel('DummyNetwork', ['read', 'write']),
];
