import { parseFactors, parsePermutation } from './factors.js';
import type { Directive, FanoutLevel, Level, Problem } from './model.js';
import type { Reporter } from './source.js';

/** Loop block of one level: factors per dimension and the loop order (inner → outer). */
export interface LoopBlock {
  level: Level;
  factors: Map<string, number>;
  order: string[];
  split?: number;
  directive?: Directive;
}

/** The level a directive applies to: components by name, spatial directives to fanouts (or aliases). */
export function directiveLevel(levels: readonly Level[], d: Directive): Level | undefined {
  if (d.type === 'spatial') {
    return levels.find((l) => l.kind === 'fanout' && (l.name === d.target || l.aliases.includes(d.target)));
  }
  return levels.find((l) => l.kind === 'storage' && l.name === d.target);
}

/** Build one loop block per storage level and fanout from the mapping's factor directives. */
export function loopBlocks(levels: readonly Level[], directives: readonly Directive[], problem: Problem, report: Reporter): LoopBlock[] {
  const blocks: LoopBlock[] = levels
    .filter((l) => l.kind === 'storage' || l.kind === 'fanout')
    .map((level) => ({ level, factors: new Map(), order: [] }));
  const dimNames = problem.dims.map((d) => d.name);
  for (const d of directives) {
    if (d.type !== 'temporal' && d.type !== 'spatial') continue;
    const level = directiveLevel(levels, d);
    const block = blocks.find((b) => b.level === level);
    const factors = parseFactors(d.factors);
    if (!block) {
      if (factors.some((f) => f.value > 1) || !d.target.startsWith('inter_')) report.add('dropped', `${d.type} directive for ${d.target}`, 'no matching level in the converted architecture', d.src, d.raw);
      continue;
    }
    for (const f of factors) {
      if (f.op !== '=') report.add('approximated', `factor ${f.dim}${f.op}${f.value} at ${d.target}`, 'only exact factors can be placed in a mapping; the bound is used as the factor', d.src, d.raw, 'factors');
      if (dimNames.includes(f.dim)) block.factors.set(f.dim, f.value);
    }
    const perm = parsePermutation(d.permutation, dimNames).filter((p) => dimNames.includes(p));
    if (perm.length > 0) block.order = perm;
    if (d.split !== undefined) block.split = d.split;
    block.directive = d;
  }
  completeFactors(blocks, problem, report);
  return blocks;
}

/** Resolve `D=0` (the full remaining dimension) and put missing factors at the outermost level. */
function completeFactors(blocks: LoopBlock[], problem: Problem, report: Reporter): void {
  const outermost = blocks.find((b) => b.level.kind === 'storage');
  for (const dim of problem.dims) {
    const given = blocks.filter((b) => b.factors.has(dim.name));
    const product = given.reduce((p, b) => p * (b.factors.get(dim.name) || 1), 1);
    const zero = given.find((b) => b.factors.get(dim.name) === 0);
    const rest = Math.ceil(dim.bound / product);
    if (zero) zero.factors.set(dim.name, rest);
    else if (rest > 1 && outermost) {
      outermost.factors.set(dim.name, (outermost.factors.get(dim.name) ?? 1) * rest);
      report.add('converted', `residual ${dim.name}=${rest}`, `the given factors of ${dim.name} cover ${product} of ${dim.bound}; the rest is looped at ${outermost.level.name}`);
    }
    if (dim.bound % product !== 0 && product < dim.bound) {
      report.add('approximated', `imperfect factorisation of ${dim.name}`, `${dim.bound} is not a multiple of ${product}; the outer loop is rounded up`);
    }
  }
}

/** Spatial axis (`X` or `Y`) of the dimension at `position` of a fanout's loop order. */
export function spatialAxis(fanout: FanoutLevel, position: number, split: number | undefined): 'X' | 'Y' {
  const defaultSplit = fanout.meshX > 1 ? Number.POSITIVE_INFINITY : 0;
  const axis = position < (split ?? defaultSplit) ? 'X' : 'Y';
  if (axis === 'X' && fanout.meshX <= 1) return 'Y';
  if (axis === 'Y' && fanout.meshY <= 1) return 'X';
  return axis;
}
