/** The FFM mapper: pmapping templates, tile-shape search, per-Einsum fronts, join, best mapping. */
export type * from './types.js';
export type { MapperEvent, MapperEventHandler, EnergyLatency } from './events.js';
export { makePmappingTemplates, type TemplateOptions } from './templates.js';
export { runTemplateJob, type TileSearchContext } from './tile-search.js';
export { TemplateMemo } from './template-memo.js';
export { einsumFront, finalFront } from './join.js';
export { joinFronts } from './join-step.js';
export { mapSpec, type MapOptions, type MapResult, type MapStats, type FrontMapping, type ParetoPoint } from './map-spec.js';
export { METRIC_NAMES, metricSetOf, type MetricSet } from './pareto-metrics.js';
export { mapSpecWith, inProcessRunner, scheduleOrder, type JobRunner, type DriverOptions, type StopSignal } from './driver.js';
