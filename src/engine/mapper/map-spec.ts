/** `map`: the sequential mapper driver: templates → tile search → per-Einsum fronts → join → best mapping. */
import { specError, SpecErrorException, type SpecError } from '../base/errors.js';
import { err, ok, type Result } from '../base/result.js';
import { createDefaultRegistry, type ComponentModelRegistry } from '../components/index.js';
import { evaluateMapping, printMapping, type LatencyEvaluator, type ModelResult } from '../model/index.js';
import { buildModelInput } from '../pipeline/model-input.js';
import { makeLatencyEvaluator } from '../pipeline/latency-expressions.js';
import { prepareSpec, runStage, type PreparedSpec, type SpecInput } from '../pipeline/prepare.js';
import { METRICS } from '../spec/schema/mapper.js';
import type { Mapping, MappingNode } from '../spec/schema/mapping.js';
import { pmappingNodes } from './pmapping-nodes.js';
import type { EnergyLatency, MapperEvent, MapperEventHandler } from './events.js';
import { comparePicks, einsumFront, finalFront, type UsageTracking } from './join.js';
import { joinFronts } from './join-step.js';
import { usageBounds } from './usage-bounds.js';
import { reservationSpace, peakUsage } from './reservation-join.js';
import { reservationLayout } from './reservations.js';
import { objective } from './pareto.js';
import { isSingleObjective, metricSetOf, metricSetOfMetric, searchMetric, type MetricSet } from './pareto-metrics.js';
import { makePmappingTemplates } from './templates.js';
import { runTemplateJob } from './tile-search.js';
import { MappingStopped, StopCheck, type StopSignal } from './stop-check.js';
import { checkRankSizes, checkUsageLevels, JOIN_GRACE_SECONDS, runClock, stoppedError, timeLimitWarning, type ClockOptions } from './run-limits.js';
import { TemplateMemo } from './template-memo.js';
import { effectiveMemoryLimit, MemoryBudget, MemoryLimitExceeded, memoryLimitError, templateFrontBytes } from './memory-budget.js';
import type { EinsumFront, FrontRow, MapperMetric, TemplateFront, TemplateJob } from './types.js';

export interface MapOptions extends ClockOptions {
  /** Default: from `mapper.metrics` (EDP if it has ENERGY_DELAY_PRODUCT or both energy and latency). */
  readonly metric?: MapperMetric;
  /** A `mapper.metrics` bitmask; the answer is the Pareto set over it. Wins over `metric`. */
  readonly metrics?: number;
  /** Default: `mapper.max_fused_loops`. */
  readonly maxFusedLoops?: number;
  /** Keep every tensor in the outermost memory (no fusion). */
  readonly unfused?: boolean;
  /** Memory usage is an objective too (RESOURCE_USAGE); default: from `mapper.metrics`. */
  readonly resourceUsage?: boolean;
  readonly registry?: ComponentModelRegistry;
  /** Default: `mapper.memory_limit` (bytes). Set by the CLI's `--memory-limit`. */
  readonly memoryLimitBytes?: number;
}

export interface MapStats {
  readonly templates: number;
  readonly evaluated: number;
  readonly keptPerEinsum: Readonly<Record<string, number>>;
  readonly seconds: number;
}

export interface MapResult {
  readonly prepared: PreparedSpec;
  readonly mapping: Mapping;
  readonly mappingYaml: string;
  readonly result: ModelResult;
  /** The final Pareto set over the chosen metrics (one point for a single objective). */
  readonly pareto: readonly ParetoPoint[];
  /** The final energy/latency front (before EDP picks one point), each point with its mapping. */
  readonly front: readonly FrontMapping[];
  /** Index into `front` of the chosen mapping. */
  readonly bestIndex: number;
  readonly stats: MapStats;
  /** E.g. the time limit stopped the search, so the result may not be optimal. */
  readonly warnings: readonly string[];
}

/** A point of the answer: its energy, latency and (when tracked) peak bits per finite memory. */
export interface ParetoPoint extends EnergyLatency {
  readonly usage?: Readonly<Record<string, number>>;
}

