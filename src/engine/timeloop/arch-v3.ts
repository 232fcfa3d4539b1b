import type { ArchLevels } from './arch-v4.js';
import { classifyComponent } from './classes.js';
import type { Attr, ComponentLevel, Level, Located } from './model.js';
import type { Plain, PlainMap, Reporter, SourceFile } from './source.js';
import { asList, asMap, asNumber, asString } from './values.js';
import { checkOwnAttributes } from './input-checks.js';

interface Placed {
  level: ComponentLevel;
  instances: number;
  meshX: number;
  /** Name of the subtree the component sits in (without its `[..]` suffix). */
  subtree: string;
  dummy: boolean;
}

/** Instance count written in a name: `PE[0..167]` → 168, `X[1..16]` → 16, `X` → 1. */
export function instancesInName(name: string): { base: string; count: number } {
  const m = /^(.*?)\[(\d+)\.\.(\d+)\]$/.exec(name);
  if (!m) return { base: name, count: 1 };
  return { base: m[1]!, count: Number(m[3]) - Number(m[2]) + 1 };
}

/** Read a v0.3 `architecture: {subtree: [...]}` tree (also timeloopfe's processed dump). */
export function readArchV3(arch: Located, report: Reporter): ArchLevels {
  const placed: Placed[] = [];
  walkSubtrees(arch.src, asList(arch.node['subtree']) ?? [], new Map(), 1, placed, report);
  return { levels: withFanouts(placed), constraints: [] };
}

function walkSubtrees(src: SourceFile, trees: Plain[], inherited: Map<string, Attr>, outer: number, out: Placed[], report: Reporter): void {
  for (const item of trees) {
    const tree = asMap(item);
    if (!tree) continue;
    const { base, count } = instancesInName(asString(tree['name']) ?? 'level');
    const attrs = withAttributes(inherited, src, tree);
    const instances = outer * count;
    for (const local of asList(tree['local']) ?? []) {
      const comp = asMap(local);
      if (comp) placeComponent(src, comp, attrs, instances, base, out, report);
    }
    walkSubtrees(src, asList(tree['subtree']) ?? [], attrs, instances, out, report);
  }
}

function withAttributes(inherited: Map<string, Attr>, src: SourceFile, node: PlainMap): Map<string, Attr> {
  const attrs = new Map(inherited);
  const own = asMap(node['attributes']);
  if (own) checkOwnAttributes(src, own);
  for (const [k, v] of Object.entries(own ?? {})) attrs.set(k, { value: v, at: { src, node: own! } });
  return attrs;
}

function placeComponent(src: SourceFile, comp: PlainMap, inherited: Map<string, Attr>, outer: number, subtree: string, out: Placed[], report: Reporter): void {
  const { base, count } = instancesInName(asString(comp['name']) ?? 'component');
  const cls = asString(comp['class']) ?? '';
  const attrs = withAttributes(inherited, src, comp);
  const instances = Math.max(outer, count);
  const meshX = asNumber(attrs.get('meshX')?.value) ?? instances;
  if (cls === 'dummy_storage') {
    out.push({ level: { kind: 'storage', name: base, cls, attrs, at: { src, node: comp } }, instances, meshX, subtree, dummy: true });
    return;
  }
  const kind = classifyComponent(comp);
  if (kind.kind === 'nothing') return;
  if (kind.kind === 'network') {
    report.add('dropped', `network component ${base} (${kind.cls})`, 'Accelergy network classes have no AccelForge model', src, comp);
    return;
  }
  const level: ComponentLevel = { kind: kind.kind, name: base, cls: kind.cls, attrs, at: { src, node: comp } };
  out.push({ level, instances, meshX, subtree, dummy: false });
}

/** Insert a fanout wherever the instance count grows between consecutive components. */
function withFanouts(placed: Placed[]): Level[] {
  const levels: Level[] = [];
  const used = new Set(placed.map((p) => p.level.name));
  let parent: Placed | undefined;
  for (const p of placed) {
    const ratio = parent ? p.instances / parent.instances : p.instances;
    if (ratio > 1) {
      const parentX = parent?.meshX ?? 1;
      const meshX = Math.max(1, Math.round(p.meshX / parentX));
      const meshY = Math.max(1, Math.round(ratio / meshX));
      const name = fanoutName(p, parent, used);
      used.add(name);
      levels.push({ kind: 'fanout', name, meshX, meshY, aliases: parent ? [parent.level.name] : [], at: p.level.at });
    }
    if (!p.dummy) levels.push(p.level);
    parent = p;
  }
  return levels;
}

function fanoutName(child: Placed, parent: Placed | undefined, used: Set<string>): string {
  const dummy = parent?.dummy ? /^inter_(.+)_spatial$/.exec(parent.level.name)?.[1] : undefined;
  const candidates = [dummy, child.subtree !== parent?.subtree ? child.subtree : undefined, `${child.level.name}_array`];
  for (const c of candidates) if (c && !used.has(c)) return c;
  return `${child.level.name}_array_${used.size}`;
}
