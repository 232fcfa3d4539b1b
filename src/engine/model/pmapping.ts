/** Normalises one root→Compute path for its Einsum (AccelForge's pmapping preparation). */
import { failWith, type SpecPath } from '../base/errors.js';
import type { EinsumInfo } from './einsum-info.js';
import type { MappingPath, PathEntry } from './mapping-paths.js';
import { dropHoldersBelowLastBacking } from './copy-einsum.js';
import { insertReservations } from './reservations.js';
import type { ArchLeaf } from './types.js';
import { describeViolation, FIELD_RANGES } from '../spec/schema/ranges.js';

export interface PLoop {
  readonly kind: 'loop';
  readonly spatial: boolean;
  /** Rank-variable index, or -1 for a variable this Einsum does not have (then one iteration). */
  readonly rv: number;
  readonly tile: number;
  /** Spatial only: the arch leaf owning the dimension, and the dimension's index there. */
  readonly owner: number;
  readonly dim: number;
  readonly path: SpecPath;
  /** Position among the path's loops (top-down). */
  readonly loopIndex: number;
}

export interface PHolder {
  readonly kind: 'holder';
  readonly toll: boolean;
  readonly tensor: number;
  readonly leaf: number;
  readonly persistent: boolean;
  readonly path: SpecPath;
  /** First holder of its tensor on the path. */
  readonly backing: boolean;
}

export interface PCompute {
  readonly kind: 'compute';
  readonly leaf: number;
  readonly path: SpecPath;
}

/** Where the occupancy of a holder is measured (inserted by `insertReservations`). */
export interface PReservation {
  readonly kind: 'reservation';
  readonly holder: PHolder;
}

export type PNode = PLoop | PHolder | PCompute | PReservation;

export interface PMapping {
  readonly nodes: readonly PNode[];
  readonly loops: readonly PLoop[];
  readonly holders: readonly PHolder[];
  readonly compute: PCompute;
}

/** Builds the normalised path; `allTensors` counts the Einsums using each workload tensor. */
export function buildPMapping(
  info: EinsumInfo,
  path: MappingPath,
  allTensors: ReadonlyMap<string, number>,
): PMapping {
  const arch = info.einsum.arch;
  const leafIndex = new Map(arch.map((leaf, i) => [leaf.name, i]));
  const nodes: PNode[] = [];
  const loops: PLoop[] = [];
  const holders: PHolder[] = [];
  const seen = new Set<string>();
  for (const entry of path.entries) {
    const node = entry.node;
    if (node.$tag === 'Temporal' || node.$tag === 'Spatial') {
      const loop = makeLoop(info, entry, leafIndex, loops.length);
      loops.push(loop);
      nodes.push(loop);
    } else if (node.$tag === 'Storage' || node.$tag === 'Toll') {
      for (const holder of makeHolders(info, entry, leafIndex, allTensors, seen)) {
        holders.push(holder);
        nodes.push(holder);
      }
    }
  }
  const compute = makeCompute(info, path.compute, leafIndex);
  nodes.push(compute);
  checkUnitLoops(info, loops, path.compute.path);
  if (info.einsum.isCopyOperation) {
    const kept = dropHoldersBelowLastBacking(nodes);
    return { nodes: insertReservations(info, kept), loops, holders: holders.filter((h) => kept.includes(h)), compute };
  }
  return { nodes: insertReservations(info, nodes), loops, holders, compute };
}

function resolveLeaf(
  leafIndex: ReadonlyMap<string, number>,
  arch: readonly ArchLeaf[],
  name: string,
  path: SpecPath,
): number {
  const index = leafIndex.get(name);
  if (index !== undefined) return index;
  return failWith('mapping', `component '${name}' is not in the architecture path of this Einsum`, {
    path: [...path, 'component'],
    hint: `components on this path: ${arch.map((leaf) => leaf.name).join(', ')}`,
  });
}

function makeLoop(
  info: EinsumInfo,
  entry: PathEntry,
  leafIndex: ReadonlyMap<string, number>,
  loopIndex: number,
): PLoop {
  const node = entry.node;
  if (node.$tag !== 'Temporal' && node.$tag !== 'Spatial') throw new Error('not a loop');
  if (typeof node.tile_shape !== 'number') {
    failWith('mapping', `tile_shape must be a number, got '${String(node.tile_shape)}'`, {
      path: [...entry.path, 'tile_shape'],
      hint: 'the model evaluates complete mappings; give every loop a numeric tile_shape',
    });
  }
  const rv = info.rankIndex.get(node.rank_variable) ?? -1;
  checkTileShape(node.tile_shape, rv >= 0 ? info.bounds[rv]! : Infinity, node.rank_variable, [...entry.path, 'tile_shape']);
  const tile = rv >= 0 && info.bounds[rv] === 1 ? 1 : node.tile_shape;
  if (node.$tag === 'Temporal') {
    return { kind: 'loop', spatial: false, rv, tile, owner: -1, dim: -1, path: entry.path, loopIndex };
  }
  const owner = resolveLeaf(leafIndex, info.einsum.arch, node.component, entry.path);
  const dims = info.einsum.arch[owner]!.spatial;
  const dim = dims.findIndex((d) => d.name === String(node.name));
  if (dim < 0) {
    failWith('mapping', `'${node.component}' has no spatial dimension '${String(node.name)}'`, {
      path: [...entry.path, 'name'],
      hint: `its dimensions: ${dims.map((d) => d.name).join(', ') || 'none'}`,
    });
  }
  return { kind: 'loop', spatial: true, rv, tile, owner, dim, path: entry.path, loopIndex };
}

