/** The engine's public surface: the CLI, the worker and tests import from here. */
export type { SpecError, SpecPath, SourcePos } from './base/errors.js';
export { formatSpecError, formatSpecPath } from './base/errors.js';
export type { Result } from './base/result.js';
export type { FileSystem } from './io/file-system.js';
export { MemoryFileSystem } from './io/memory-file-system.js';
export type { DesignFiles, CheckResult, EinsumSummary, ArchPathSummary } from './api.js';
export { checkSpec } from './pipeline/check.js';
export { prepareSpec, type PreparedSpec, type SpecInput } from './pipeline/prepare.js';
export { checkDesign } from './pipeline/design.js';
export { evaluateSpecMapping, type Evaluation, type EvaluateOptions } from './pipeline/evaluate.js';
export { ModelResult, type ModelCliJson } from './model/index.js';
export { componentCosts, type ComponentsJson, type ComponentReport, type ComponentsOptions } from './pipeline/components.js';
export { specError, SpecErrorException } from './base/errors.js';
export { evaluateDesign } from './pipeline/design.js';
export type {
  EvaluateDesignResult,
  EvaluationData,
  EvaluationTotals,
  EnergyRecord,
  ActionCountRecord,
  LatencyRecord,
  MemoryUsageRecord,
  EinsumRow,
  LoopTreeNodeDto,
  LoopTreeNodeKind,
} from './api.js';
export { convertTimeloop, convertTimeloopResult, convertTimeloopFiles, renderReportMarkdown } from './timeloop/index.js';
export { hoverAt, completeAt, namesFromCheck, type AssistNames, type AssistRequest, type AssistItem, type AssistItemKind, type AssistCompletion } from './pipeline/editor-assist.js';
export type { ConversionReport, ReportItem, ReportKind, TimeloopFile } from './timeloop/index.js';
export { mapSpec, type MapOptions, type MapResult, type MapStats, type MapperEvent, type FrontMapping } from './mapper/index.js';
export { mapDesign, mapDesignWith, evaluatePoint } from './pipeline/map-design.js';
export type { MapDesignOptions, MapDesignResult, FrontPointDto, MapProgressEvent, MapProgressListener } from './api.js';
export { ENGINE_VERSION, mappingKey } from './results/index.js';
