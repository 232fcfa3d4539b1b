/** `check`: validate a spec and summarise its Einsums and architecture paths. */
import type { ArchPathSummary, CheckResult, EinsumSummary } from '../api.js';
import type { EvaluatedSpec } from '../evaluate/index.js';
import { checkMappingCoversWorkload } from './mapping-coverage.js';
import { checkBeforeSearch } from './pre-search.js';
import { prepareSpec, runStage, type SpecInput } from './prepare.js';

/** Everything `evaluate` and `map` evaluate before they model or search, so check fails where they would. */
export function checkSpec(input: SpecInput): CheckResult {
  const prepared = prepareSpec(input);
  if (!prepared.ok) return { errors: prepared.errors, einsums: [], archPaths: [] };
  const { loaded, spec, evaluated } = prepared.value;
  const deeper = runStage(loaded, () => {
    checkBeforeSearch(evaluated);
    if (spec.mapping.nodes.length > 0) checkMappingCoversWorkload(evaluated, spec.mapping);
  });
  if (!deeper.ok) return { errors: deeper.errors, einsums: [], archPaths: [] };
  return { errors: [], ...summarize(evaluated) };
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
