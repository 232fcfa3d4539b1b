/** `components`: per-component area, leak power and action costs, as AccelForge reports them. */
import { failWith } from '../base/errors.js';
import { emptyRecord } from '../base/records.js';
import type { Result } from '../base/result.js';
import { createDefaultRegistry, type ComponentModelRegistry } from '../components/index.js';
import { costArch, leavesOf } from './component-costs.js';
import { prepareSpec, runStage, type SpecInput } from './prepare.js';

export interface ComponentReport {
  readonly area: number | null;
  readonly leak_power: number;
  readonly actions: Readonly<Record<string, { energy: number; latency: number; throughput: number }>>;
  readonly log: readonly string[];
}

/** `{COMPONENT: {area, leak_power, actions: {ACTION: {energy, latency, throughput}}, log}}`. */
export type ComponentsJson = Readonly<Record<string, ComponentReport>>;

export interface ComponentsOptions {
  /** Einsum whose symbols the arch is evaluated with; the first Einsum by default. */
  readonly einsum?: string;
  readonly registry?: ComponentModelRegistry;
}

export function componentCosts(input: SpecInput, options: ComponentsOptions = {}): Result<ComponentsJson> {
  const prepared = prepareSpec(input);
  if (!prepared.ok) return prepared;
  const { evaluated, loaded } = prepared.value;
  return runStage(loaded, () => {
    const arches = evaluated.arches;
    const arch = options.einsum === undefined ? arches[0] : arches.find((a) => a.einsum === options.einsum);
    if (!arch) {
      failWith('workload', options.einsum === undefined ? 'The workload has no Einsums.' : `No Einsum named ${options.einsum}.`, {
        path: ['workload', 'einsums'],
        hint: `Einsums: ${arches.map((a) => a.einsum).join(', ') || 'none'}`,
      });
    }
    const costs = costArch(arch.tree, options.registry ?? createDefaultRegistry());
    const report = emptyRecord<ComponentReport>();
    for (const leaf of leavesOf(arch.tree)) {
      const cost = costs.get(leaf.name);
      if (!cost) continue;
      report[leaf.name] = { area: cost.area, leak_power: cost.leakPower, actions: cost.actions, log: cost.log };
    }
    return report;
  });
}
