/**
 * The classic ski slope: snowcat (off-chip costs 1 per bit) with one 4096×4096×4096 matmul.
 * AccelForge's fused front has 36 points, from 24 bits / 1099645845504 bits accessed to
 * 134250504 bits / 402653184 bits accessed.
 */
import type { VariableValue } from '../../store/spec-slice.js';
import { presetDesign, presetDropsEdits } from '../examples/preset-design.js';

export const SNOWCAT_ARCH = 'arches/snowcat.yaml';
export const MATMUL_WORKLOAD = 'workloads/basic/matmuls.yaml';
export const SNOWCAT_VARIABLES: Readonly<Record<string, VariableValue>> = { N_EINSUMS: 1, M: 4096, KN: 4096 };

/** The design part of the preset, from the bundled examples. */
export function snowcatDesign(bundled: Readonly<Record<string, string>>): ReturnType<typeof presetDesign> {
  return presetDesign(SNOWCAT_ARCH, MATMUL_WORKLOAD, SNOWCAT_VARIABLES, bundled);
}

export { presetDropsEdits as dropsEdits };
