import { loopBlocks, spatialAxis, type LoopBlock } from './loop-factors.js';
import { dataspaceChoice, type ComponentLevel, type Directive, type Level, type Problem } from './model.js';
import type { PlainMap, Reporter } from './source.js';
import { hoistStorage, slidingLast, tensorDims, type Loop, type Step } from './hoist.js';

/** Converted mapping: LoopTree nodes (outer → inner) and the steps they were made from. */
export interface ConvertedMapping {
  nodes: PlainMap[];
  steps: Step[];
}

/** Convert Timeloop mapping directives into AccelForge LoopTree nodes (outer → inner). */
export function buildMapping(levels: readonly Level[], problem: Problem, directives: readonly Directive[], keptAt: (level: ComponentLevel) => string[], report: Reporter): ConvertedMapping {
  const blocks = loopBlocks(levels, directives, problem, report);
  const position = new Map(levels.map((l, i) => [l.name, i]));
  const steps = slidingLast(hoistStorage(levelSteps(blocks, problem, keptAt), position));
  const shapes = tileShapes(steps, problem);
  const nodes = mergeStorage(steps.map((s, i) => ('storage' in s ? storageNode(s.storage) : loopNode(s.loop, shapes[i]!, problem))));
  const compute = [...levels].reverse().find((l) => l.kind === 'compute');
  nodes.push({ $tag: 'Compute', einsum: problem.einsum, component: compute?.name ?? 'Compute' });
  return { nodes, steps };
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
      steps.push({ storage: { component: block.level.name, tensor, ...tensorDims(problem, tensor) } });
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
  const { bypass } = dataspaceChoice(problem, level.name, directives);
  return all.filter((t) => !bypass.has(t));
}
