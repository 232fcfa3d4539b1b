/**
 * One Einsum's model in closed form over a template's loop trip counts: the reuse analysis runs
 * once on polynomials, and each tile choice is then a handful of multiply-adds. It reproduces
 * `evaluateEinsum` (energy, latency, capacity and fanout validity) for perfect tilings.
 */
import { SpecErrorException } from '../base/errors.js';
import type { LoopValues } from './arith.js';
import { CompiledPoly } from './compiled-poly.js';
import { compileEinsum, type EinsumInfo } from './einsum-info.js';
import { componentLatency, latencyActions, latencyForm, type LatencyForm } from './latency.js';
import type { MappingPath } from './mapping-paths.js';
import { buildPMapping, type PMapping } from './pmapping.js';
import { loopProduct, loopVariable, MAX_POLY_LOOPS, NotMultilinear, POLYS, type Poly } from './poly.js';
import type { BuffetRecord } from './record.js';
import { analyzeTensor } from './reuse.js';
import { tensorView } from './tensor-view.js';
import type { ArchLeaf, LatencyEvaluator, ModelEinsum } from './types.js';

const SLACK = 1 + 1e-9;

/** Why a tile choice is invalid, or null when it is valid. */
export type RowVerdict = 'capacity' | 'fanout' | null;

export interface RowFigures {
  energy: number;
  latency: number;
}

interface LatencyTerm {
  readonly leaf: ArchLeaf;
  readonly actions: readonly (readonly [string, CompiledPoly])[];
  readonly form: LatencyForm;
  /** Per entry of `actions`: the index of its action in `leaf.actions` (calls add up per action). */
  readonly slots: Int32Array;
  /** Per action of the leaf: actions_scale / throughput (0 when it takes no time). */
  readonly secondsPerCall: Float64Array;
}

interface FanoutTerm {
  readonly dim: ArchLeaf['spatial'][number];
  readonly used: CompiledPoly;
  /** Leak of the leaf owning this dimension is gated from here on (arch order). */
  readonly leafIndex: number;
}

/**
 * The polynomials behind a compiled Einsum, for the tile search's partial-choice pruning: every
 * figure is monotone in each of them (latency expressions are assumed non-decreasing in calls).
 */
export interface TemplatePolys {
  readonly dynamicEnergy: Poly;
  /** Per-instance call counts of each action that feeds a component latency. */
  readonly calls: readonly Poly[];
  /** Bits per memory, with the memory's size. */
  readonly occupancy: readonly { readonly memory: string; readonly poly: Poly; readonly size: number }[];
  /** True when some leak power makes energy depend on latency. */
  readonly leaks: boolean;
}

/** The closed-form model of one template; loop i of the path is counts[i]. */
export class CompiledEinsum {
  private readonly scratch = new Map<string, number>();
  private calls = new Float64Array(8);

  constructor(
    readonly polys: TemplatePolys,
    private readonly info: EinsumInfo,
    private readonly dynamicEnergy: CompiledPoly,
    private readonly latencyTerms: readonly LatencyTerm[],
    private readonly occupancy: readonly (readonly [ArchLeaf, CompiledPoly])[],
    private readonly fanout: readonly FanoutTerm[],
    private readonly evaluateLatency: LatencyEvaluator | undefined,
  ) {}

  /** Fills `out` with the row's energy and latency, or says why the row is invalid. */
  evaluate(counts: ArrayLike<number>, out: RowFigures): RowVerdict {
    for (const f of this.fanout) if (f.used.evaluate(counts) > f.dim.fanout * SLACK) return 'fanout';
    for (const [leaf, occ] of this.occupancy) if (occ.evaluate(counts) > leaf.size * SLACK) return 'capacity';
    const einsum = this.info.einsum;
    let perInstance = 0;
    for (const term of this.latencyTerms) {
      const latency = term.form === 'sum' || term.form === 'max' ? this.knownFormLatency(term, counts) : this.customLatency(term, counts);
      if (latency !== null && latency > perInstance) perInstance = latency;
    }
    const n = einsum.nInstances;
    out.energy = (this.dynamicEnergy.evaluate(counts) + this.leak(counts, perInstance)) * n;
    out.latency = perInstance * n;
    return null;
  }

  /** Bits the row keeps in `memory` (0 when it keeps nothing there). */
  occupancyBits(memory: string, counts: ArrayLike<number>): number {
    let bits = 0;
    for (const [leaf, occ] of this.occupancy) if (leaf.name === memory) bits += occ.evaluate(counts);
    return bits;
  }

