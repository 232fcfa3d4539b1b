/**
 * The classic sweep: Eyeriss, one 4096×4096×4096 matmul, 32 log-spaced GlobalBuffer sizes from
 * 32 B to 4 MB, energy per compute with per-component curves. The preset fills the builder and
 * loads that design; it does not run (Run sweep maps the 32 points, ~15 s on two cores).
 */
import type { SweepDefinition } from '../../store/sweep-slice.js';
import type { MapperSettings, SpecData, VariableValue } from '../../store/spec-slice.js';

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
export function eyerissDesign(bundled: Readonly<Record<string, string>>): Pick<SpecData, 'files' | 'specFiles' | 'activeFile' | 'variables'> {
  const specFiles = [EYERISS_ARCH, MATMUL_WORKLOAD];
  return {
    files: Object.fromEntries(specFiles.map((p) => [p, bundled[p] ?? ''])),
    specFiles,
    activeFile: EYERISS_ARCH,
    variables: EYERISS_VARIABLES,
  };
}

/** True when loading the preset would drop edits to the current spec files. */
export function presetDropsEdits(state: Pick<SpecData, 'files' | 'specFiles'>, bundled: Readonly<Record<string, string>>): boolean {
  return state.specFiles.some((p) => state.files[p] !== undefined && state.files[p] !== bundled[p]);
}
