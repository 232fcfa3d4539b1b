/** `check`: validate a spec and summarise its Einsums and architecture paths. */
import type { ArchPathSummary, CheckResult, EinsumSummary } from '../api.js';
import type { EvaluatedSpec } from '../evaluate/index.js';
import { prepareSpec, type SpecInput } from './prepare.js';

/** Fails where `evaluate` and `map` would before they model or search (see prepareSpec). */
export function checkSpec(input: SpecInput): CheckResult {
  const prepared = prepareSpec(input);
  if (!prepared.ok) return { errors: prepared.errors, einsums: [], archPaths: [] };
  return { errors: [], ...summarize(prepared.value.evaluated) };
}

function summarize(evaluated: EvaluatedSpec): { einsums: EinsumSummary[]; archPaths: ArchPathSummary[] } {
  const { workload } = evaluated;
  const einsums = workload.einsums.map((einsum) => ({
    name: einsum.name,
    rankVariableBounds: einsum.bounds,
    tensorSizes: Object.fromEntries(einsum.tensors.map((t) => [t.name, workload.tensorSizes[t.name] ?? 0])),
    macs: einsum.macs,
  }));
  const archPaths = evaluated.arches.flatMap((arch) =>
    arch.paths
      .filter((path) => path.leaves[path.leaves.length - 1]?.component?.enabled !== false)
      .map((path) => ({
        einsum: arch.einsum,
        compute: path.compute,
        nodes: path.leaves.map((leaf) => ({
          name: leaf.name,
          kind: leaf.kind,
          fanout: leaf.spatial.reduce((product, s) => product * s.fanout, 1),
        })),
      })),
  );
  return { einsums, archPaths };
}
