/** Headline numbers of one sweep point, as plain data. */
import type { EvaluatedSpec } from '../evaluate/index.js';
import type { ModelResult } from '../model/index.js';
import type { EvaluationTotals } from '../api.js';
import { evaluationTotals } from '../pipeline/design.js';

export interface PointMetrics extends EvaluationTotals {
  /** Energy per component, summed over Einsums, tensors and actions (leak included). */
  readonly energyByComponent: Readonly<Record<string, number>>;
  /** The outermost memory (the first Memory of the arch), e.g. MainMemory/DRAM. */
  readonly offChipMemory: string | null;
  /** Its read + write action counts over the whole mapping. */
  readonly offChipAccesses: number;
}

/** Name of the first Memory on the arch path of the first Einsum. */
export function outermostMemory(evaluated: EvaluatedSpec): string | null {
  const leaves = evaluated.arches[0]?.paths[0]?.leaves ?? [];
  return leaves.find((leaf) => leaf.kind === 'memory')?.name ?? null;
}

/** Read + write actions of one component, over every Einsum and tensor. */
export function readWriteActions(result: ModelResult, component: string): number {
  let total = 0;
  for (const a of result.actionEntries()) {
    if (a.component === component && (a.action === 'read' || a.action === 'write')) total += a.count;
  }
  return total;
}

export function pointMetrics(result: ModelResult, evaluated: EvaluatedSpec): PointMetrics {
  const offChipMemory = outermostMemory(evaluated);
  return {
    ...evaluationTotals(result),
    energyByComponent: Object.fromEntries(result.energyBy(['component'])),
    offChipMemory,
    offChipAccesses: offChipMemory === null ? 0 : readWriteActions(result, offChipMemory),
  };
}
