/** The explorer's "Run mapper" task over an in-memory design. */
import type { DesignFiles, MapDesignOptions, MapDesignResult } from '../api.js';
import { mapSpec } from '../mapper/index.js';
import { designInput, evaluationData } from './design.js';

/** Runs the mapper on the design and evaluates its best mapping into the same DTO as evaluate. */
export function mapDesign(design: DesignFiles, options: MapDesignOptions = {}): MapDesignResult {
  const mapped = mapSpec(designInput(design), {
    ...(options.metric ? { metric: options.metric } : {}),
    ...(options.maxFusedLoops !== undefined ? { maxFusedLoops: options.maxFusedLoops } : {}),
    ...(options.unfused ? { unfused: true } : {}),
    ...(options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
  });
  if (!mapped.ok) return { errors: mapped.errors, evaluation: null, pareto: [], stats: null };
  const { result, mapping, pareto, stats } = mapped.value;
  return {
    errors: [],
    evaluation: evaluationData(result, mapping),
    pareto: pareto.map((p) => ({ energy: p.energy, latency: p.latency })),
    stats: { templates: stats.templates, evaluated: stats.evaluated, seconds: stats.seconds },
  };
}
