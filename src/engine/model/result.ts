/** The model's result with accessors in the spirit of AccelForge's `Mappings`. */
import type { MemoryUsage } from './capacity-join.js';
import { rejectNaN } from './result-nan.js';
import type { ActionEntry, ComponentLatency, EinsumEvaluation, EnergyEntry } from './result-types.js';

export type EnergyKey = 'einsum' | 'component' | 'tensor' | 'action';

export interface ComponentTotals {
  readonly component: string;
  readonly totalArea: number;
  readonly totalLeakPower: number;
}

/** The JSON object the CLI prints for `eval`. */
export interface ModelCliJson {
  readonly energy: number;
  readonly latency: number;
  readonly energy_breakdown: { einsum: string; component: string; tensor: string | null; action: string; energy: number }[];
  readonly latency_breakdown: { einsum: string; component: string; latency: number }[];
  readonly actions: { einsum: string; component: string; tensor: string | null; action: string; count: number }[];
  readonly usage: { einsum: string; component: string; tensor: string; fraction: number }[];
}

/** One flat row for charts and CSV. */
export interface FlatRecord {
  readonly einsum: string;
  readonly component: string;
  readonly tensor: string | null;
  readonly action: string;
  readonly count: number;
  readonly energy: number;
}

export class ModelResult {
  constructor(
    /** One evaluation per Einsum present in the mapping, in workload order. */
    readonly einsums: readonly EinsumEvaluation[],
    /** Peak occupancy of every memory across the whole mapping. */
    readonly memoryUsage: readonly MemoryUsage[],
    /** Every arch component with its total area and total leak power (× ancestors' fanout). */
    readonly components: readonly ComponentTotals[] = [],
  ) {
    rejectNaN(this);
  }

  /** Arch area: Σ total_area over all components. */
  totalArea(): number {
    return sum(this.components.map((c) => c.totalArea));
  }

  /** Arch leak power: Σ total_leak_power over all components. */
  totalLeakPower(): number {
    return sum(this.components.map((c) => c.totalLeakPower));
  }

  /** Total energy: dynamic plus leak over all Einsums. */
  energy(): number {
    return sum(this.energyEntries().map((e) => e.energy));
  }

  /** Total latency: Einsums run one after another. */
  latency(): number {
    return sum(this.einsums.map((e) => e.latency));
  }

  energyEntries(): EnergyEntry[] {
    return this.einsums.flatMap((e) => [...e.energy]);
  }

  actionEntries(): ActionEntry[] {
    return this.einsums.flatMap((e) => [...e.actions]);
  }

  componentLatencies(): ComponentLatency[] {
    return this.einsums.flatMap((e) => [...e.componentLatency]);
  }

  /** Energy summed over everything but the given keys, e.g. `['einsum', 'component']`. */
  energyBy(keys: readonly EnergyKey[]): Map<string, number> {
    const out = new Map<string, number>();
    for (const e of this.energyEntries()) {
      const key = keys.map((k) => String(e[k])).join('|');
      out.set(key, (out.get(key) ?? 0) + e.energy);
    }
    return out;
  }

  /** Latency per Einsum (max over its components × n_instances). */
  latencyByEinsum(): Map<string, number> {
    return new Map(this.einsums.map((e) => [e.einsum, e.latency]));
  }

  /** Latency per component summed across Einsums (may exceed the total's per-Einsum max). */
  latencyByComponent(): Map<string, number> {
    const out = new Map<string, number>();
    for (const c of this.componentLatencies()) out.set(c.component, (out.get(c.component) ?? 0) + c.latency);
    return out;
  }

  /** Action count of one (einsum, component, tensor, action); 0 if absent. */
  actionCount(einsum: string, component: string, tensor: string | null, action: string): number {
    const hit = this.actionEntries().find(
      (a) => a.einsum === einsum && a.component === component && a.tensor === tensor && a.action === action,
    );
    return hit?.count ?? 0;
  }

  /** Compute operations (MACs) over all Einsums. */
  computeOps(): number {
    return sum(this.einsums.map((e) => e.computeOps));
  }

  /** Energy per compute operation (e.g. J/MAC; × 1e12 for pJ/MAC). */
  energyPerCompute(): number {
    const ops = this.computeOps();
    return ops === 0 ? 0 : this.energy() / ops;
  }

  /** Flat rows joining action counts and their energies. */
  flatRecords(): FlatRecord[] {
    const energy = new Map<string, number>();
    const keyOf = (e: { einsum: string; component: string; tensor: string | null; action: string }): string =>
      `${e.einsum}|${e.component}|${String(e.tensor)}|${e.action}`;
    for (const e of this.energyEntries()) energy.set(keyOf(e), e.energy);
    const rows: FlatRecord[] = this.actionEntries().map((a) => ({
      einsum: a.einsum, component: a.component, tensor: a.tensor, action: a.action,
      count: a.count, energy: energy.get(keyOf(a)) ?? 0,
    }));
    for (const e of this.energyEntries()) {
      if (e.action === 'leak') rows.push({ ...e, count: 0 });
    }
    return rows;
  }

  /** The CLI's JSON object. */
  toCliJson(): ModelCliJson {
    return {
      energy: this.energy(),
      latency: this.latency(),
      energy_breakdown: this.energyEntries().map((e) => ({ ...e })),
      latency_breakdown: this.componentLatencies().map((c) => ({ ...c })),
      actions: this.actionEntries().map(({ perUnit: _unit, ...a }) => a),
      usage: this.einsums.flatMap((e) =>
        e.usage.map((u) => ({ einsum: u.einsum, component: u.component, tensor: u.tensor, fraction: u.fraction })),
      ),
    };
  }
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
