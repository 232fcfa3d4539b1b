/**
 * Every mapping loop must iterate over a rank variable of an Einsum below it. A loop over a name
 * no Einsum below it has (a typo such as `q` for `m`) would count once and silently leave the
 * real rank variable unmapped, so it is an error at the name.
 */
import { failWith } from '../base/errors.js';
import type { MappingPath } from './mapping-paths.js';
import type { ModelEinsum } from './types.js';

/** A loop shared by a fused mapping is on several Einsums' paths: it must fit one of them. */
export function checkLoopRankVariables(einsums: readonly ModelEinsum[], byEinsum: ReadonlyMap<string, MappingPath>): void {
  const below = new Map<string, { rankVariable: string; path: MappingPath['entries'][number]['path']; einsums: ModelEinsum[] }>();
  for (const einsum of einsums) {
    for (const entry of byEinsum.get(einsum.name)?.entries ?? []) {
      const node = entry.node;
      if (node.$tag !== 'Temporal' && node.$tag !== 'Spatial') continue;
      const key = JSON.stringify(entry.path);
      const loop = below.get(key) ?? { rankVariable: String(node.rank_variable), path: entry.path, einsums: [] };
      loop.einsums.push(einsum);
      below.set(key, loop);
    }
  }
  for (const loop of below.values()) {
    if (loop.einsums.some((e) => Object.hasOwn(e.rankBounds, loop.rankVariable))) continue;
    const owners = loop.einsums.map((e) => `Einsum ${e.name} (its rank variables are ${Object.keys(e.rankBounds).join(', ')})`);
    failWith('mapping', `rank variable '${loop.rankVariable}' is not a rank variable of ${owners.join(' or ')}`, {
      path: [...loop.path, 'rank_variable'],
      hint: `loop over one of the rank variables listed, e.g. 'rank_variable: ${Object.keys(loop.einsums[0]!.rankBounds)[0] ?? 'm'}'`,
    });
  }
}
