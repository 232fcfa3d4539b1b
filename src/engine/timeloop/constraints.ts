import { parseFactors, type Factor } from './factors.js';
import { failAtValue } from './input-checks.js';
import { directiveLevel } from './loop-factors.js';
import { dataspaceChoice, tensorName, type Directive, type Level, type Problem } from './model.js';
import type { PlainMap, Reporter } from './source.js';
import { asNameList } from './values.js';

const HANDLED_KEYS = new Set(['target', 'type', 'factors', 'permutation', 'split', 'keep', 'bypass', 'keep_only', 'bypass_only', 'version']);

const KEY_REASONS: Record<string, string> = {
  no_coalesce: 'AccelForge always coalesces repeated accesses',
  no_link_transfer: 'AccelForge has no peer-to-peer transfers',
  max_overbooked_proportion: 'AccelForge does not model overbooking',
  maximize_dims: 'search-space helper; the FFM mapper explores exhaustively with pruning',
  maximize_dims_capacity: 'search-space helper; the FFM mapper explores exhaustively with pruning',
  factors_only: 'search-space helper; the FFM mapper explores exhaustively with pruning',
  default_max_factor: 'search-space helper; the FFM mapper explores exhaustively with pruning',
  default_min_factor: 'search-space helper; the FFM mapper explores exhaustively with pruning',
  remainders: 'Timeloop residual mappings cannot be represented',
  no_reuse: 'no AccelForge constraint forbids reuse of a tensor in time (spatial no_reuse is converted)',
  rmw_first_update: 'AccelForge decides the first read-modify-write by skip_initial_output_write',
  must_iterate_over_dataspaces: 'AccelForge can only require reuse (no iteration), not iteration',
};

/** Constraints attached to the converted arch: tensors per memory, loop bounds per fanout. */
export interface ArchConstraints {
  tensors: Map<string, PlainMap>;
  loopBounds: Map<string, Map<'X' | 'Y', PlainMap[]>>;
  /** Fields for every spatial dimension of a fanout (`reuse`, `may_reuse`, `min_usage`). */
  spatialFields: Map<string, PlainMap>;
}

/** Keys a directive type converts (others are reported). */
const CONVERTED_KEYS: Partial<Record<Directive['type'], Set<string>>> = {
  spatial: new Set(['no_iteration_over_dataspaces', 'no_reuse']),
  utilization: new Set(['min']),
};

/** Convert Timeloop constraint directives into `tensors` and spatial `loop_bounds`. */
export function convertConstraints(levels: readonly Level[], problem: Problem, directives: readonly Directive[], report: Reporter): ArchConstraints {
  const out: ArchConstraints = { tensors: new Map(), loopBounds: new Map(), spatialFields: new Map() };
  for (const d of directives) {
    reportUnhandledKeys(d, report);
    if (d.type === 'utilization') {
      addUtilization(out, levels, d, report);
      continue;
    }
    const level = directiveLevel(levels, d);
    if (!level && isTrivialOnFanout(levels, d)) continue;
    if (!level) {
      report.add('dropped', `${d.type} constraint on ${d.target}`, 'no matching level in the converted architecture', d.src, d.raw);
      continue;
    }
    if (d.type === 'dataspace') out.tensors.set(level.name, tensorSets(dataspaceChoice(problem, level.name, directives)));
    else if (d.type === 'spatial' && level.kind === 'fanout') addSpatialBounds(out, level.name, d, problem, report);
    else if (d.type === 'temporal') {
      if (d.factors !== undefined || d.permutation !== undefined) {
        report.add('dropped', `temporal factors/permutation constraint on ${d.target}`,
          'AccelForge cannot pin per-level loop bounds or orders outside a full mapping', d.src, d.raw);
      }
    } else if (d.type === 'other') {
      report.add('dropped', `${String(d.raw['type'])} constraint on ${d.target}`, 'no AccelForge counterpart', d.src, d.raw);
    }
  }
  return out;
}

/** timeloopfe's dummy fanout levels carry bypass-everything and factor-1 directives; they say nothing. */
function isTrivialOnFanout(levels: readonly Level[], d: Directive): boolean {
  const onFanout = levels.some((l) => l.kind === 'fanout' && (l.name === d.target || l.aliases.includes(d.target)));
  if (!onFanout) return false;
  if (d.type === 'dataspace') return (d.keep ?? []).length === 0;
  return parseFactors(d.factors).every((f) => f.value <= 1);
}

function reportUnhandledKeys(d: Directive, report: Reporter): void {
  for (const key of Object.keys(d.raw)) {
    if (HANDLED_KEYS.has(key) || CONVERTED_KEYS[d.type]?.has(key)) continue;
    const reason = KEY_REASONS[key] ?? 'no AccelForge counterpart';
    report.add('dropped', `${key} (${d.type} constraint on ${d.target})`, reason, d.src, d.raw, key);
  }
}