/** A tile is a whole number of indices, at least one and at most the rank variable's size. */
function checkTileShape(tile: number, bound: number, rankVariable: string, path: SpecPath): void {
  const violation = describeViolation('tile_shape', tile, tile, FIELD_RANGES.tile_shape);
  if (violation) failWith('mapping', violation.message, { path, hint: violation.hint });
  if (tile > bound) {
    failWith('mapping', `\`tile_shape: ${tile}\` is larger than rank variable ${rankVariable}, whose size is ${bound}`, {
      path,
      hint: `a tile of ${rankVariable} covers at most all ${bound} of its indices; use a tile_shape from 1 to ${bound}`,
    });
  }
}

function makeHolders(
  info: EinsumInfo,
  entry: PathEntry,
  leafIndex: ReadonlyMap<string, number>,
  allTensors: ReadonlyMap<string, number>,
  seen: Set<string>,
): PHolder[] {
  const node = entry.node;
  if (node.$tag !== 'Storage' && node.$tag !== 'Toll') return [];
  const out: PHolder[] = [];
  node.tensors.forEach((name, i) => {
    if (!allTensors.has(name)) {
      failWith('mapping', `tensor '${name}' is not in the workload`, {
        path: [...entry.path, 'tensors', i],
        hint: `workload tensors: ${[...allTensors.keys()].join(', ')}`,
      });
    }
    const tensor = info.tensorIndex.get(name);
    if (tensor === undefined) return;
    const leaf = resolveLeaf(leafIndex, info.einsum.arch, node.component, entry.path);
    checkHolderKind(info.einsum.arch[leaf]!, node.$tag, entry.path);
    const key = `${name}\u0000${leaf}`;
    if (seen.has(key)) {
      failWith('mapping', `'${node.component}' holds tensor '${name}' twice on this path`, {
        path: [...entry.path, 'tensors', i],
      });
    }
    const backing = !seen.has(name);
    if (backing && node.$tag === 'Toll' && (allTensors.get(name) ?? 0) > 1) {
      failWith('mapping', `Toll '${node.component}' is the outermost holder of '${name}', which several Einsums share`, {
        path: [...entry.path, 'tensors', i],
        hint: `keep '${name}' in a memory above the Toll`,
      });
    }
    seen.add(key);
    seen.add(name);
    out.push({
      kind: 'holder',
      toll: node.$tag === 'Toll',
      tensor,
      leaf,
      persistent: node.persistent,
      path: entry.path,
      backing,
    });
  });
  return out;
}

function checkHolderKind(leaf: ArchLeaf, tag: 'Storage' | 'Toll', path: SpecPath): void {
  const wanted = tag === 'Storage' ? 'memory' : 'toll';
  if (leaf.kind === wanted) return;
  failWith('mapping', `!${tag} names '${leaf.name}', which is a ${leaf.kind}, not a ${wanted}`, {
    path: [...path, 'component'],
  });
}

function makeCompute(
  info: EinsumInfo,
  entry: PathEntry,
  leafIndex: ReadonlyMap<string, number>,
): PCompute {
  const node = entry.node;
  const name = node.$tag === 'Compute' ? node.component : '';
  const leaf = resolveLeaf(leafIndex, info.einsum.arch, name, entry.path);
  if (info.einsum.arch[leaf]!.kind !== 'compute') {
    failWith('mapping', `'${name}' is not a Compute component`, { path: [...entry.path, 'component'] });
  }
  return { kind: 'compute', leaf, path: entry.path };
}

/** Every rank variable with bound > 1 must be tiled down to single indices by some loop. */
function checkUnitLoops(info: EinsumInfo, loops: readonly PLoop[], computePath: SpecPath): void {
  const missing = info.rankVars.filter(
    (_, r) => info.bounds[r]! > 1 && !loops.some((l) => l.rv === r && l.tile === 1),
  );
  if (missing.length === 0) return;
  failWith('mapping', `missing loop with tile_shape 1 for rank variables {${missing.join(', ')}}`, {
    path: computePath,
    hint: `add e.g. '!Temporal {rank_variable: ${missing[0]}, tile_shape: 1}' above the Compute of ${info.einsum.name}`,
  });
}
