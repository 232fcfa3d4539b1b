/**
 * The classic sweep: Eyeriss, one 4096×4096×4096 matmul, 32 log-spaced GlobalBuffer sizes from
 * 32 B to 4 MB, energy per compute with per-component curves. The preset fills the builder and
 * loads that design; it does not run (Run sweep maps the 32 points, ~15 s on two cores).
 */
import type { SweepDefinition } from '../../store/sweep-slice.js';
import type { MapperSettings, VariableValue } from '../../store/spec-slice.js';
import { presetDesign, presetDropsEdits } from '../examples/preset-design.js';

export const EYERISS_ARCH = 'arches/eyeriss.yaml';
export const MATMUL_WORKLOAD = 'workloads/basic/matmuls.yaml';

export const EYERISS_SWEEP: SweepDefinition = {
  knobs: [{ key: 'arch.nodes[name=GlobalBuffer].size', values: 'log:32B:4MB:32' }],
  metric: 'energy',
  perCompute: true,
  breakdown: true,
};

/** The mapper settings of the reference run: EDP, at most one fused loop. */
export const EYERISS_MAPPER: Partial<MapperSettings> = { metric: 'edp', maxFusedLoops: 1 };

export const EYERISS_VARIABLES: Readonly<Record<string, VariableValue>> = { N_EINSUMS: 1, M: 4096, KN: 4096 };

/** The design part of the preset: Eyeriss and the matmul workload from the bundled examples. */
export function eyerissDesign(bundled: Readonly<Record<string, string>>): ReturnType<typeof presetDesign> {
  return presetDesign(EYERISS_ARCH, MATMUL_WORKLOAD, EYERISS_VARIABLES, bundled);
}

export { presetDropsEdits };