/** `options.metrics`, else `options.metric`, else `mapper.metrics`; `options.resourceUsage`, when set, decides that bit. */
function chosenMetrics(options: MapOptions, bits: number): MetricSet {
  const chosen = options.metrics ?? bits;
  const resourceUsage = options.resourceUsage ?? (chosen & METRICS.RESOURCE_USAGE) !== 0;
  if (options.metrics === undefined && options.metric) return metricSetOfMetric(options.metric, resourceUsage);
  return { ...metricSetOf(chosen), resourceUsage };
}

/** Finds the best mapping of a spec; progress goes to `onEvent`. */
export function mapSpec(input: SpecInput, options: MapOptions = {}, onEvent: MapperEventHandler = () => undefined): Result<MapResult> {
  const prepared = prepareSpec(input);
  if (!prepared.ok) return prepared;
  const run = runStage(prepared.value.loaded, () => {
    try {
      return mapPrepared(prepared.value, options, onEvent);
    } catch (error) {
      // Thrown, so runStage gives the error the position of its mapper field.
      if (error instanceof MappingStopped) throw new SpecErrorException(stoppedError(options.signal?.aborted ?? false, options.timeLimitSeconds ?? prepared.value.spec.mapper.time_limit));
      if (error instanceof MemoryLimitExceeded) throw new SpecErrorException(memoryLimitError(error));
      throw error;
    }
  });
  if (!run.ok) return run;
  return run.value;
}

/** Everything the per-template work and the join need, computed once per run. */
export interface MapPlan {
  readonly prepared: PreparedSpec;
  /** What the search and the join prune on (searchMetric of `metrics`). */
  readonly metric: MapperMetric;
  readonly metrics: MetricSet;
  readonly registry: ComponentModelRegistry;
  readonly jobs: readonly TemplateJob[];
  readonly evaluateLatency: LatencyEvaluator;
  /** True once the caller cancels or the time limit passes: the template search stops. */
  readonly signal: StopSignal;
  /** True once the caller cancels or the time limit's grace passes: job executors stop waiting. */
  readonly drainSignal: StopSignal;
  /** The stop signal of a join starting now (it may run a short grace past the time limit). */
  readonly joinSignal: () => StopSignal;
  readonly cancelled: () => boolean;
  readonly now: () => number;
  readonly start: number;
  readonly timeLimitSeconds: number;
  /** What the run holds for good (template fronts) against mapper.memory_limit. */
  readonly memory: MemoryBudget;
  /** Set when rows carry reservations (RESOURCE_USAGE, or a fused run that may overflow a memory). */
  readonly usage?: UsageTracking;
}

/** Templates, latency evaluator and stop signal of one run. */
export function planMap(prepared: PreparedSpec, options: MapOptions): MapPlan {
  const { spec, evaluated } = prepared;
  const clock = runClock(options, spec.mapper.time_limit);
  const metrics = chosenMetrics(options, spec.mapper.metrics);
  const metric = searchMetric(metrics);
  const registry = options.registry ?? createDefaultRegistry();
  checkRankSizes(evaluated.workload.einsums);
  const resourceUsage = metrics.resourceUsage;
  const stop = new StopCheck(clock.search);
  let made: TemplateJob[];
  try {
    made = makePmappingTemplates(evaluated, registry, {
      metric,
      unfused: options.unfused ?? false,
      maxFusedLoops: options.maxFusedLoops ?? spec.mapper.max_fused_loops,
      maxFusedLoopsPerRankVariable: spec.mapper.max_fused_loops_per_rank_variable,
      exploreLoopOrders: spec.mapper.explore_loop_orders,
      maxTemplatesPerEinsum: spec.mapper.max_pmapping_templates_per_einsum,
      poll: stop.tick,
    });
  } catch (error) {
    if (error instanceof MappingStopped) throw new SpecErrorException(stoppedError(clock.cancelled(), clock.limitSeconds, 'while making pmapping templates'));
    throw error;
  }
  const memory = new MemoryBudget(effectiveMemoryLimit(options.memoryLimitBytes, spec.mapper.memory_limit));
  // One template's search runs in one worker: the per-process limit applies to it when set.
  const perProcess = spec.mapper.memory_limit_per_process;
  const memoryLimitBytes = Math.min(memory.limitBytes, Number.isFinite(perProcess) ? perProcess : Infinity);
  const deadline = clock.deadline !== undefined ? { deadline: clock.deadline } : {};
  // Fused Einsums share memories: rows carry reservations so the join enforces capacity across
  // them whatever the metrics (docs/mapper.md §5.5), unless no memory can overflow at all.
  const reservations = !resourceUsage && !(options.unfused ?? false) && mayOverflowAcrossEinsums(made, evaluated.workload.tensorSizes);
  const jobs = made.map((job) => ({ ...job, memoryLimitBytes, ...deadline, ...(resourceUsage ? { resourceUsage } : {}), ...(reservations ? { reservations } : {}) }));
  checkUsageLevels(jobs);
  const usage = resourceUsage || reservations ? usageTracking(jobs) : undefined;
  const { now, start, cancelled, limitSeconds: timeLimitSeconds } = clock;
  return { prepared, metric, metrics, registry, jobs, evaluateLatency: makeLatencyEvaluator(evaluated), signal: clock.search, drainSignal: clock.drain, joinSignal: clock.join, cancelled, now, start, timeLimitSeconds, memory, ...(usage ? { usage } : {}) };
}

