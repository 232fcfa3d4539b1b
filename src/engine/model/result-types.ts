/** Plain per-Einsum outputs of the model (structured-cloneable). */
import type { SpecPath } from '../base/errors.js';
import type { FanoutUse } from './checks.js';

/** Energy of one (Einsum, component, tensor, action); tensor null for compute and leak. */
export interface EnergyEntry {
  readonly einsum: string;
  readonly component: string;
  readonly tensor: string | null;
  readonly action: string;
  readonly energy: number;
}

/** Action count as AccelForge reports it (× actions_scale × n_instances). */
export interface ActionEntry {
  readonly einsum: string;
  readonly component: string;
  readonly tensor: string | null;
  readonly action: string;
  readonly count: number;
  /** Per-instance count (the latency's n_calls before actions_scale). */
  readonly perUnit: number;
}

/** One reservation: a tile of a tensor resident in a memory. */
export interface UsageEntry {
  readonly einsum: string;
  readonly component: string;
  readonly tensor: string;
  readonly bits: number;
  /** Loops above the reservation, -1 when persistent. */
  readonly depth: number;
  readonly size: number;
  readonly fraction: number;
  /** The tensor's first (backing) holder on the path: its data outlives this Einsum. */
  readonly backing: boolean;
}

export interface ComponentLatency {
  readonly einsum: string;
  readonly component: string;
  readonly latency: number;
}

export interface EinsumEvaluation {
  readonly einsum: string;
  /** Max over component latencies × n_instances. */
  readonly latency: number;
  readonly componentLatency: readonly ComponentLatency[];
  readonly energy: readonly EnergyEntry[];
  readonly actions: readonly ActionEntry[];
  readonly usage: readonly UsageEntry[];
  readonly fanout: readonly FanoutUse[];
  /** Compute operations (MACs) × n_instances. */
  readonly computeOps: number;
  /** Spec path of the Einsum's Compute node in the mapping. */
  readonly computePath: SpecPath;
}
