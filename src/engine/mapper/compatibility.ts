/**
 * Compatibility of a pmapping with its neighbours (docs/mapper.md §5.1): for every fusable tensor, its
 * backing memory and the non-trivial loops above its backing node, as (tensor rank, trip count).
 * Encoded as `T1@GlobalBuffer:M=4,s:N=2;T2@MainMemory:` with tensors sorted.
 */
import type { ModelTensor } from '../model/index.js';
import type { TemplateJob } from './types.js';

const NO_RANK = 'NO RANK. RECOMPUTED.';

function rankOf(tensor: ModelTensor | undefined, rankVariable: string): string {
  const rank = tensor?.projection.find((p) => p.terms.length === 1 && p.terms[0]!.var === rankVariable);
  return rank?.rank ?? NO_RANK;
}

/** The compatibility key of one pmapping, given its loops' trip counts. */
export function compatibilityKey(job: TemplateJob, bounds: Int32Array): string {
  const fusable = new Set(job.fusableTensors);
  const tensors = new Map(job.modelEinsum.tensors.map((t) => [t.name, t]));
  const loopsAbove: { rankVariable: string; spatial: boolean; trips: number }[] = [];
  const parts: string[] = [];
  let loop = 0;
  for (const node of job.nodes) {
    if (node.kind !== 'storage') {
      loopsAbove.push({ rankVariable: node.rankVariable, spatial: node.kind === 'spatial', trips: bounds[loop++]! });
      continue;
    }
    if (!node.backing || !fusable.has(node.tensor)) continue;
    const loops = loopsAbove
      .filter((l) => l.trips > 1)
      .map((l) => `${l.spatial ? 's:' : ''}${rankOf(tensors.get(node.tensor), l.rankVariable)}=${l.trips}`);
    parts.push(`${node.tensor}@${node.component}:${loops.join(',')}`);
  }
  return parts.sort().join(';');
}

/** Tensor → its part of a compatibility key. */
export function parseCompatibility(key: string): Map<string, string> {
  const out = new Map<string, string>();
  if (key === '') return out;
  for (const part of key.split(';')) out.set(part.slice(0, part.indexOf('@')), part);
  return out;
}

/** Keeps only the tensors in `keep`. */
export function restrictCompatibility(parts: ReadonlyMap<string, string>, keep: ReadonlySet<string>): string {
  return [...parts.entries()]
    .filter(([t]) => keep.has(t))
    .map(([, p]) => p)
    .sort()
    .join(';');
}

/** One compatibility part's loops (`M=4`, `s:N=2`), outermost first. */
export function partLoops(part: string): string[] {
  const loops = part.slice(part.indexOf(':', part.indexOf('@')) + 1);
  return loops === '' ? [] : loops.split(',');
}

/** The most loops any of the parts has: the fused loops its tensors sit under. */
export function mostLoops(parts: Iterable<string>): number {
  let most = 0;
  for (const part of parts) most = Math.max(most, partLoops(part).length);
  return most;
}