/**
 * Whether some finite memory could be overfilled by Einsums together. A memory holds at most a
 * tile of each tensor, so one that holds every tensor of the workload whole (twice over, for a
 * tensor two coexisting Einsums tile differently) never overflows, and reservations are not needed.
 */
function mayOverflowAcrossEinsums(jobs: readonly TemplateJob[], tensorSizes: Readonly<Record<string, number>>): boolean {
  const workloadBits = new Map(jobs.flatMap((job) => job.modelEinsum.tensors.map((t) => [t.name, t.bitsPerValue] as const)));
  for (const job of jobs) {
    for (const leaf of job.modelEinsum.arch) {
      if (leaf.kind !== 'memory' || !Number.isFinite(leaf.size)) continue;
      let bits = 0;
      for (const [tensor, values] of Object.entries(tensorSizes)) bits += values * (leaf.bitsPerValue[tensor] ?? workloadBits.get(tensor) ?? 0);
      if (2 * bits > leaf.size) return true;
    }
  }
  return false;
}

function usageTracking(jobs: readonly TemplateJob[]): UsageTracking {
  const layouts = new Map(jobs.map((job) => [job.id, reservationLayout(job)]));
  const sizes = new Map(jobs.flatMap((job) => job.modelEinsum.arch.map((leaf) => [leaf.name, leaf.size] as const)));
  return { space: reservationSpace([...layouts.values()], (memory) => sizes.get(memory) ?? Infinity), layouts };
}

/** The Pareto front of one Einsum from its templates' fronts (in template order). */
export function einsumFrontOf(plan: MapPlan, einsum: { readonly index: number; readonly name: string }, done: readonly TemplateFront[], onEvent: MapperEventHandler): Result<EinsumFront> {
  const front = einsumFront(einsum.index, einsum.name, done, plan.metric, plan.usage);
  if (front.rows.length === 0) return err(noMappingError(einsum.name, plan.jobs.filter((j) => j.einsumIndex === einsum.index), done));
  onEvent({ type: 'einsum-front', einsum: einsum.name, front: points(front.rows) });
  return ok(front);
}

