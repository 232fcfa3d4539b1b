/** The explorer's "Run mapper" task over an in-memory design, and re-evaluation of one front point. */
import type { DesignFiles, EvaluateDesignResult, MapDesignOptions, MapDesignResult, MapProgressEvent, MapProgressListener } from '../api.js';
import type { SpecError } from '../base/errors.js';
import { createDefaultRegistry } from '../components/index.js';
import { MemoryFileSystem } from '../io/memory-file-system.js';
import type { EnergyLatency, MapperEvent } from '../mapper/events.js';
import { mapSpec, mapSpecWith, type JobRunner, type MapOptions, type MapResult } from '../mapper/index.js';
import type { Result } from '../base/result.js';
import { paretoIndices } from '../mapper/pareto.js';
import { evaluateMapping } from '../model/index.js';
import { mappingKey } from '../results/index.js';
import { designInput, evaluationData } from './design.js';
import { buildModelInput } from './model-input.js';
import { loadAndValidate, prepareSpec, runStage } from './prepare.js';

/** Fronts in progress events are thinned to at most this many points. */
export const MAX_EVENT_POINTS = 200;

/** Runs the mapper on the design and evaluates its best mapping into the same DTO as evaluate. */
export function mapDesign(design: DesignFiles, options: MapDesignOptions = {}, onEvent?: MapProgressListener): MapDesignResult {
  return mapDesignResult(mapSpec(designInput(design), mapOptionsOf(options), onEvent ? (event) => onEvent(progressEvent(event)) : undefined));
}

/** `mapDesign` with the template work on `runJobs` (a worker pool); the same result whatever runs the jobs. */
export async function mapDesignWith(design: DesignFiles, options: MapDesignOptions, runJobs: JobRunner, onEvent?: MapProgressListener): Promise<MapDesignResult> {
  const handler = onEvent ? (event: MapperEvent) => onEvent(progressEvent(event)) : undefined;
  return mapDesignResult(await mapSpecWith(designInput(design), { ...mapOptionsOf(options), runJobs }, handler));
}

function mapOptionsOf(options: MapDesignOptions): MapOptions {
  return {
    ...(options.metric ? { metric: options.metric } : {}),
    ...(options.maxFusedLoops !== undefined ? { maxFusedLoops: options.maxFusedLoops } : {}),
    ...(options.unfused ? { unfused: true } : {}),
    ...(options.resourceUsage !== undefined ? { resourceUsage: options.resourceUsage } : {}),
    ...(options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
  };
}

function mapDesignResult(mapped: Result<MapResult>): MapDesignResult {
  if (!mapped.ok) return { errors: mapped.errors, evaluation: null, pareto: [], front: [], bestIndex: -1, stats: null };
  const { result, mapping, pareto, front, bestIndex, stats, warnings } = mapped.value;
  return {
    errors: [],
    evaluation: evaluationData(result, mapping),
    pareto: pareto.map((p) => ({ energy: p.energy, latency: p.latency })),
    front: front.map((p) => ({ energy: p.energy, latency: p.latency, mappingYaml: p.mappingYaml, mappingKey: mappingKey(p.mapping), ...(p.usage ? { usage: p.usage } : {}) })),
    bestIndex,
    stats: { templates: stats.templates, evaluated: stats.evaluated, seconds: stats.seconds },
    warnings,
  };
}

/** The event with its front (if any) thinned for display. */
export function progressEvent(event: MapperEvent): MapProgressEvent {
  if (event.type === 'einsum-front' || event.type === 'join-step' || event.type === 'final') return { ...event, front: displayFront(event.front) };
  return event;
}

/**
 * The energy/latency Pareto set of some points (lowest energy first), evenly sampled down to
 * `limit`. Per-Einsum fronts hold one set per compatibility group; a chart only needs the envelope.
 */
export function displayFront(points: readonly EnergyLatency[], limit = MAX_EVENT_POINTS): EnergyLatency[] {
  const keep = paretoIndices(points.map((p) => p.energy), points.map((p) => p.latency), 'edp');
  const front = keep.map((i) => ({ energy: points[i]!.energy, latency: points[i]!.latency }));
  if (front.length <= limit) return front;
  const step = (front.length - 1) / (limit - 1);
  return Array.from({ length: limit }, (_, k) => front[Math.round(k * step)]!);
}

const POINT_MAPPING_FILE = '/front-point-mapping.yaml';

/** Evaluates one mapper front point's mapping (`FrontPointDto.mappingYaml`) against the design. */
export function evaluatePoint(design: DesignFiles, mappingYaml: string): EvaluateDesignResult {
  const failed = (errors: readonly SpecError[]): EvaluateDesignResult => ({ errors, evaluation: null, noMapping: false });
  const prepared = prepareSpec(designInput(design));
  if (!prepared.ok) return failed(prepared.errors);
  // The mapping is read on its own, so a mapping file in the design cannot shadow it.
  const parsed = loadAndValidate({ fs: new MemoryFileSystem({ [POINT_MAPPING_FILE]: mappingYaml }), specFiles: [POINT_MAPPING_FILE], variables: {} });
  if (!parsed.ok) return failed(parsed.errors);
  const mapping = parsed.value.spec.mapping;
  const evaluated = runStage(prepared.value.loaded, () => evaluateMapping(buildModelInput(prepared.value.evaluated, mapping, createDefaultRegistry())));
  if (!evaluated.ok) return failed(evaluated.errors);
  if (!evaluated.value.ok) return failed(evaluated.value.errors);
  return { errors: [], evaluation: evaluationData(evaluated.value.value, mapping), noMapping: false };
}
