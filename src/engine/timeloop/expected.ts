/**
 * Differences between AccelForge's figures for a converted mapping and Timeloop's that follow
 * from the two models (docs/timeloop.md, "Expected differences from Timeloop's figures"), predicted from the mapping so the report can say
 * how far off to expect each component to be.
 */
import { memoryWidths } from './emit-arch.js';
import type { CostTables } from './ert.js';
import type { Step } from './hoist.js';
import type { ComponentLevel, Level, Problem } from './model.js';
import type { Reporter } from './source.js';

/** Partial-sum words a non-backing output holder reads to write them back to its parent. */
export interface Drain {
  component: string;
  parent: string;
  tensor: string;
  words: number;
}

/** What the predictions need to know about the converted design. */
export interface ExpectedContext {
  levels: readonly Level[];
  problem: Problem;
  costs: CostTables;
  bitsPerValue: number;
  report: Reporter;
}

/** Add one report item per predictable difference of a converted mapping. */
export function reportExpectedDifferences(steps: readonly Step[], ctx: ExpectedContext): void {
  for (const drain of outputDrains(steps, ctx)) reportDrain(drain, ctx);
  const kept = new Map<string, string[]>();
  for (const s of steps) if ('storage' in s) kept.set(s.storage.component, [...(kept.get(s.storage.component) ?? []), s.storage.tensor]);
  for (const level of ctx.levels) {
    if (level.kind === 'storage' && kept.has(level.name)) reportRounding(level, kept.get(level.name)!, ctx);
  }
}

/**
 * AccelForge reads every partial sum a buffer writes back (the read feeds the write-back);
 * Timeloop does not count that read. Words = output tile at the holder × iterations of every
 * loop above it, spatial ones included (each instance drains its own partial sums).
 */
export function outputDrains(steps: readonly Step[], ctx: Pick<ExpectedContext, 'levels' | 'problem'>): Drain[] {
  const position = new Map(ctx.levels.map((l, i) => [l.name, i]));
  const outputs = new Set(ctx.problem.tensors.filter((t) => t.output).map((t) => t.name));
  const total = product(steps.map((s) => ('loop' in s ? s.loop.factor : 1)));
  const drains: Drain[] = [];
  const holderOf = new Map<string, string>();
  steps.forEach((step, i) => {
    if (!('storage' in step)) return;
    const { component, tensor, ranks } = step.storage;
    const parent = holderOf.get(tensor);
    holderOf.set(tensor, component);
    if (parent === undefined || !outputs.has(tensor)) return;
    const level = position.get(component) ?? 0;
    const shape = new Map<string, number>();
    for (const s of steps.slice(i + 1)) {
      // Spatial loops of fanouts above this memory sit above its storage node in AccelForge's view.
      if (!('loop' in s) || (s.loop.kind === 'Spatial' && (position.get(s.loop.component ?? '') ?? level) < level)) continue;
      shape.set(s.loop.dim, (shape.get(s.loop.dim) ?? 1) * s.loop.factor);
    }
    const tile = product(ranks.map((terms) => 1 + [...terms].reduce((sum, [dim, coef]) => sum + coef * ((shape.get(dim) ?? 1) - 1), 0)));
    drains.push({ component, parent, tensor, words: (tile * total) / product([...shape.values()]) });
  });
  return drains;
}

function reportDrain(drain: Drain, ctx: ExpectedContext): void {
  const level = storageLevel(ctx, drain.component);
  if (!level) return;
  const { datawidth, width } = memoryWidths(level, ctx.bitsPerValue);
  const reads = (drain.words * datawidth) / width;
  const energy = ctx.costs.energy.get(level.name)?.get('read');
  const pj = energy === undefined ? '' : ` = ${round(reads * energy)} pJ`;
  ctx.report.add('approximated', `expected difference: ${drain.component} reads of ${drain.tensor}`,
    `AccelForge reads each partial sum ${drain.component} writes back to ${drain.parent}: ${drain.words} words, ${round(reads)} ${width}-bit reads${pj}; `
    + 'Timeloop does not charge these reads: expect AccelForge higher by that (they also take read bandwidth, so a '
    + 'bandwidth-bound level can set a longer latency, and so more leakage, than Timeloop\'s)', level.at.src, level.at.node);
}

/** Timeloop rounds each tensor's reads, fills and updates per instance up to whole vectors. */
function reportRounding(level: ComponentLevel, tensors: readonly string[], ctx: ExpectedContext): void {
  const { datawidth, width } = memoryWidths(level, ctx.bitsPerValue);
  const words = width / datawidth;
  if (words <= 1) return;
  const kinds = tensors.reduce((n, t) => n + (ctx.problem.tensors.find((x) => x.name === t)?.output ? 3 : 2), 0);
  const vectors = kinds * instancesOf(level, ctx.levels);
  const table = ctx.costs.energy.get(level.name);
  const energy = Math.max(table?.get('read') ?? 0, table?.get('write') ?? 0, table?.get('update') ?? 0);
  const pj = energy > 0 ? ` (${round(vectors * energy)} pJ)` : '';
  ctx.report.add('approximated', `expected difference: ${level.name} vector rounding`,
    `Timeloop rounds each tensor's reads, fills and updates per instance up to whole ${width}-bit vectors (${words} words); `
    + `AccelForge charges fractions of a vector: expect Timeloop higher by less than ${vectors} vectors${pj}`, level.at.src, level.at.node);
}

function instancesOf(level: Level, levels: readonly Level[]): number {
  let n = 1;
  for (const l of levels.slice(0, levels.indexOf(level))) if (l.kind === 'fanout') n *= l.meshX * l.meshY;
  return n;
}

function storageLevel(ctx: ExpectedContext, name: string): ComponentLevel | undefined {
  return ctx.levels.find((l): l is ComponentLevel => l.kind === 'storage' && l.name === name);
}

function product(values: readonly number[]): number {
  return values.reduce((p, v) => p * v, 1);
}

function round(value: number): number {
  return Number.isInteger(value) ? value : Number(value.toPrecision(6));
}