function mapPrepared(prepared: PreparedSpec, options: MapOptions, onEvent: MapperEventHandler): Result<MapResult> {
  const plan = planMap(prepared, options);
  const { jobs, signal, evaluateLatency } = plan;
  const fronts: EinsumFront[] = [];
  const templateFronts = new Map<number, TemplateFront>();
  // Every count first, so progress knows the whole run from the start.
  announceTemplates(plan, onEvent);
  const memo = new TemplateMemo();
  const einsums = prepared.evaluated.workload.einsums;
  const left = new Map(einsums.map((e) => [e.index, jobs.filter((j) => j.einsumIndex === e.index).length]));
  const byIndex = new Map<number, EinsumFront>();
  // An Einsum without templates cannot be mapped: say so before searching the others.
  for (const einsum of einsums) {
    if (left.get(einsum.index) !== 0) continue;
    const none = einsumFrontOf(plan, einsum, [], onEvent);
    if (!none.ok) return none;
  }
  // Jobs come in workload and template order; under a time limit each Einsum's simplest goes first.
  const order = Number.isFinite(plan.timeLimitSeconds) ? simplestFirst(jobs, (rest) => rest) : jobs;
  for (const job of order) {
    if (signal.aborted) return finishStopped(plan, templateFronts, onEvent);
    const front = runTemplateJob(job, { evaluateLatency, signal, memo });
    holdFront(plan, front);
    templateFronts.set(job.id, front);
    onEvent(templateDone(job.einsum, front));
    if (front.stopped) return finishStopped(plan, templateFronts, onEvent);
    const remaining = left.get(job.einsumIndex)! - 1;
    left.set(job.einsumIndex, remaining);
    if (remaining > 0) continue;
    const einsum = einsums.find((e) => e.index === job.einsumIndex)!;
    const done = jobs.filter((j) => j.einsumIndex === einsum.index).map((j) => templateFronts.get(j.id)!);
    const einsumFront = einsumFrontOf(plan, einsum, done, onEvent);
    if (!einsumFront.ok) return einsumFront;
    byIndex.set(einsum.index, einsumFront.value);
  }
  return finishMap(plan, einsums.map((e) => byIndex.get(e.index)!), templateFronts, onEvent);
}

/**
 * Under a time limit the simplest template (fewest nodes) of every Einsum runs first, so a
 * complete mapping exists as early as possible; `orderRest` orders the other templates.
 */
export function simplestFirst(jobs: readonly TemplateJob[], orderRest: (rest: readonly TemplateJob[]) => readonly TemplateJob[]): TemplateJob[] {
  const simplest = new Map<number, TemplateJob>();
  for (const job of jobs) {
    const best = simplest.get(job.einsumIndex);
    if (!best || job.nodes.length < best.nodes.length || (job.nodes.length === best.nodes.length && job.id < best.id)) simplest.set(job.einsumIndex, job);
  }
  const first = [...simplest.values()].sort((a, b) => a.einsumIndex - b.einsumIndex);
  const chosen = new Set(first);
  return [...first, ...orderRest(jobs.filter((job) => !chosen.has(job)))];
}

/**
 * The end of a search that its caller or its time limit stopped. After the time limit, the
 * templates searched so far are joined when every Einsum has a mapping among them.
 */
export function finishStopped(plan: MapPlan, templateFronts: ReadonlyMap<number, TemplateFront>, onEvent: MapperEventHandler): Result<MapResult> {
  if (plan.cancelled()) return err(stoppedError(true));
  const fronts: EinsumFront[] = [];
  for (const einsum of plan.prepared.evaluated.workload.einsums) {
    const done = plan.jobs.filter((j) => j.einsumIndex === einsum.index).flatMap((j) => templateFronts.get(j.id) ?? []);
    const front = einsumFront(einsum.index, einsum.name, done, plan.metric, plan.usage);
    if (front.rows.length === 0) throw new SpecErrorException(stoppedError(false, plan.timeLimitSeconds, `before finding any mapping of Einsum ${einsum.name}`));
    onEvent({ type: 'einsum-front', einsum: einsum.name, front: points(front.rows) });
    fronts.push(front);
  }
  return finishMap(plan, fronts, templateFronts, onEvent, [timeLimitWarning(plan.timeLimitSeconds)]);
}

/** Counts a finished template's front against the memory limit (throws MemoryLimitExceeded past it). */
export function holdFront(plan: MapPlan, front: TemplateFront): void {
  const exceeded = front.memoryExceeded;
  if (exceeded) throw new MemoryLimitExceeded(plan.jobs[front.jobId]?.memoryLimitBytes ?? plan.memory.limitBytes, exceeded.neededBytes, exceeded.what);
  plan.memory.retain(templateFrontBytes(front.energy.length, front.nLoops, front.compat[0]?.length ?? 0), 'the pmapping fronts kept for the join');
}

/** One `templates` event per Einsum, in workload order. */
export function announceTemplates(plan: MapPlan, onEvent: MapperEventHandler): void {
  for (const einsum of plan.prepared.evaluated.workload.einsums) {
    onEvent({ type: 'templates', einsum: einsum.name, count: plan.jobs.filter((j) => j.einsumIndex === einsum.index).length });
  }
}

