/**
 * Roofline of one evaluated mapping, derived from the evaluation alone:
 *   intensity I_e   = computes_e / off-chip accesses_e            (per Einsum e)
 *   performance P_e = computes_e / latency_e
 *   compute roof    = max_e computes_e / compute-unit latency_e   (the compute units' own rate)
 *   bandwidth roof  = max_e accesses_e / off-chip latency_e        (the memory's own rate; none if it never limits)
 *   attainable(I)   = min(compute roof, bandwidth roof × I)
 * Accesses are the memory's action counts: bits when its bits_per_action is 1 (e.g. snowcat).
 */
import type { EvaluationData } from '../../../engine/index.js';

export interface RooflinePoint {
  readonly einsum: string;
  readonly computes: number;
  readonly accesses: number;
  readonly latency: number;
  /** null when the Einsum touches no off-chip data (infinite intensity). */
  readonly intensity: number | null;
  /** null when the Einsum takes no time. */
  readonly performance: number | null;
}

export interface Roofline {
  /** Memories that hold tensors, outermost first. */
  readonly memories: readonly string[];
  readonly offChip: string | null;
  /** Computes per latency unit; null when no compute unit reports a latency. */
  readonly peakCompute: number | null;
  /** Off-chip accesses per latency unit; null = unbounded (the memory never takes time). */
  readonly bandwidth: number | null;
  readonly points: readonly RooflinePoint[];
}

/** Components with tensor actions, in first-seen (arch) order. */
export function tensorMemories(data: EvaluationData): string[] {
  const names: string[] = [];
  for (const a of data.actions) if (a.tensor !== null && !names.includes(a.component)) names.push(a.component);
  return names;
}

function computeUnits(data: EvaluationData): Set<string> {
  return new Set(data.actions.filter((a) => a.tensor === null && a.action === 'compute').map((a) => a.component));
}

function latencyOf(data: EvaluationData, einsum: string, components: (name: string) => boolean): number {
  return data.latency.filter((l) => l.einsum === einsum && components(l.component)).reduce((t, l) => t + l.latency, 0);
}

function maxRate(rates: readonly (number | null)[]): number | null {
  const finite = rates.filter((r): r is number => r !== null && Number.isFinite(r) && r > 0);
  return finite.length === 0 ? null : Math.max(...finite);
}

/** The roofline of `data` with `picked` (if it exists) or the outermost memory as off-chip. */
export function rooflineOf(data: EvaluationData, picked: string | null): Roofline {
  const memories = tensorMemories(data);
  const offChip = picked !== null && memories.includes(picked) ? picked : (memories[0] ?? null);
  const units = computeUnits(data);
  const points: RooflinePoint[] = [];
  const computeRates: (number | null)[] = [];
  const memoryRates: (number | null)[] = [];
  for (const row of data.einsums) {
    const accesses = data.actions
      .filter((a) => a.einsum === row.einsum && a.component === offChip && a.tensor !== null)
      .reduce((t, a) => t + a.count, 0);
    const computeLatency = latencyOf(data, row.einsum, (c) => units.has(c));
    const memoryLatency = latencyOf(data, row.einsum, (c) => c === offChip);
    computeRates.push(computeLatency > 0 ? row.computeOps / computeLatency : null);
    memoryRates.push(memoryLatency > 0 ? accesses / memoryLatency : null);
    points.push({
      einsum: row.einsum,
      computes: row.computeOps,
      accesses,
      latency: row.latency,
      intensity: accesses > 0 ? row.computeOps / accesses : null,
      performance: row.latency > 0 ? row.computeOps / row.latency : null,
    });
  }
  return { memories, offChip, peakCompute: maxRate(computeRates), bandwidth: maxRate(memoryRates), points };
}

/** Attainable performance at intensity `x`; null when neither roof is known. */
export function attainable(roofline: Pick<Roofline, 'peakCompute' | 'bandwidth'>, x: number): number | null {
  const { peakCompute, bandwidth } = roofline;
  if (peakCompute === null) return bandwidth === null ? null : bandwidth * x;
  return bandwidth === null ? peakCompute : Math.min(peakCompute, bandwidth * x);
}

/** Vertices of the roof over [xMin, xMax]: the ends plus the ridge point when it lies inside. */
export function roofLine(roofline: Pick<Roofline, 'peakCompute' | 'bandwidth'>, xMin: number, xMax: number): { x: number; y: number }[] {
  const xs = [xMin, xMax];
  const { peakCompute, bandwidth } = roofline;
  if (peakCompute !== null && bandwidth !== null) {
    const ridge = peakCompute / bandwidth;
    if (ridge > xMin && ridge < xMax) xs.splice(1, 0, ridge);
  }
  return xs.flatMap((x) => {
    const y = attainable(roofline, x);
    return y === null ? [] : [{ x, y }];
  });
}

/** An x range covering the points and the ridge, a decade either side. */
export function intensityRange(roofline: Roofline): [number, number] {
  const xs = roofline.points.map((p) => p.intensity).filter((x): x is number => x !== null && x > 0);
  if (roofline.peakCompute !== null && roofline.bandwidth !== null) xs.push(roofline.peakCompute / roofline.bandwidth);
  if (xs.length === 0) return [0.1, 10];
  return [Math.min(...xs) / 10, Math.max(...xs) * 10];
}
