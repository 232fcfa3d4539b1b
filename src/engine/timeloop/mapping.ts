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

type Step = { storage: PlainMap } | { loop: Loop };

/** Convert Timeloop mapping directives into AccelForge LoopTree nodes (outer → inner). */
export function buildMapping(levels: readonly Level[], problem: Problem, directives: readonly Directive[], keptAt: (level: ComponentLevel) => string[], report: Reporter): PlainMap[] {
  const blocks = loopBlocks(levels, directives, problem, report);
  const steps: Step[] = [];
  for (const block of blocks) {
    if (block.level.kind === 'storage') {
      const tensors = keptAt(block.level);
      if (tensors.length > 0) steps.push({ storage: { $tag: 'Storage', tensors, component: block.level.name } });
    }
    for (const loop of blockLoops(block, problem)) steps.push({ loop });
  }
  const shapes = tileShapes(steps, problem);
  const nodes: PlainMap[] = steps.map((s, i) => ('storage' in s ? s.storage : loopNode(s.loop, shapes[i]!, problem)));
  const compute = [...levels].reverse().find((l) => l.kind === 'compute');
  nodes.push({ $tag: 'Compute', einsum: problem.einsum, component: compute?.name ?? 'Compute' });
  return nodes;
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
