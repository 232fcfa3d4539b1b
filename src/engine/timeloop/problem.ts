import type { Located, Problem, ProblemDim, ProblemTensor } from './model.js';
import { TimeloopInputError, type Plain, type PlainMap, type Reporter } from './source.js';
import { asList, asMap, asNumber, asString, getKey } from './values.js';
import { checkCount } from './input-checks.js';

const DIMENSION_HINT = 'A problem dimension is a loop bound: give it as a whole number of at least 1 (e.g. `M: 32`).';

/** AccelForge's built-in tensor-set names; a data space with one of these names must be renamed. */
export const BUILTIN_SET_NAMES = new Set(['All', 'Nothing', 'Inputs', 'Outputs', 'Intermediates', 'Shared', 'Persistent', 'Tensors', 'Other']);

/** Convert a Timeloop `problem:` (v0.3 or v0.4) into one Einsum. */
export function readProblem(problem: Located, report: Reporter): Problem {
  const { src, node } = problem;
  const shape = asMap(node['shape']);
  const instance = asMap(node['instance']) ?? {};
  if (!shape) {
    const pos = src.pos(node);
    throw new TimeloopInputError('the problem has no `shape:`', { file: src.path, line: pos?.line ?? 1, col: pos?.col ?? 1 });
  }
  const coefficients = readCoefficients(shape, instance);
  const dims = readDims(shape, instance);
  for (const dim of dims) checkCount(src, instance, dim.name, 'problem dimension', DIMENSION_HINT);
  reportInstanceExtras(problem, instance, dims, coefficients, report);
  const dimNames = new Set(dims.map((d) => d.name));
  const spaces = asList(getKey(shape, 'data_spaces')) ?? [];
  const tensors: ProblemTensor[] = [];
  const taken = new Set<string>(dims.map((d) => d.variable));
  for (const item of spaces) {
    const space = asMap(item);
    if (space) tensors.push(readTensor(space, dimNames, coefficients, taken));
  }
  for (const t of tensors) {
    if (t.name !== t.timeloopName) {
      report.add('converted', `data space ${t.timeloopName} renamed to ${t.name}`,
        `'${t.timeloopName}' is a built-in AccelForge tensor set; the tensor is renamed so set expressions keep their meaning`);
    }
  }
  return { einsum: asString(shape['name']) ?? 'Einsum', dims, tensors };
}

function readCoefficients(shape: PlainMap, instance: PlainMap): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of asList(shape['coefficients']) ?? []) {
    const c = asMap(item);
    const name = asString(c?.['name']);
    if (name) out.set(name, asNumber(instance[name]) ?? asNumber(c?.['default']) ?? 1);
  }
  return out;
}

function readDims(shape: PlainMap, instance: PlainMap): ProblemDim[] {
  const names = (asList(shape['dimensions']) ?? []).map((d) => String(d));
  return names.map((name) => ({ name, variable: name.toLowerCase(), bound: asNumber(instance[name]) ?? 1 }));
}

function reportInstanceExtras(problem: Located, instance: PlainMap, dims: ProblemDim[], coefficients: Map<string, number>, report: Reporter): void {
  const densities = instance['densities'];
  if (densities !== undefined && !(asMap(densities) && Object.keys(asMap(densities)!).length === 0)) {
    report.add('dropped', 'problem densities', 'sparsity (densities and their distributions) is not modelled; the problem is converted as dense', problem.src, instance, 'densities');
  }
  for (const key of Object.keys(instance)) {
    if (key === 'densities' || coefficients.has(key) || dims.some((d) => d.name === key)) continue;
    report.add('dropped', `problem instance key ${key}`, 'not a dimension or coefficient of the problem shape', problem.src, instance, key);
  }
}

function readTensor(space: PlainMap, dimNames: Set<string>, coefficients: Map<string, number>, taken: Set<string>): ProblemTensor {
  const timeloopName = asString(space['name']) ?? 'Tensor';
  const name = uniqueName(BUILTIN_SET_NAMES.has(timeloopName) ? timeloopName.replace(/s$/, '') : timeloopName, taken);
  taken.add(name);
  const ranks: ProblemTensor['ranks'] = [];
  let simple = true;
  for (const rank of asList(space['projection']) ?? []) {
    const terms = projectionTerms(rank, dimNames, coefficients);
    if (terms.length === 1 && terms[0]!.coef === 1) {
      ranks.push({ rank: terms[0]!.dim, expr: terms[0]!.dim.toLowerCase() });
      continue;
    }
    simple = false;
    const rankName = terms.map((t) => t.dim).join('') || `R${ranks.length}`;
    const expr = terms.map((t) => (t.coef === 1 ? t.dim.toLowerCase() : `${t.dim.toLowerCase()}*${t.coef}`)).join(' + ');
    ranks.push({ rank: rankName, expr });
  }
  dedupeRankNames(ranks);
  const output = getKey(space, 'read_write') === true;
  return { timeloopName, name, ranks, simple, output };
}

function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  while (taken.has(name) || BUILTIN_SET_NAMES.has(name)) name = `${name}_`;
  return name;
}

function dedupeRankNames(ranks: ProblemTensor['ranks']): void {
  const seen = new Set<string>();
  for (const r of ranks) {
    while (seen.has(r.rank)) r.rank = `${r.rank}_`;
    seen.add(r.rank);
  }
}

/** Terms of one projection rank: v0.4 `[[R, Wdilation], [P, Wstride]]`, or a bare `R`. */
function projectionTerms(rank: Plain, dimNames: Set<string>, coefficients: Map<string, number>): { dim: string; coef: number }[] {
  const terms = Array.isArray(rank) ? rank : [rank];
  const out: { dim: string; coef: number }[] = [];
  for (const term of terms) {
    const parts = (Array.isArray(term) ? term : [term]).map((p) => String(p));
    const dim = parts.find((p) => dimNames.has(p)) ?? parts[0] ?? '';
    let coef = 1;
    for (const p of parts) if (p !== dim) coef *= coefficients.get(p) ?? asNumber(p) ?? 1;
    out.push({ dim, coef });
  }
  return out;
}
