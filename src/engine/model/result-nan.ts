/**
 * NaN never leaves the model: every figure of a result is checked once, where the result is
 * built, and a NaN becomes an error naming the Einsum, component and figure, with its likely cause.
 */
import { failWith, type SpecPath } from '../base/errors.js';
import type { MemoryUsage } from './capacity-join.js';
import type { EinsumEvaluation } from './result-types.js';

interface Figure {
  readonly value: number;
  /** e.g. "the energy of MainMemory (tensor T0, action read)". */
  readonly what: string;
  readonly cause: string;
}

const ENERGY_CAUSE =
  'an infinite energy (or energy_scale) times a zero action count, or an infinite count times zero energy; give the component finite per-action energies.';
const COUNT_CAUSE = 'an infinite or undefined factor such as actions_scale, n_instances or a bits/values per action of inf; check the component and Einsum values.';
const LATENCY_CAUSE =
  "a latency expression that computes inf - inf or 0 * inf (e.g. total_latency with an infinite throughput and zero calls); check the component's total_latency and throughputs.";
const USAGE_CAUSE = 'a memory size or tensor size that is infinite on both sides of a ratio; check the memory size and bits_per_value.';
const AREA_CAUSE = 'an infinite area or leak power times a zero scale or fanout; check area, leak_power and their scales.';

function tensorAction(tensor: string | null, action: string): string {
  return tensor === null ? `action ${action}` : `tensor ${tensor}, action ${action}`;
}

function einsumFigures(e: EinsumEvaluation): Figure[] {
  // Component figures first: they name the likelier culprit than the Einsum's totals.
  return [
    ...e.componentLatency.map((c) => ({ value: c.latency, what: `the latency of ${c.component}`, cause: LATENCY_CAUSE })),
    ...e.energy.map((x) => ({ value: x.energy, what: `the energy of ${x.component} (${tensorAction(x.tensor, x.action)})`, cause: ENERGY_CAUSE })),
    ...e.actions.flatMap((a) => [
      { value: a.count, what: `the action count of ${a.component} (${tensorAction(a.tensor, a.action)})`, cause: COUNT_CAUSE },
      { value: a.perUnit, what: `the per-instance action count of ${a.component} (${tensorAction(a.tensor, a.action)})`, cause: COUNT_CAUSE },
    ]),
    ...e.usage.flatMap((u) => [
      { value: u.bits, what: `the bits of ${u.tensor} held in ${u.component}`, cause: USAGE_CAUSE },
      { value: u.fraction, what: `the fraction of ${u.component} that ${u.tensor} uses`, cause: USAGE_CAUSE },
    ]),
    ...e.fanout.map((f) => ({ value: f.usage, what: `the usage of ${f.component}.${f.dimension}`, cause: COUNT_CAUSE })),
    { value: e.latency, what: 'the latency', cause: LATENCY_CAUSE },
    { value: e.computeOps, what: 'the compute operation count', cause: COUNT_CAUSE },
  ];
}

function fail(what: string, where: string, cause: string, path: SpecPath): never {
  return failWith('model', `${where}: ${what} is NaN (not a number).`, { path, hint: `A NaN usually comes from ${cause}` });
}

export interface ResultParts {
  readonly einsums: readonly EinsumEvaluation[];
  readonly memoryUsage: readonly MemoryUsage[];
  readonly components: readonly { readonly component: string; readonly totalArea: number; readonly totalLeakPower: number }[];
}

const OVERFLOW_CAUSE =
  'values so large that their product passes 1.8e308 (e.g. an energy of 1e308 per action over many actions); use smaller units or values.';

const NEGATIVE_CAUSE =
  "a component model or a total_latency expression that gives a negative number (the spec's own energies and throughputs are held non-negative); check the component's model and total_latency.";

/**
 * Energies and latencies that are infinite although every input is finite (the spec's ranges
 * refuse infinite energies and zero throughputs): the arithmetic overflowed. Negative ones come
 * from a component model or a latency expression.
 */
function outOfRange(e: EinsumEvaluation): { figure: Figure; problem: string } | undefined {
  const figures = [
    ...e.energy.map((x) => ({ value: x.energy, what: `the energy of ${x.component} (${tensorAction(x.tensor, x.action)})` })),
    ...e.componentLatency.map((c) => ({ value: c.latency, what: `the latency of ${c.component}` })),
  ];
  const infinite = figures.find((f) => !Number.isFinite(f.value));
  if (infinite) return { figure: { ...infinite, cause: OVERFLOW_CAUSE }, problem: 'overflowed: it is infinite (not finite), although every input is finite' };
  const negative = figures.find((f) => f.value < 0);
  return negative ? { figure: { ...negative, cause: NEGATIVE_CAUSE }, problem: `is negative (${negative.value})` } : undefined;
}

/** Throws a SpecErrorException for the first NaN (or overflowed, or negative) figure of a result. */
export function rejectNaN(parts: ResultParts): void {
  for (const e of parts.einsums) {
    const bad = einsumFigures(e).find((f) => Number.isNaN(f.value));
    if (bad) fail(bad.what, `Einsum ${e.einsum}`, bad.cause, e.computePath);
    const wrong = outOfRange(e);
    if (wrong) {
      failWith('model', `Einsum ${e.einsum}: ${wrong.figure.what} ${wrong.problem}.`, { path: e.computePath, hint: `This comes from ${wrong.figure.cause}` });
    }
  }
  for (const m of parts.memoryUsage) {
    if (Number.isNaN(m.bits) || Number.isNaN(m.fraction)) fail(`the peak usage of ${m.component}`, 'The mapping', USAGE_CAUSE, ['mapping']);
  }
  for (const c of parts.components) {
    if (Number.isNaN(c.totalArea)) fail(`the total area of ${c.component}`, 'The architecture', AREA_CAUSE, ['arch']);
    if (Number.isNaN(c.totalLeakPower)) fail(`the total leak power of ${c.component}`, 'The architecture', AREA_CAUSE, ['arch']);
  }
}
