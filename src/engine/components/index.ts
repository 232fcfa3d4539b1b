/** Component models: area, leak power and per-action energy/latency/throughput of arch components. */
export type { ActionCost, AttributeValue, Attributes } from './types.js';
export { FREE_ACTION, ModelRejection } from './types.js';
export type { ComponentModelDefinition, ParamSpec } from './model-definition.js';
export {
  LIBRARY_DEFAULT_BODIES,
  LIBRARY_DEFAULT_SIGNATURES,
  integerAttrOr,
  makeInstance,
  numberAttr,
  numberAttrOr,
  optionalNumberAttr,
} from './model-definition.js';
export type { ActionBody, ActionContext, ActionSignature, InstanceParts, ScaleFunctions } from './model-instance.js';
export { ModelInstance, addCosts } from './model-instance.js';
export { ComponentModelRegistry, ModelRegistrationError } from './registry.js';
export type { ModelQuery, Selection } from './selection.js';
export { NoModelError, selectModel } from './selection.js';
export type {
  ComponentActionCost,
  ComponentActionInput,
  ComponentCostInput,
  ComponentCostOptions,
  ComponentCosts,
} from './component-costs.js';
export { computeComponentCosts } from './component-costs.js';
export { builtInModels, bundledCactiOracle, createDefaultRegistry } from './default-registry.js';
export type { CactiExactness, CactiOracle, CactiQuery, CactiResult } from './cacti/cacti-oracle.js';
export { TableCactiOracle } from './cacti/table-oracle.js';
export type { ScaleFunction } from './scaling/scale-functions.js';
export * as scaling from './scaling/scale-functions.js';
export { techNodeArea, techNodeEnergy, techNodeLatency, techNodeLeak, techNodeThroughput } from './scaling/tech-scaling.js';
export { TECH_SCALING } from './models/aladdin.js';