  /** `sum`/`max` of calls / throughput per action, without building the expression's inputs. */
  private knownFormLatency(term: LatencyTerm, counts: ArrayLike<number>): number {
    const calls = this.calls.length >= term.secondsPerCall.length ? this.calls : (this.calls = new Float64Array(term.secondsPerCall.length));
    calls.fill(0, 0, term.secondsPerCall.length);
    term.actions.forEach(([, poly], k) => {
      calls[term.slots[k]!]! += poly.evaluate(counts);
    });
    let total = 0;
    for (let a = 0; a < term.secondsPerCall.length; a++) {
      const time = calls[a] === 0 ? 0 : calls[a]! * term.secondsPerCall[a]!;
      total = term.form === 'sum' ? total + time : Math.max(total, time);
    }
    return total;
  }

  private customLatency(term: LatencyTerm, counts: ArrayLike<number>): number | null {
    const calls = this.scratch;
    calls.clear();
    for (const [action, poly] of term.actions) calls.set(action, (calls.get(action) ?? 0) + poly.evaluate(counts));
    return componentLatency(term.leaf, latencyActions(term.leaf, calls), this.info.einsum.name, this.evaluateLatency);
  }

  private leak(counts: ArrayLike<number>, latency: number): number {
    let total = 0;
    let gate = 1;
    let next = 0;
    this.info.einsum.arch.forEach((leaf, l) => {
      for (; next < this.fanout.length && this.fanout[next]!.leafIndex === l; next++) {
        const { dim, used } = this.fanout[next]!;
        if (dim.powerGateable) gate *= ((used.evaluate(counts) / dim.fanout) * dim.usageScale) / dim.fanout;
      }
      if (leaf.kind !== 'container') total += leaf.totalLeakPower * latency * gate;
    });
    for (const other of this.info.einsum.offPath) total += other.totalLeakPower * latency * (other.powerGateable ? 0 : 1);
    return total;
  }
}

/**
 * Compiles a template path (its tile shapes are ignored). Returns undefined when the closed form
 * does not apply (copy Einsums, networks, too many loops, a structural error the model reports).
 */
export function compileEinsumTemplate(
  einsum: ModelEinsum,
  path: MappingPath,
  allTensors: ReadonlyMap<string, number>,
  evaluateLatency: LatencyEvaluator | undefined,
): CompiledEinsum | undefined {
  if (einsum.isCopyOperation || einsum.arch.some((leaf) => leaf.kind === 'network')) return undefined;
  try {
    const info = compileEinsum(einsum);
    const pm = buildPMapping(info, path, allTensors);
    if (pm.loops.length > MAX_POLY_LOOPS) return undefined;
    const values = symbolicLoopValues(info, pm);
    const records: BuffetRecord<Poly>[] = [];
    for (let t = 0; t < einsum.tensors.length; t++) {
      for (const rec of analyzeTensor(info, pm, tensorView(info, pm, t), values, t)) if (rec.holderIndex >= 0) records.push(rec);
    }
    const energy = dynamicEnergy(info, pm, records);
    if (energy === undefined) return undefined;
    const calls = callPolys(info, pm, records);
    const occ = occupancy(info, records);
    const leaks = [...einsum.arch, ...einsum.offPath].some((leaf) => leaf.totalLeakPower !== 0);
    const polys: TemplatePolys = {
      dynamicEnergy: energy,
      calls: latencyPolys(info, pm, calls),
      occupancy: occ.filter(([leaf]) => Number.isFinite(leaf.size)).map(([leaf, poly]) => ({ memory: leaf.name, poly, size: leaf.size })),
      leaks,
    };
    return new CompiledEinsum(
      polys,
      info,
      new CompiledPoly(energy),
      latencyTerms(info, pm, calls),
      occ.map(([leaf, poly]) => [leaf, new CompiledPoly(poly)] as const),
      fanoutTerms(info, pm),
      evaluateLatency,
    );
  } catch (error) {
    if (error instanceof NotMultilinear || error instanceof SpecErrorException) return undefined;
    throw error;
  }
}

/** Trip count i is the symbol of loop i; a loop's tile is the product of the same variable's inner loops. */
function symbolicLoopValues(info: EinsumInfo, pm: PMapping): LoopValues<Poly> {
  const tiles = pm.loops.map((loop) => loopProduct(pm.loops.filter((l) => l.rv === loop.rv && l.loopIndex > loop.loopIndex).map((l) => l.loopIndex)));
  return {
    arith: POLYS,
    count: (i) => loopVariable(i),
    tile: (i) => tiles[i]!,
    bound: (r) => POLYS.constant(info.bounds[r]!),
  };
}

/** Per record: (leaf, action, total count, per-unit count), as in the model's action list. */
function* recordActions(info: EinsumInfo, records: readonly BuffetRecord<Poly>[]) {
  const n = info.einsum.nInstances;
  for (const rec of records) {
    const leaf = info.einsum.arch[rec.leaf]!;
    const scale = leaf.actionsScale * n;
    yield { leaf, action: 'read', count: POLYS.scale(rec.reads, scale), perUnit: rec.unitReads };
    if (leaf.kind !== 'toll') yield { leaf, action: 'write', count: POLYS.scale(rec.writes, scale), perUnit: rec.unitWrites };
  }
}

