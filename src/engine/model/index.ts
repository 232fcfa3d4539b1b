/** The analytical model: (Einsums, flattened arches, LoopTree mapping) → energy, latency, usage. */
import { SpecErrorException, specError, type SpecPath } from '../base/errors.js';
import { err, ok, type Result } from '../base/result.js';
import { joinCapacity } from './capacity-join.js';
import { checkLoopRankVariables } from './loop-rank-check.js';
import { evaluateEinsum } from './einsum-eval.js';
import { mappingPaths, type MappingPath } from './mapping-paths.js';
import type { EinsumEvaluation } from './result-types.js';
import { ModelResult, type ComponentTotals } from './result.js';
import type { ModelInput } from './types.js';

export type * from './types.js';
export type * from './result-types.js';
export type { MemoryUsage } from './capacity-join.js';
export type { FanoutUse } from './checks.js';
export { ModelResult, type ModelCliJson, type FlatRecord, type EnergyKey, type ComponentTotals } from './result.js';
export { mappingPaths, type MappingPath } from './mapping-paths.js';
export { parseMapping, printMapping, rawFromYaml } from './mapping-yaml.js';
export { normalizeMapping } from './mapping-normalize.js';
export { DEFAULT_TOTAL_LATENCY, latencyForm, type LatencyForm } from './latency.js';
export { evaluateEinsum } from './einsum-eval.js';
export { compileEinsumTemplate, type CompiledEinsum, type RowFigures, type RowVerdict, type TemplatePolys } from './compiled-einsum.js';
export { CompiledPoly } from './compiled-poly.js';
export { loopProduct, type Poly } from './poly.js';

/** Evaluates a complete mapping; invalid mappings come back as SpecErrors with mapping paths. */
export function evaluateMapping(input: ModelInput): Result<ModelResult> {
  try {
    return ok(evaluateOrThrow(input));
  } catch (e) {
    if (e instanceof SpecErrorException) return err(e.specError);
    const message = e instanceof Error ? e.message : String(e);
    return err(specError('model', `internal model error: ${message}`));
  }
}

function evaluateOrThrow(input: ModelInput): ModelResult {
  const root: SpecPath = input.mappingPath ?? ['mapping'];
  const paths = mappingPaths(input.mapping, root);
  const byEinsum = pathsByEinsum(input, paths, root);
  checkLoopRankVariables(input.einsums, byEinsum);
  const allTensors = new Map<string, number>();
  for (const e of input.einsums) for (const t of e.tensors) allTensors.set(t.name, (allTensors.get(t.name) ?? 0) + 1);
  const evaluations: EinsumEvaluation[] = [];
  const usedPaths: MappingPath[] = [];
  for (const einsum of input.einsums) {
    const path = byEinsum.get(einsum.name)!;
    evaluations.push(evaluateEinsum(einsum, path, allTensors, input.evaluateLatency));
    usedPaths.push(path);
  }
  return new ModelResult(evaluations, joinCapacity(evaluations, usedPaths), componentTotals(input));
}

/** Area and leak per component, from the first Einsum's view of the arch. */
function componentTotals(input: ModelInput): ComponentTotals[] {
  const out = new Map<string, ComponentTotals>();
  for (const einsum of input.einsums) {
    for (const c of [...einsum.arch.filter((leaf) => leaf.kind !== 'container'), ...einsum.offPath]) {
      if (!out.has(c.name)) out.set(c.name, { component: c.name, totalArea: c.totalArea, totalLeakPower: c.totalLeakPower });
    }
  }
  return [...out.values()];
}

function pathsByEinsum(input: ModelInput, paths: readonly MappingPath[], root: SpecPath): Map<string, MappingPath> {
  const names = new Set(input.einsums.map((e) => e.name));
  const out = new Map<string, MappingPath>();
  for (const path of paths) {
    if (!names.has(path.einsum)) {
      throw new SpecErrorException(
        specError('mapping', `the mapping computes Einsum '${path.einsum}', which is not in the workload`, {
          path: [...path.compute.path, 'einsum'],
          hint: `workload Einsums: ${[...names].join(', ')}`,
        }),
      );
    }
    if (out.has(path.einsum)) {
      throw new SpecErrorException(
        specError('mapping', `Einsum '${path.einsum}' is computed by more than one !Compute node`, {
          path: path.compute.path,
        }),
      );
    }
    out.set(path.einsum, path);
  }
  // AccelForge silently leaves such Einsums out of every total; here that is an error.
  const missing = input.einsums.map((e) => e.name).filter((name) => !out.has(name));
  if (missing.length > 0) {
    const list = missing.join(', ');
    throw new SpecErrorException(
      specError('mapping', `The mapping has no !Compute node for Einsum${missing.length > 1 ? 's' : ''} ${list}, so ${missing.length > 1 ? 'they' : 'it'} would be left out of every total.`, {
        path: root,
        hint: `Add a branch ending in \`!Compute {einsum: ${missing[0]}, component: ...}\` (a !Sequential or !Pipeline lists one branch per Einsum), or run \`map\` to find a full mapping.`,
      }),
    );
  }
  return out;
}
