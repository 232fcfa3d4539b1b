/**
 * Identical Einsums (transformers repeat Q/K/V shapes, and every layer) give identical template
 * searches up to tensor names (docs/mapper.md §9.1). The memo keys a job by its structure with tensor
 * names replaced by their position, and hands back the stored front with this job's identity.
 * One memo lives for one mapping run (one design), so statistics stay per run.
 */
import { latencyForm } from '../model/index.js';
import type { TemplateFront, TemplateJob } from './types.js';

const LIMIT = 512;

/**
 * The job's search inputs with tensor names canonicalised, or null when the job must not be
 * shared: custom `total_latency` expressions may read per-Einsum fields the key cannot see.
 */
export function templateKey(job: TemplateJob, settings: unknown): string | null {
  if (job.modelEinsum.arch.some((leaf) => latencyForm(leaf) === 'custom')) return null;
  const canonical = new Map(job.modelEinsum.tensors.map((t, i) => [t.name, `\u0000t${i}`]));
  const rename = (value: string): string => canonical.get(value) ?? value;
  const shape = {
    nodes: job.nodes,
    compute: job.compute,
    fusable: job.fusableTensors,
    einsum: { ...job.modelEinsum, name: '' },
    use: job.tensorUse.filter(([t]) => canonical.has(t)),
    checks: job.checks,
    minUsage: job.minUsage,
    metric: job.metric,
    resourceUsage: job.resourceUsage ?? false,
    reservations: job.reservations ?? false,
    fused: [job.maxFusedLoops, job.maxFusedLoopsPerRankVariable],
    settings,
  };
  return JSON.stringify(shape, (_key, value: unknown) => {
    if (typeof value === 'string') return rename(value);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [rename(k), v]));
    }
    return value;
  });
}

/** Template fronts of one run by canonical key; fronts are copied in and out (they get transferred). */
export class TemplateMemo {
  private readonly fronts = new Map<string, TemplateFront>();

  /** A stored front relabelled for `job`, with compatibility keys from `recompat`. */
  recall(key: string, job: TemplateJob, recompat: (tiles: Int32Array) => string): TemplateFront | undefined {
    const stored = this.fronts.get(key);
    if (!stored) return undefined;
    const compat = Array.from({ length: stored.energy.length }, (_, r) => recompat(stored.tiles.subarray(r * stored.nLoops, (r + 1) * stored.nLoops)));
    // Nothing was evaluated for this job: its rows come from the identical search.
    return { ...copyArrays(stored), jobId: job.id, einsumIndex: job.einsumIndex, compat, evaluated: 0 };
  }

  store(key: string, front: TemplateFront): void {
    if (this.fronts.size >= LIMIT) this.fronts.delete(this.fronts.keys().next().value!);
    this.fronts.set(key, copyArrays(front));
  }
}

function copyArrays(front: TemplateFront): TemplateFront {
  const copy = { ...front, energy: front.energy.slice(), latency: front.latency.slice(), tiles: front.tiles.slice() };
  return front.reservations ? { ...copy, reservations: front.reservations.slice() } : copy;
}
