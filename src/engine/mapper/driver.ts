/** The mapper driver with an injected job executor, so templates can run in parallel workers. */
import { specError, SpecErrorException } from '../base/errors.js';
import { err, ok, type Result } from '../base/result.js';
import type { LatencyEvaluator } from '../model/index.js';
import { positionError, prepareSpec, runStage, type SpecInput } from '../pipeline/prepare.js';
import type { MapperEventHandler } from './events.js';
import { announceTemplates, einsumFrontOf, finishMap, finishStopped, holdFront, planMap, simplestFirst, templateDone, type MapOptions, type MapPlan, type MapResult } from './map-spec.js';
import { runTemplateJob } from './tile-search.js';
import { MappingStopped, type StopSignal } from './stop-check.js';
import { MemoryLimitExceeded, memoryLimitError } from './memory-budget.js';
import { TemplateMemo } from './template-memo.js';
import type { EinsumFront, TemplateFront, TemplateJob } from './types.js';

export type { StopSignal };

/**
 * Runs template jobs (in any order, on any number of workers) and reports each front as it
 * finishes. Resolves when every job is done, or when `signal.draining` and no job is running;
 * rejects when `signal.aborted` or when a job fails.
 */
export type JobRunner = (jobs: readonly TemplateJob[], onJobDone: (front: TemplateFront) => void, signal: StopSignal) => Promise<void>;

export interface DriverOptions extends MapOptions {
  /** Where the per-template work runs; default: in this thread, one job at a time. */
  readonly runJobs?: JobRunner;
}

/** In-process executor: one job at a time, yielding between jobs so a cancel can land. */
export function inProcessRunner(evaluateLatency?: LatencyEvaluator): JobRunner {
  return async (jobs, onJobDone, signal) => {
    const memo = new TemplateMemo();
    // In this thread the search itself stops as soon as the executor should drain.
    const stop: StopSignal = { get aborted(): boolean { return signal.aborted || signal.draining === true; } };
    for (const job of jobs) {
      if (stop.aborted) throw new MappingStopped();
      const front = runTemplateJob(job, { ...(evaluateLatency ? { evaluateLatency } : {}), signal: stop, memo });
      onJobDone(front);
      if (front.stopped) throw new MappingStopped();
      await nextMacrotask();
    }
  };
}

/** Lets timers and messages (a cancel) run; the engine has no DOM or Node types, so look it up. */
function nextMacrotask(): Promise<void> {
  const timer = (globalThis as { setTimeout?: (callback: () => void, ms: number) => unknown }).setTimeout;
  return new Promise((resolve) => (timer ? timer(resolve, 0) : resolve()));
}

/**
 * Jobs Einsum by Einsum, so each Einsum's front is ready (and streams) while later ones are
 * searched; within an Einsum longest first (most template nodes), ties by id, so big jobs do not
 * finish last and the run's tail is the last Einsum's small jobs.
 */
export function scheduleOrder(jobs: readonly TemplateJob[]): TemplateJob[] {
  return [...jobs].sort((a, b) => a.einsumIndex - b.einsumIndex || b.nodes.length - a.nodes.length || a.id - b.id);
}

/** Like `mapSpec`, but the template work goes through `options.runJobs`; same result whatever the executor. */
export async function mapSpecWith(input: SpecInput, options: DriverOptions = {}, onEvent: MapperEventHandler = () => undefined): Promise<Result<MapResult>> {
  const prepared = prepareSpec(input);
  if (!prepared.ok) return prepared;
  const plan = runStage(prepared.value.loaded, () => planMap(prepared.value, options));
  if (!plan.ok) return plan;
  const runJobs = options.runJobs ?? inProcessRunner(plan.value.evaluateLatency);
  const early = new Map<number, Result<EinsumFront>>();
  const fronts = await runAll(plan.value, runJobs, onEvent, early);
  if (!fronts.ok) return fronts;
  const { done, stopped } = fronts.value;
  const finished = runStage(prepared.value.loaded, () => (stopped ? finishStopped(plan.value, done, onEvent) : finishPlan(plan.value, done, onEvent, early)));
  return finished.ok ? finished.value : finished;
}

