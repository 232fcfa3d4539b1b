/** Rank-variable relevancy of each tensor of an Einsum (docs/mapper.md §0). */
import type { EvaluatedEinsum } from '../evaluate/index.js';

export interface Relevancy {
  /** Tensor → rank variables used alone as one of its indices (`M = m`). */
  readonly full: ReadonlyMap<string, ReadonlySet<string>>;
  /** Tensor → rank variables used only inside index expressions (`H = p + r`). */
  readonly partial: ReadonlyMap<string, ReadonlySet<string>>;
}

export function relevancyOf(einsum: EvaluatedEinsum): Relevancy {
  const full = new Map<string, Set<string>>();
  const partial = new Map<string, Set<string>>();
  for (const tensor of einsum.tensors) {
    const f = new Set<string>();
    const p = new Set<string>();
    for (const { expr } of tensor.projection) {
      const vars = expr.terms.filter((t) => t.coefficient !== 0).map((t) => t.variable);
      if (vars.length === 1) f.add(vars[0]!);
      else for (const v of vars) p.add(v);
    }
    for (const v of f) p.delete(v);
    full.set(tensor.name, f);
    partial.set(tensor.name, p);
  }
  return { full, partial };
}

/** Rank variables that index the tensor at all. */
export function indexingVars(rel: Relevancy, tensor: string): Set<string> {
  return new Set([...(rel.full.get(tensor) ?? []), ...(rel.partial.get(tensor) ?? [])]);
}
