import { loopBlocks, spatialAxis, type LoopBlock } from './loop-factors.js';
import { tensorName, type ComponentLevel, type Directive, type Level, type Problem } from './model.js';
import type { PlainMap, Reporter } from './source.js';

interface Loop {
  kind: 'Temporal' | 'Spatial';
  dim: string;
  factor: number;
  component?: string;
  axis?: 'X' | 'Y';
}

type Step = { storage: { component: string; tensor: string; dims: Set<string> } } | { loop: Loop };

/** Convert Timeloop mapping directives into AccelForge LoopTree nodes (outer → inner). */
export function buildMapping(levels: readonly Level[], problem: Problem, directives: readonly Directive[], keptAt: (level: ComponentLevel) => string[], report: Reporter): PlainMap[] {
  const blocks = loopBlocks(levels, directives, problem, report);
  const ordered = hoistStorage(levelSteps(blocks, problem, keptAt));
  const shapes = tileShapes(ordered, problem);
  const nodes = mergeStorage(ordered.map((s, i) => ('storage' in s ? storageNode(s.storage) : loopNode(s.loop, shapes[i]!, problem))));
  const compute = [...levels].reverse().find((l) => l.kind === 'compute');
  nodes.push({ $tag: 'Compute', einsum: problem.einsum, component: compute?.name ?? 'Compute' });
  return nodes;
}

/** Storage nodes and loops level by level, one storage step per kept tensor. */
function levelSteps(blocks: readonly LoopBlock[], problem: Problem, keptAt: (level: ComponentLevel) => string[]): Step[] {
  const steps: Step[] = [];
  let pendingTemporal: Loop[] = [];
  for (const block of blocks) {
    if (block.level.kind !== 'storage') {
      for (const loop of blockLoops(block, problem)) steps.push({ loop });
      continue;
    }
    for (const loop of pendingTemporal) steps.push({ loop });
    for (const tensor of keptAt(block.level)) {
      steps.push({ storage: { component: block.level.name, tensor, dims: tensorDims(problem, tensor) } });
    }
    // A level's temporal loops go below the spatial loops of the fanouts under it (loops
    // commute), so the children's storage can sit above the irrelevant ones, as Timeloop reuses.
    pendingTemporal = blockLoops(block, problem);
  }
  for (const loop of pendingTemporal) steps.push({ loop });
  return steps;
}

function storageNode(storage: { component: string; tensor: string }): PlainMap {
  return { $tag: 'Storage', tensors: [storage.tensor], component: storage.component };
}

function tensorDims(problem: Problem, tensor: string): Set<string> {
  const t = problem.tensors.find((x) => x.name === tensor);
  const dims = new Set<string>();
  for (const r of t?.ranks ?? []) for (const d of problem.dims) if (new RegExp(`\\b${d.variable}\\b`).test(r.expr)) dims.add(d.name);
  return dims;
}

/**
 * Timeloop keeps a tile across the innermost loops above it that do not index its tensor; in
 * AccelForge that reuse is written by placing the storage node above those loops. Storage nodes
 * move up past irrelevant temporal loops; they stop at relevant or spatial loops and at the
 * storage of the same tensor above.
 */
function hoistStorage(steps: readonly Step[]): Step[] {
  const out: Step[] = [];
  for (const step of steps) {
    if (!('storage' in step)) {
      out.push(step);
      continue;
    }
    let at = out.length;
    let best = at;
    while (at > 0) {
      const above = out[at - 1]!;
      if ('storage' in above) {
        if (above.storage.tensor === step.storage.tensor) break;
      } else if (above.loop.kind !== 'Temporal' || step.storage.dims.has(above.loop.dim)) break;
      else best = at - 1;
      at--;
    }
    out.splice(best, 0, step);
  }
  return out;
}

/** Join consecutive single-tensor storage nodes of one component. */
function mergeStorage(nodes: PlainMap[]): PlainMap[] {
  const out: PlainMap[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (last && node['$tag'] === 'Storage' && last['$tag'] === 'Storage' && last['component'] === node['component']) {
      (last['tensors'] as string[]).push(...(node['tensors'] as string[]));
    } else out.push(node);
  }
  return out;
}

/** Loops of one block, outermost first; factor-1 loops are skipped. */
function blockLoops(block: LoopBlock, problem: Problem): Loop[] {
  const dims = problem.dims.map((d) => d.name);
  const free = dims.filter((d) => !block.order.includes(d));
  const innerToOuter = [...block.order, ...free];
  const loops: Loop[] = [];
  innerToOuter.forEach((dim, position) => {
    const factor = block.factors.get(dim) ?? 1;
    if (factor <= 1) return;
    if (block.level.kind === 'fanout') {
      const axis = spatialAxis(block.level, position, block.split);
      loops.push({ kind: 'Spatial', dim, factor, component: block.level.name, axis });
    } else loops.push({ kind: 'Temporal', dim, factor });
  });
  return loops.reverse();
}

/** tile_shape of each loop = product of the factors of its dimension in the loops inside it. */
function tileShapes(steps: readonly Step[], problem: Problem): (number | undefined)[] {
  const inner = new Map(problem.dims.map((d) => [d.name, 1]));
  const shapes: (number | undefined)[] = new Array(steps.length).fill(undefined);
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i]!;
    if (!('loop' in step)) continue;
    shapes[i] = inner.get(step.loop.dim) ?? 1;
    inner.set(step.loop.dim, shapes[i]! * step.loop.factor);
  }
  return shapes;
}

function loopNode(loop: Loop, tileShape: number, problem: Problem): PlainMap {
  const variable = problem.dims.find((d) => d.name === loop.dim)?.variable ?? loop.dim.toLowerCase();
  if (loop.kind === 'Temporal') return { $tag: 'Temporal', rank_variable: variable, tile_shape: tileShape };
  return { $tag: 'Spatial', rank_variable: variable, tile_shape: tileShape, name: loop.axis ?? 'X', component: loop.component ?? '' };
}

/** Tensors a storage level keeps under the mapping's (and constraints') dataspace directives. */
export function keptTensors(level: ComponentLevel, isOutermost: boolean, problem: Problem, directives: readonly Directive[]): string[] {
  const all = problem.tensors.map((t) => t.name);
  if (isOutermost) return all;
  const own = directives.filter((d) => d.type === 'dataspace' && d.target === level.name);
  const bypassed = new Set(own.flatMap((d) => d.bypass ?? []).map((n) => tensorName(problem, n) ?? n));
  const kept = new Set(own.flatMap((d) => d.keep ?? []).map((n) => tensorName(problem, n) ?? n));
  return all.filter((t) => kept.has(t) || !bypassed.has(t));
}
