/** A spec's own mapping must compute every Einsum: one left out would silently drop from the totals. */
import { failWith } from '../base/errors.js';
import type { EvaluatedSpec } from '../evaluate/index.js';
import { mappingPaths } from '../model/index.js';
import type { Mapping } from '../spec/schema/mapping.js';

export function checkMappingCoversWorkload(evaluated: EvaluatedSpec, mapping: Mapping): void {
  const mapped = new Set(mappingPaths(mapping).map((p) => p.einsum));
  const missing = evaluated.workload.einsums.map((e) => e.name).filter((name) => !mapped.has(name));
  if (missing.length === 0) return;
  const list = missing.join(', ');
  failWith('mapping', `The mapping has no !Compute node for Einsum${missing.length > 1 ? 's' : ''} ${list}, so ${missing.length > 1 ? 'they' : 'it'} would be left out of every total.`, {
    path: ['mapping'],
    hint: `Add a branch ending in \`!Compute {einsum: ${missing[0]}, component: ...}\` (a !Sequential or !Pipeline lists one branch per Einsum), or run \`map\` to find a full mapping.`,
  });
}
