/**
 * What a pmapping reserves in each finite memory, by fused-loop level (docs/mapper.md §5.5), for the
 * join and for the RESOURCE_USAGE metric. Level k = k non-trivial fused loops above the
 * reservation (-1: persistent, lives for the whole workload). A row's block holds, per memory,
 * the cumulative bits at levels -1..F (F = the template's fused loops), then, per fusable tensor
 * the template backs in a finite memory, its backing bits and level.
 */
import { evaluateEinsum, mappingPaths, type LatencyEvaluator, type UsageEntry } from '../model/index.js';
import { templateMappingNodes } from './pmapping-nodes.js';
import type { TemplateJob } from './types.js';

export interface ReservationLayout {
  /** Finite memories on the template's path, in arch order. */
  readonly memories: readonly string[];
  /** Levels -1..F: F + 2 values per memory. */
  readonly levels: number;
  /** Fusable tensors backed in one of `memories`. */
  readonly tensors: readonly { readonly tensor: string; readonly memory: string }[];
  /** Values per row. */
  readonly width: number;
}

/** The block layout of a template's rows (a function of the template only, so memoised fronts share it). */
export function reservationLayout(job: TemplateJob): ReservationLayout {
  const memories = job.modelEinsum.arch.filter((leaf) => leaf.kind === 'memory' && Number.isFinite(leaf.size)).map((leaf) => leaf.name);
  const fusable = new Set(job.fusableTensors);
  const tensors = job.nodes.flatMap((n) => (n.kind === 'storage' && n.backing && fusable.has(n.tensor) && memories.includes(n.component) ? [{ tensor: n.tensor, memory: n.component }] : []));
  const levels = job.nodes.filter((n) => n.kind !== 'storage' && n.fused).length + 2;
  return { memories, levels, tensors, width: memories.length * levels + tensors.length * 2 };
}

/** The level of a reservation with `depth` loops above it, given the row's trip counts. */
function levelOf(depth: number, fusedLoops: number, bounds: ArrayLike<number>): number {
  if (depth < 0) return -1;
  let level = 0;
  for (let i = 0; i < Math.min(depth, fusedLoops); i++) if (bounds[i]! > 1) level++;
  return level;
}

/** Writes one row's block at `out[offset..]` from the model's usage entries. */
export function writeReservations(layout: ReservationLayout, usage: readonly UsageEntry[], bounds: ArrayLike<number>, out: Float64Array, offset: number): void {
  const { memories, levels, tensors } = layout;
  out.fill(0, offset, offset + layout.width);
  const tensorBase = offset + memories.length * levels;
  for (const entry of usage) {
    const m = memories.indexOf(entry.component);
    if (m < 0) continue;
    const level = levelOf(entry.depth, levels - 2, bounds);
    for (let k = level; k < levels - 1; k++) out[offset + m * levels + k + 1]! += entry.bits;
    if (!entry.backing) continue;
    const t = tensors.findIndex((x) => x.tensor === entry.tensor && x.memory === entry.component);
    if (t < 0) continue;
    out[tensorBase + 2 * t] = entry.bits;
    out[tensorBase + 2 * t + 1] = level;
  }
}

/** Reservation blocks of the given rows (tiles and trip counts per row), from the full model. */
export function rowReservations(
  job: TemplateJob,
  layout: ReservationLayout,
  rows: number,
  tiles: Int32Array,
  bounds: Int32Array,
  nLoops: number,
  evaluateLatency: LatencyEvaluator | undefined,
): Float64Array {
  const out = new Float64Array(rows * layout.width);
  const built = templateMappingNodes(job.nodes, job.einsum, job.compute);
  const path = mappingPaths({ nodes: built.nodes })[0]!;
  const allTensors = new Map(job.tensorUse);
  for (let r = 0; r < rows; r++) {
    built.loops.forEach((loop, i) => {
      loop.tile_shape = tiles[r * nLoops + i]!;
    });
    const evaluation = evaluateEinsum(job.modelEinsum, path, allTensors, evaluateLatency);
    writeReservations(layout, evaluation.usage, bounds.subarray(r * nLoops, (r + 1) * nLoops), out, r * layout.width);
  }
  return out;
}
