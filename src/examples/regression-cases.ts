/** The cases of AccelForge's tests/regression_reference.json, by example id. */
import type { RegressionCase } from './types.js';
import { DECODE_PRESET, PREFILL_PRESET } from './variables.js';

const MATMULS = 'KN=64,M=64,N_EINSUMS=2';

function cases(
  arch: string,
  workload: string,
  preset: string,
  variants: readonly RegressionCase['variant'][],
): RegressionCase[] {
  const metric = arch === 'snowcat' ? 'energy' : 'edp';
  return variants.map((variant) => ({
    key: `${arch}|${workload}|${preset}|${variant}`,
    arch,
    workload,
    preset,
    variant,
    metric,
  }));
}

const BOTH = ['fused', 'unfused'] as const;
const UNFUSED = ['unfused'] as const;

export const REGRESSION_CASES: readonly RegressionCase[] = [
  ...cases('simple', 'matmuls', MATMULS, BOTH),
  ...cases('simple', 'three_matmuls_annotated', '', BOTH),
  ...cases('simple', 'gpt3_175B', PREFILL_PRESET.key, BOTH),
  ...cases('simple', 'gpt3_175B', DECODE_PRESET.key, BOTH),
  ...cases('eyeriss', 'matmuls', MATMULS, BOTH),
  ...cases('eyeriss', 'three_matmuls_annotated', '', BOTH),
  ...cases('tpu_v4i', 'matmuls', MATMULS, BOTH),
  ...cases('tpu_v4i', 'three_matmuls_annotated', '', BOTH),
  ...cases('snowcat', 'matmuls', MATMULS, UNFUSED),
  ...cases('snowcat', 'matvecs', '', UNFUSED),
  ...cases('snowcat', 'three_matmuls_annotated', '', UNFUSED),
  ...cases('snowcat', 'mobilenet_28', '', UNFUSED),
];