/** The progress event of one finished template. */
export function templateDone(einsum: string, front: TemplateFront): MapperEvent {
  return { type: 'template-done', einsum, jobId: front.jobId, evaluated: front.evaluated, kept: front.energy.length, pruned: front.pruned };
}

/** Joins the per-Einsum fronts in workload order, picks the best mapping and evaluates it. */
export function finishMap(plan: MapPlan, fronts: readonly EinsumFront[], templateFronts: ReadonlyMap<number, TemplateFront>, onEvent: MapperEventHandler, warnings: readonly string[] = []): Result<MapResult> {
  const { prepared, metric, jobs, registry } = plan;
  const { evaluated } = prepared;
  let evaluatedCount = 0;
  for (const front of templateFronts.values()) evaluatedCount += front.evaluated;
  let joined: FrontRow[];
  try {
    const all = joinAll(plan, fronts, new StopCheck(plan.joinSignal()).tick, onEvent);
    if (!all.ok) return all;
    joined = all.value;
  } catch (error) {
    if (error instanceof MappingStopped) throw new SpecErrorException(stoppedError(plan.cancelled(), plan.timeLimitSeconds, `while joining the Einsums' fronts (a join may run ${JOIN_GRACE_SECONDS} s past the limit)`));
    if (error instanceof MemoryLimitExceeded) throw new SpecErrorException(memoryLimitError(error));
    throw error;
  }
  const space = plan.usage?.space;
  const final = finalFront(joined, plan.metrics, space);
  onEvent({ type: 'final', front: points(final) });
  const best = pickBest(final, metric);
  const mapping = assembleMapping(best, jobs, templateFronts);
  const model = evaluateMapping(buildModelInput(evaluated, mapping, registry));
  if (!model.ok) return model;
  const keptPerEinsum = Object.fromEntries(fronts.map((f) => [f.einsum, f.rows.length]));
  // Peak usage is reported with RESOURCE_USAGE only: other runs track it just to enforce capacity.
  const front = frontMappings(final, jobs, templateFronts, new Map([[best, mapping]]), plan.metrics.resourceUsage ? plan.usage : undefined);
  const bestIndex = final.indexOf(best);
  return ok({
    prepared,
    mapping,
    mappingYaml: front[bestIndex]!.mappingYaml,
    front,
    bestIndex,
    result: model.value,
    pareto: isSingleObjective(plan.metrics) ? [paretoPoint(front[bestIndex]!)] : front.map(paretoPoint),
    stats: { templates: jobs.length, evaluated: evaluatedCount, keptPerEinsum, seconds: (plan.now() - plan.start) / 1000 },
    warnings,
  });
}

/** The per-Einsum fronts joined in workload order; `poll` is a StopCheck tick. */
function joinAll(plan: MapPlan, fronts: readonly EinsumFront[], poll: () => void, onEvent: MapperEventHandler): Result<FrontRow[]> {
  const { metric } = plan;
  const einsums = plan.prepared.evaluated.workload.einsums;
  const liveAfter = (k: number) => new Set(einsums.slice(k + 1).flatMap((e) => e.tensors.map((t) => t.name)));
  const space = plan.usage?.space;
  const limits = { poll, budget: plan.memory };
  // The bounds compare peak usage as an objective: only sound when RESOURCE_USAGE is one.
  const bounds = space && plan.metrics.resourceUsage ? usageBounds(fronts, metric, space, liveAfter, limits) : undefined;
  let joined: FrontRow[] = fronts[0] ? joinFronts([{ energy: 0, latency: 0, picks: [], compat: '' }], fronts[0], metric, liveAfter(0), space, bounds?.(0), limits) : [];
  for (let k = 1; k < fronts.length; k++) {
    joined = joinFronts(joined, fronts[k]!, metric, liveAfter(k), space, bounds?.(k), limits);
    if (joined.length === 0) return err(specError('mapper', `no compatible pmappings when joining Einsum ${fronts[k]!.einsum} to the ones before it`, { path: ['workload'], hint: 'Relax max_fused_loops or use --unfused.' }));
    onEvent({ type: 'join-step', step: k, einsum: fronts[k]!.einsum, front: points(joined) });
  }
  return ok(joined);
}