function computeActions(info: EinsumInfo, pm: PMapping) {
  const leaf = info.einsum.arch[pm.compute.leaf]!;
  const all = loopProduct(pm.loops.map((l) => l.loopIndex));
  const steps = loopProduct(pm.loops.filter((l) => !l.spatial).map((l) => l.loopIndex));
  return { leaf, action: 'compute', count: POLYS.scale(all, leaf.actionsScale * info.einsum.nInstances), perUnit: steps };
}

function dynamicEnergy(info: EinsumInfo, pm: PMapping, records: readonly BuffetRecord<Poly>[]): Poly | undefined {
  const n = info.einsum.nInstances;
  let total = POLYS.zero;
  for (const a of [...recordActions(info, records), computeActions(info, pm)]) {
    if (a.count.size === 0) continue;
    const action = a.leaf.actions.find((x) => x.name === a.action);
    if (!action) return undefined; // the model reports the missing action
    total = POLYS.add(total, POLYS.scale(a.count, action.energy / n));
  }
  return total;
}

/** Per component name: (action, per-instance calls) in action-list order. */
function callPolys(info: EinsumInfo, pm: PMapping, records: readonly BuffetRecord<Poly>[]): Map<string, [string, Poly][]> {
  const calls = new Map<string, [string, Poly][]>();
  for (const a of [...recordActions(info, records), computeActions(info, pm)]) {
    const list = calls.get(a.leaf.name) ?? [];
    list.push([a.action, a.perUnit]);
    calls.set(a.leaf.name, list);
  }
  return calls;
}

/**
 * Polynomials each component latency is non-decreasing in: one weighted sum for the default
 * `sum` form, one per finite-throughput action for `max`, every action's calls for custom forms.
 */
function latencyPolys(info: EinsumInfo, pm: PMapping, calls: ReadonlyMap<string, [string, Poly][]>): Poly[] {
  return timedLeaves(info, pm, calls).flatMap(({ leaf, actions }) => {
    const list = actions ?? [];
    const form = latencyForm(leaf);
    if (form === 'custom') return list.map(([, poly]) => poly);
    if (form !== 'sum' && form !== 'max') return [];
    const timed = list.flatMap(([name, poly]) => {
      const action = leaf.actions.find((a) => a.name === name);
      const weight = action && action.throughput > 0 ? leaf.actionsScale / action.throughput : 0;
      return weight > 0 && Number.isFinite(weight) ? [POLYS.scale(poly, weight)] : [];
    });
    return form === 'max' ? timed : [timed.reduce((a, b) => POLYS.add(a, b), POLYS.zero)];
  });
}

/** The leaves whose latency the model computes: those with actions here, and the Compute. */
function timedLeaves(info: EinsumInfo, pm: PMapping, calls: ReadonlyMap<string, [string, Poly][]>) {
  return info.einsum.arch.flatMap((leaf, l) => {
    const actions = calls.get(leaf.name);
    return actions || l === pm.compute.leaf ? [{ leaf, actions }] : [];
  });
}

function latencyTerms(info: EinsumInfo, pm: PMapping, calls: ReadonlyMap<string, [string, Poly][]>): LatencyTerm[] {
  return timedLeaves(info, pm, calls).map(({ leaf, actions }) => {
    const list = (actions ?? []).map(([action, poly]) => [action, new CompiledPoly(poly)] as const);
    const names = leaf.actions.map((a) => a.name);
    const form = list.every(([action]) => names.includes(action)) ? latencyForm(leaf) : 'custom';
    return {
      leaf,
      actions: list,
      form,
      slots: Int32Array.from(list, ([action]) => names.indexOf(action)),
      // n_calls / throughput as the model's latency.ts computes it: calls are scaled first.
      secondsPerCall: Float64Array.from(leaf.actions, (a) => leaf.actionsScale / a.throughput),
    };
  });
}

function occupancy(info: EinsumInfo, records: readonly BuffetRecord<Poly>[]): [ArchLeaf, Poly][] {
  const byLeaf = new Map<number, Poly>();
  for (const rec of records) {
    if (rec.occ.size === 0) continue;
    const bits = rec.persistent ? POLYS.scale(rec.occ, info.einsum.nInstances) : rec.occ;
    byLeaf.set(rec.leaf, POLYS.add(byLeaf.get(rec.leaf) ?? POLYS.zero, bits));
  }
  return [...byLeaf].map(([leaf, poly]) => [info.einsum.arch[leaf]!, poly]);
}

function fanoutTerms(info: EinsumInfo, pm: PMapping): FanoutTerm[] {
  return info.einsum.arch.flatMap((leaf, l) =>
    leaf.spatial.map((dim, d) => ({
      dim,
      used: new CompiledPoly(loopProduct(pm.loops.filter((loop) => loop.spatial && loop.owner === l && loop.dim === d).map((loop) => loop.loopIndex))),
      leafIndex: l,
    })),
  );
}