/** Every template's front, or (`stopped`) those that finished before a cancel or the time limit. */
/**
 * `early` gets each Einsum's front as soon as its last template finishes, so it streams while other
 * Einsums are still searched (built from the template fronts in template order, as finishPlan would).
 */
async function runAll(plan: MapPlan, runJobs: JobRunner, onEvent: MapperEventHandler, early: Map<number, Result<EinsumFront>>): Promise<Result<{ done: Map<number, TemplateFront>; stopped: boolean }>> {
  const einsumName = new Map(plan.prepared.evaluated.workload.einsums.map((e) => [e.index, e.name]));
  const left = new Map<number, number>();
  for (const job of plan.jobs) left.set(job.einsumIndex, (left.get(job.einsumIndex) ?? 0) + 1);
  announceTemplates(plan, onEvent);
  const fronts = new Map<number, TemplateFront>();
  // At the time limit executors drain: running jobs stop at their deadline and hand back their rows.
  const signal: StopSignal = {
    get aborted(): boolean {
      return plan.drainSignal.aborted;
    },
    get draining(): boolean {
      return plan.signal.aborted;
    },
  };
  try {
    const order = Number.isFinite(plan.timeLimitSeconds) ? simplestFirst(plan.jobs, scheduleOrder) : scheduleOrder(plan.jobs);
    await runJobs(order, (front) => {
      holdFront(plan, front);
      fronts.set(front.jobId, front);
      onEvent(templateDone(einsumName.get(front.einsumIndex) ?? '', front));
      const remaining = left.get(front.einsumIndex)! - 1;
      left.set(front.einsumIndex, remaining);
      if (remaining === 0 && !front.stopped) early.set(front.einsumIndex, einsumFrontNow(plan, front.einsumIndex, fronts, onEvent));
    }, signal);
  } catch (error) {
    if (error instanceof MemoryLimitExceeded) return err(positionError(plan.prepared.loaded, new SpecErrorException(memoryLimitError(error))));
    if (plan.signal.aborted || error instanceof MappingStopped) return ok({ done: fronts, stopped: true });
    const message = error instanceof Error ? error.message : String(error);
    return err(specError('mapper', `a mapper worker failed: ${message}`, { hint: 'Retry with --workers 1 (in-process) to see whether the spec or the worker is at fault.' }));
  }
  const partial = [...fronts.values()].some((front) => front.stopped);
  return ok({ done: fronts, stopped: partial || (plan.signal.aborted && fronts.size < plan.jobs.length) });
}

/** One Einsum's front from its template fronts in template order (never completion order). */
function einsumFrontNow(plan: MapPlan, einsumIndex: number, templateFronts: ReadonlyMap<number, TemplateFront>, onEvent: MapperEventHandler): Result<EinsumFront> {
  const einsum = plan.prepared.evaluated.workload.einsums.find((e) => e.index === einsumIndex)!;
  const done = plan.jobs.filter((j) => j.einsumIndex === einsum.index).map((j) => templateFronts.get(j.id));
  if (done.some((f) => f === undefined)) return err(specError('mapper', `the job executor did not return every template of Einsum ${einsum.name}`));
  const front = runStage(plan.prepared.loaded, () => einsumFrontOf(plan, einsum, done as TemplateFront[], onEvent));
  return front.ok ? front.value : front;
}

/** Per-Einsum fronts (those `early` holds, else built now), then the join. */
function finishPlan(plan: MapPlan, templateFronts: ReadonlyMap<number, TemplateFront>, onEvent: MapperEventHandler, early: ReadonlyMap<number, Result<EinsumFront>>): Result<MapResult> {
  const fronts: EinsumFront[] = [];
  for (const einsum of plan.prepared.evaluated.workload.einsums) {
    const front = early.get(einsum.index) ?? einsumFrontNow(plan, einsum.index, templateFronts, onEvent);
    if (!front.ok) return front;
    fronts.push(front.value);
  }
  return finishMap(plan, fronts, templateFronts, onEvent);
}
