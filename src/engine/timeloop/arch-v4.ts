import { embeddedDirectives } from './directives.js';
import type { Attr, ComponentLevel, Directive, Level, Located } from './model.js';
import { classifyComponent } from './classes.js';
import type { Plain, PlainMap, Reporter, SourceFile } from './source.js';
import { asList, asMap, asNameList, asNumber, asString, getKey } from './values.js';
import { checkMesh, checkOwnAttributes } from './input-checks.js';

/** Architecture levels (outer → inner) and the constraints embedded in its nodes. */
export interface ArchLevels {
  levels: Level[];
  constraints: Directive[];
}

interface Walk {
  src: SourceFile;
  report: Reporter;
  out: ArchLevels;
  inherited: Map<string, Attr>;
}

/** Read a v0.4 `architecture: {nodes: [...]}` tree. */
export function readArchV4(arch: Located, report: Reporter): ArchLevels {
  const out: ArchLevels = { levels: [], constraints: [] };
  const walk: Walk = { src: arch.src, report, out, inherited: new Map() };
  walkNodes(walk, asList(arch.node['nodes']) ?? []);
  return out;
}

function walkNodes(walk: Walk, nodes: Plain[]): void {
  for (const item of nodes) {
    const node = asMap(item);
    if (!node) continue;
    if (node['enabled'] === false) {
      walk.report.add('converted', `disabled node ${asString(node['name']) ?? ''}`, 'enabled: false; the node is left out', walk.src, node);
      continue;
    }
    const tag = asString(node['$tag']) ?? '';
    if (tag === 'Container') readContainer(walk, node);
    else if (tag === 'Component') readComponent(walk, node);
    else if (tag === 'Hierarchical' || tag === 'Parallel' || tag === 'Pipelined') readBranch(walk, node, tag);
    else if (tag === 'Nothing') {
      walk.report.add('converted', '!Nothing', 'placeholder dropped; the tensors it claims bypass its sibling buffers', walk.src, node);
    } else walk.report.add('dropped', `node tagged !${tag || '(none)'}`, 'unknown architecture node', walk.src, node);
  }
}

function readBranch(walk: Walk, node: PlainMap, tag: string): void {
  if (tag === 'Pipelined') {
    walk.report.add('approximated', '!Pipelined', 'treated as a plain hierarchy, as timeloopfe does (no pipelining semantics)', walk.src, node);
  }
  if (tag === 'Parallel') {
    walk.report.add('approximated', '!Parallel', 'branches are flattened into consecutive memories, each keeping its own tensors', walk.src, node);
    readParallel(walk, asList(node['nodes']) ?? []);
    return;
  }
  walkNodes(walk, asList(node['nodes']) ?? []);
}

/**
 * timeloopfe lets each data space live in one branch of a `!Parallel` only: a tensor a branch
 * keeps (a `!Nothing` claims one for no buffer at all) is bypassed by the other branches' buffers.
 */
function readParallel(walk: Walk, branches: Plain[]): void {
  const claims: { components: string[]; keeps: string[] }[] = [];
  for (const branch of branches) {
    const levels = walk.out.levels.length;
    const constraints = walk.out.constraints.length;
    walkNodes(walk, [branch]);
    const components = walk.out.levels.slice(levels).filter((l) => l.kind !== 'fanout').map((l) => l.name);
    const keeps = walk.out.constraints.slice(constraints).filter((d) => d.type === 'dataspace').flatMap((d) => d.keep ?? []);
    const nothing = asMap(branch);
    if (nothing?.['$tag'] === 'Nothing') keeps.push(...asNameList(getKey(asMap(asMap(nothing['constraints'])?.['dataspace']) ?? {}, 'keep') ?? []));
    claims.push({ components, keeps });
  }
  claims.forEach((claim, i) => {
    const others = claims.filter((_, j) => j !== i).flatMap((c) => c.keeps);
    if (others.length === 0) return;
    for (const target of claim.components) walk.out.constraints.push({ target, type: 'dataspace', bypass: others, raw: {}, src: walk.src });
  });
}

function ownAttributes(walk: Walk, node: PlainMap): Map<string, Attr> {
  const attrs = new Map(walk.inherited);
  const own = asMap(node['attributes']);
  if (own) checkOwnAttributes(walk.src, own);
  for (const [k, v] of Object.entries(own ?? {})) attrs.set(k, { value: v, at: { src: walk.src, node: own! } });
  return attrs;
}

function readContainer(walk: Walk, node: PlainMap): void {
  const name = asString(node['name']) ?? 'Container';
  walk.inherited = ownAttributes(walk, node);
  pushFanout(walk, node, name, []);
  readExtras(walk, node, name);
}

function pushFanout(walk: Walk, node: PlainMap, name: string, aliases: string[]): void {
  const spatial = asMap(node['spatial']);
  if (spatial) checkMesh(walk.src, spatial);
  const meshX = asNumber(spatial?.['meshX']) ?? 1;
  const meshY = asNumber(spatial?.['meshY']) ?? 1;
  // timeloopfe names the dummy level of a fanout `inter_<node>_spatial`; its mapper outputs target it.
  const all = [...aliases, `inter_${aliases[0] ?? name}_spatial`];
  if (meshX * meshY > 1) walk.out.levels.push({ kind: 'fanout', name, meshX, meshY, aliases: all, at: { src: walk.src, node } });
}

function readComponent(walk: Walk, node: PlainMap): void {
  const name = asString(node['name']) ?? 'Component';
  const kind = classifyComponent(node);
  if (kind.kind === 'nothing') return;
  if (kind.kind === 'network') {
    walk.report.add('dropped', `network component ${name} (${kind.cls})`, 'Accelergy network classes have no AccelForge model', walk.src, node);
    return;
  }
  pushFanout(walk, node, `${name}_spatial`, [name]);
  const level: ComponentLevel = { kind: kind.kind, name, cls: kind.cls, attrs: ownAttributes(walk, node), at: { src: walk.src, node } };
  walk.out.levels.push(level);
  readExtras(walk, node, name);
}

function readExtras(walk: Walk, node: PlainMap, name: string): void {
  const constraints = asMap(node['constraints']);
  if (constraints) walk.out.constraints.push(...embeddedDirectives(name, constraints, walk.src));
  if (node['sparse_optimizations'] !== undefined) {
    walk.report.add('dropped', `sparse_optimizations on ${name}`, 'sparse optimizations are not modelled by AccelForge', walk.src, node, 'sparse_optimizations');
  }
  if (node['networks'] !== undefined) {
    walk.report.add('dropped', `networks on ${name}`, 'Timeloop network models (hop energy, multicast wiring) are not converted', walk.src, node, 'networks');
  }
}
