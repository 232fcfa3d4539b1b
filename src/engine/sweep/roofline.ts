/**
 * Roofline of one evaluated mapping: the compute roof (peak ops/s of the Compute × its instance
 * count) and bandwidth roofs (bits/s per memory level, all instances), with each Einsum placed by
 * operational intensity (ops per bit moved at a level) and achieved performance (ops / latency).
 */
import { createDefaultRegistry, type ComponentModelRegistry } from '../components/index.js';
import type { EvaluatedLeaf, EvaluatedSpec } from '../evaluate/index.js';
import type { ModelResult } from '../model/index.js';
import { costArch, type ArchCosts } from '../pipeline/component-costs.js';

export interface BandwidthRoof {
  readonly memory: string;
  readonly instances: number;
  /** Peak bits/s over all instances; Infinity when the action has no throughput limit. */
  readonly readBandwidth: number;
  readonly writeBandwidth: number;
}

export interface RooflinePoint {
  readonly einsum: string;
  readonly compute: string;
  readonly ops: number;
  readonly latency: number;
  /** ops / latency. */
  readonly performance: number;
  /** Ops per bit read or written at each memory level (Infinity when nothing moved there). */
  readonly intensity: Readonly<Record<string, number>>;
}

export interface Roofline {
  /** Peak ops/s per Compute: per-instance compute throughput × instances. */
  readonly computeRoofs: Readonly<Record<string, number>>;
  readonly bandwidthRoofs: readonly BandwidthRoof[];
  readonly points: readonly RooflinePoint[];
}

/** Instances of a leaf: its ancestors' fanout (its own `spatial` fans out below it, as for total_area). */
export function instancesOf(leaf: EvaluatedLeaf): number {
  return leaf.ancestorFanout;
}

/** Bits moved by one action of a memory (action's, else component's bits_per_action, else 1). */
function bitsPerAction(leaf: EvaluatedLeaf, action: string): number {
  const act = leaf.component?.actions.find((a) => a.name === action);
  return act?.bitsPerAction ?? leaf.component?.bitsPerAction ?? 1;
}

function bandwidth(leaf: EvaluatedLeaf, costs: ArchCosts, action: string): number {
  const throughput = costs.get(leaf.name)?.actions[action]?.throughput ?? Infinity;
  return throughput * bitsPerAction(leaf, action) * instancesOf(leaf);
}

/** Roofs from the first Einsum's arch; one point per Einsum of the mapping. */
export function roofline(evaluated: EvaluatedSpec, result: ModelResult, registry: ComponentModelRegistry = createDefaultRegistry()): Roofline {
  const arch = evaluated.arches[0];
  if (!arch) return { computeRoofs: {}, bandwidthRoofs: [], points: [] };
  const costs = costArch(arch.tree, registry, false);
  const leaves = uniqueLeaves(arch.paths.flatMap((p) => [...p.leaves]));
  const computeRoofs: Record<string, number> = {};
  for (const leaf of leaves.filter((l) => l.kind === 'compute')) {
    computeRoofs[leaf.name] = (costs.get(leaf.name)?.actions.compute?.throughput ?? Infinity) * instancesOf(leaf);
  }
  const memories = leaves.filter((l) => l.kind === 'memory');
  const bandwidthRoofs = memories.map((leaf) => ({
    memory: leaf.name,
    instances: instancesOf(leaf),
    readBandwidth: bandwidth(leaf, costs, 'read'),
    writeBandwidth: bandwidth(leaf, costs, 'write'),
  }));
  const points = result.einsums.map((e): RooflinePoint => {
    const compute = e.actions.find((a) => a.action === 'compute' && computeRoofs[a.component] !== undefined)?.component ?? '';
    const intensity: Record<string, number> = {};
    for (const leaf of memories) {
      const bits = e.actions
        .filter((a) => a.component === leaf.name && (a.action === 'read' || a.action === 'write'))
        .reduce((total, a) => total + a.count * bitsPerAction(leaf, a.action), 0);
      intensity[leaf.name] = bits === 0 ? Infinity : e.computeOps / bits;
    }
    return { einsum: e.einsum, compute, ops: e.computeOps, latency: e.latency, performance: e.latency === 0 ? Infinity : e.computeOps / e.latency, intensity };
  });
  return { computeRoofs, bandwidthRoofs, points };
}

/** Attainable performance at an intensity under one compute roof and one bandwidth (bits/s). */
export function attainable(computeRoof: number, bandwidthBitsPerSecond: number, intensity: number): number {
  return Math.min(computeRoof, bandwidthBitsPerSecond * intensity);
}

function uniqueLeaves(leaves: readonly EvaluatedLeaf[]): EvaluatedLeaf[] {
  const seen = new Map<string, EvaluatedLeaf>();
  for (const leaf of leaves) if (!seen.has(leaf.name)) seen.set(leaf.name, leaf);
  return [...seen.values()];
}