function addUtilization(out: ArchConstraints, levels: readonly Level[], d: Directive, report: Reporter): void {
  const fanout = levels.find((l) => l.kind === 'fanout' && (l.name === d.target || l.aliases.includes(d.target)));
  const min = typeof d.raw['min'] === 'number' ? d.raw['min'] : undefined;
  if (!fanout || min === undefined) {
    report.add('dropped', `utilization constraint on ${d.target}`, 'no fanout below this level to carry a min_usage', d.src, d.raw);
    return;
  }
  out.spatialFields.set(fanout.name, { ...out.spatialFields.get(fanout.name), min_usage: min });
}

function spatialFields(out: ArchConstraints, fanout: string, d: Directive, problem: Problem): void {
  const names = (key: string): string[] => asNameList(d.raw[key]).map((n) => tensorName(problem, n) ?? n);
  const fields: PlainMap = { ...out.spatialFields.get(fanout) };
  const mustReuse = names('no_iteration_over_dataspaces');
  if (mustReuse.length > 0) fields['reuse'] = mustReuse.join(' | ');
  const noReuse = names('no_reuse');
  if (noReuse.length > 0) fields['may_reuse'] = `~(${noReuse.join(' | ')})`;
  if (Object.keys(fields).length > 0) out.spatialFields.set(fanout, fields);
}

function tensorSets(choice: { keep: Set<string>; bypass: Set<string> }): PlainMap {
  const keep = [...choice.keep];
  const decided = [...keep, ...choice.bypass];
  const out: PlainMap = {};
  if (keep.length > 0) out['keep'] = keep.join(' | ');
  out['may_keep'] = decided.length === 0 ? 'All' : `~(${decided.join(' | ')})`;
  return out;
}

/** Where factor `f` is written: its entry in the `factors` list, or the `factors` key. */
function factorSite(d: Directive, f: Factor): { obj: object; key: string | number } {
  const list = Array.isArray(d.factors) ? d.factors : undefined;
  const index = list?.findIndex((entry) => parseFactors(String(entry)).some((g) => g.dim === f.dim)) ?? -1;
  return list && index >= 0 ? { obj: list, key: index } : { obj: d.raw, key: 'factors' };
}

/** `D=0` asks for the whole remaining dimension, which depends on the other levels: the mapper picks it. */
function reportWholeDimension(d: Directive, f: Factor, report: Reporter): void {
  const site = factorSite(d, f);
  report.add('approximated', `spatial factor ${f.dim}=0 on ${d.target}`,
    `${f.dim}=0 means the whole remaining dimension; no loop bound is set, so the spatial factor of ${f.dim} is left to the mapper`,
    d.src, site.obj, site.key);
}

/** A spatial factor larger than its problem dimension can never be met; say so at the factor. */
function checkFactorFits(d: Directive, f: Factor, problem: Problem): void {
  const bound = problem.dims.find((p) => p.name === f.dim)?.bound;
  if (bound === undefined || f.value <= bound || f.op === '<=') return;
  const site = factorSite(d, f);
  failAtValue(d.src, site.obj, site.key,
    `spatial factor ${f.dim}${f.op}${f.value} on ${d.target} is larger than problem dimension ${f.dim} (${bound})`,
    `A factor splits the dimension, so it is at most ${bound}; use ${f.dim}=0 for the whole dimension.`);
}

function addSpatialBounds(out: ArchConstraints, fanout: string, d: Directive, problem: Problem, report: Reporter): void {
  const factors = parseFactors(d.factors);
  for (const f of factors) checkFactorFits(d, f, problem);
  spatialFields(out, fanout, d, problem);
  const byAxis = out.loopBounds.get(fanout) ?? new Map<'X' | 'Y', PlainMap[]>();
  out.loopBounds.set(fanout, byAxis);
  const ones = factors.filter((f) => f.value === 1 && f.op !== '>=');
  const vars = (dims: string[]): string => dims.map((dim) => problem.dims.find((p) => p.name === dim)?.variable ?? dim.toLowerCase()).join(' | ');
  const bounds: PlainMap[] = [];
  if (ones.length > 0) bounds.push({ expression: vars(ones.map((f) => f.dim)), operator: '<=', value: 1 });
  for (const f of factors) {
    if (f.value === 1 && f.op !== '>=') continue;
    if (f.value === 0) {
      reportWholeDimension(d, f, report);
      continue;
    }
    bounds.push({ expression: vars([f.dim]), operator: f.op === '=' ? '==' : f.op, value: f.value });
  }
  if (d.permutation !== undefined || d.split !== undefined) {
    report.add('approximated', `spatial permutation/split on ${d.target}`,
      'loop bounds apply to every spatial dimension of the fanout; the X/Y assignment and order are left to the mapper', d.src, d.raw);
  }
  for (const axis of ['X', 'Y'] as const) byAxis.set(axis, [...(byAxis.get(axis) ?? []), ...bounds]);
}