function paretoPoint(point: FrontMapping): ParetoPoint {
  return { energy: point.energy, latency: point.latency, ...(point.usage ? { usage: point.usage } : {}) };
}

function points(rows: readonly FrontRow[]): EnergyLatency[] {
  return rows.map((r) => ({ energy: r.energy, latency: r.latency }));
}

/** Smallest objective; ties go to lower energy, then lower latency, then the simplest templates. */
function pickBest(rows: readonly FrontRow[], metric: MapperMetric): FrontRow {
  const score = (r: FrontRow) => objective(metric, r.energy, r.latency);
  return [...rows].sort((a, b) => score(a) - score(b) || a.energy - b.energy || a.latency - b.latency || comparePicks(a, b))[0]!;
}

/** One point of the final energy/latency front with the mapping that reaches it. */
export interface FrontMapping {
  readonly energy: number;
  readonly latency: number;
  readonly mapping: Mapping;
  readonly mappingYaml: string;
  /** RESOURCE_USAGE runs: peak bits per tracked (finite) memory. */
  readonly usage?: Readonly<Record<string, number>>;
}

/** One Nested branch per Einsum under a Sequential (a single Einsum needs no Sequential). */
export function assembleMapping(row: FrontRow, jobs: readonly TemplateJob[], fronts: ReadonlyMap<number, TemplateFront>): Mapping {
  const branches: MappingNode[] = row.picks.map(([jobId, r]) => {
    const job = jobs[jobId]!;
    const front = fronts.get(jobId)!;
    const tiles = front.tiles.subarray(r * front.nLoops, (r + 1) * front.nLoops);
    return { $tag: 'Nested', nodes: pmappingNodes(job.nodes, job.einsum, job.compute, tiles) };
  });
  if (branches.length === 1) return { nodes: (branches[0] as { nodes: MappingNode[] }).nodes };
  return { nodes: [{ $tag: 'Sequential', nodes: branches }] };
}

/** The mapping of every row, in row order; `known` reuses mappings already built (the best one). */
export function frontMappings(
  rows: readonly FrontRow[],
  jobs: readonly TemplateJob[],
  fronts: ReadonlyMap<number, TemplateFront>,
  known: ReadonlyMap<FrontRow, Mapping> = new Map(),
  usage?: UsageTracking,
): FrontMapping[] {
  return rows.map((row) => {
    const mapping = known.get(row) ?? assembleMapping(row, jobs, fronts);
    const point = { energy: row.energy, latency: row.latency, mapping, mappingYaml: printMapping(mapping) };
    if (!usage || !row.res) return point;
    const peak = peakUsage(usage.space, row.res);
    return { ...point, usage: Object.fromEntries(usage.space.memories.map((m, i) => [m, peak[i]!])) };
  });
}

export { stoppedError };

function noMappingError(einsum: string, jobs: readonly TemplateJob[], fronts: readonly TemplateFront[]): SpecError {
  if (jobs.length === 0) {
    return specError('mapper', `Einsum ${einsum} has no pmapping template: no enabled Compute can run it, or the memories' tensors: keep/may_keep rules leave some tensor unstored`, {
      path: ['arch'],
      hint: 'Check the Compute nodes\' `enabled` expressions and that every tensor can be kept in some memory.',
    });
  }
  const sum = (f: (t: TemplateFront) => number) => fronts.reduce((a, t) => a + f(t), 0);
  const firstError = fronts.find((f) => f.firstError)?.firstError;
  const causes = `${sum((t) => t.pruned.loopBounds)} by loop bounds/fanout, ${sum((t) => t.pruned.fusedLoops)} by fused-loop limits, ${sum((t) => t.pruned.capacity)} by capacity or fanout in the model`;
  return specError('mapper', `Einsum ${einsum} has no valid mapping: all ${jobs.length} templates were ruled out (${causes})${firstError ? `; e.g. ${firstError}` : ''}`, {
    path: ['arch'],
    hint: 'Increase the memory sizes or fanouts named above, or relax loop_bounds/min_usage constraints.',
  });
}

