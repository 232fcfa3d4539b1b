/** A pool of mapper workers (Web Workers or worker_threads) that runs template jobs in parallel. */
import type { JobRunner, StopSignal, TemplateFront, TemplateJob } from '../../engine/mapper/index.js';
import type { DesignData, LoadOutcome, PoolWorker, PoolWorkerFactory } from './pool-protocol.js';
import { templateKey } from '../../engine/mapper/template-memo.js';

export interface MapperPoolOptions {
  /** Called when a worker dies; its job is retried once on a fresh worker. */
  readonly onWorkerCrash?: (message: string) => void;
  /** How often a running batch checks its stop signal (ms). */
  readonly pollMs?: number;
  /** A worker (by its index in the pool) started a job (`job`) or went idle (`job` undefined), for progress views. */
  readonly onActivity?: (worker: number, job: TemplateJob | undefined) => void;
}

interface Slot {
  worker: PoolWorker | undefined;
  /** Rejects with WorkerCrashed when `worker` dies (one per worker, shared by its calls). */
  crashed: Promise<never>;
  designId: string | undefined;
  /** The design load in flight or done on `worker`. */
  loading: Promise<LoadOutcome> | undefined;
  busy: boolean;
}

interface QueuedJob {
  readonly job: TemplateJob;
  /** Jobs with one key search the same thing up to tensor names (null: never shared). */
  readonly key: string | null;
  crashes: number;
}

class WorkerCrashed extends Error {}

/**
 * The next job for a free worker. Identical searches (one key) all go to the worker that took the
 * first: its memo answers them at once, where another worker would search again. So a worker takes
 * a job of a search it owns, else the first job of a search nobody owns yet, else nothing (the
 * owners will take the rest quickly).
 */
function takeFor(slot: Slot, queue: QueuedJob[], owners: Map<string, Slot>): QueuedJob | undefined {
  let at = queue.findIndex((q) => q.key !== null && owners.get(q.key) === slot);
  if (at < 0) at = queue.findIndex((q) => q.key === null || !owners.has(q.key));
  if (at < 0) return undefined;
  const [next] = queue.splice(at, 1);
  if (next!.key !== null) owners.set(next!.key, slot);
  return next;
}

/** Fixed-size pool; one batch (one spec) at a time. */
export class MapperPool {
  private readonly slots: Slot[];
  private running = false;

  constructor(private readonly spawn: PoolWorkerFactory, readonly size: number, private readonly options: MapperPoolOptions = {}) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => ({ worker: undefined, crashed: new Promise<never>(() => undefined), designId: undefined, loading: undefined, busy: false }));
  }

  /** A job executor for `mapSpecWith` that runs this design's jobs on the pool. */
  runner(design: DesignData): JobRunner {
    return (jobs, onJobDone, signal) => this.runBatch(design, jobs, onJobDone, signal);
  }

  /** Starts every worker and has it evaluate `design` now, overlapping with the caller's own work. */
  warm(design: DesignData): void {
    for (const slot of this.slots) if (!slot.busy) this.load(slot, slot.worker ?? this.start(slot), design).catch(() => undefined);
  }

  /** Terminates every worker; the pool spawns new ones if used again. */
  close(): void {
    for (const slot of this.slots) this.retire(slot);
  }

  private runBatch(design: DesignData, jobs: readonly TemplateJob[], onJobDone: (front: TemplateFront) => void, signal: StopSignal): Promise<void> {
    if (this.running) return Promise.reject(new Error('the mapper pool is already running a batch'));
    this.running = true;
    // The settings a pool worker's search runs with (runTemplateJob's defaults), as its memo keys them.
    const queue: QueuedJob[] = jobs.map((job) => ({ job, key: templateKey(job, [true, 0]), crashes: 0 }));
    const owners = new Map<string, Slot>();
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (error?: Error): void => {
        if (settled) return;
        settled = true;
        clearInterval(poll);
        this.running = false;
        // Jobs still running belong to no batch now: their workers go.
        for (const slot of this.slots) if (slot.busy) this.retire(slot);
        if (error) reject(error);
        else resolve();
      };
      // Draining (the time limit passed): no new job starts, running ones hand back what they found.
      const finished = (): boolean => (queue.length === 0 || signal.draining === true) && this.slots.every((s) => !s.busy);
      const poll = setInterval(() => {
        if (signal.aborted) settle(new Error('mapping stopped'));
        else if (finished()) settle();
      }, this.options.pollMs ?? 20);
      const pump = (): void => {
        if (settled) return;
        for (const slot of this.slots) {
          const next = slot.busy || signal.draining ? undefined : takeFor(slot, queue, owners);
          if (!next) continue;
          this.options.onActivity?.(this.slots.indexOf(slot), next.job);
          void this.runOn(slot, design, next).then(done(slot), failed(slot, next));
        }
        if (finished()) settle();
      };
      const done = (slot: Slot) => (front: TemplateFront): void => {
        if (settled) return;
        slot.busy = false;
        this.options.onActivity?.(this.slots.indexOf(slot), undefined);
        try {
          onJobDone(front);
        } catch (error) {
          return settle(error instanceof Error ? error : new Error(String(error)));
        }
        pump();
      };
      const failed = (slot: Slot, item: QueuedJob) => (error: unknown): void => {
        if (settled) return;
        slot.busy = false;
        if (!(error instanceof WorkerCrashed)) return settle(error instanceof Error ? error : new Error(String(error)));
        this.retire(slot);
        for (const [key, owner] of owners) if (owner === slot) owners.delete(key);
        this.options.onWorkerCrash?.(`mapper worker died while running template ${item.job.id}: ${error.message}`);
        if (++item.crashes > 1) return settle(new Error(`template ${item.job.id} crashed two workers: ${error.message}`));
        queue.unshift(item);
        pump();
      };
      pump();
    });
  }

  private async runOn(slot: Slot, design: DesignData, item: QueuedJob): Promise<TemplateFront> {
    slot.busy = true;
    const worker = slot.worker ?? this.start(slot);
    const crashed = slot.crashed;
    const loaded = await Promise.race([this.load(slot, worker, design), crashed]);
    if (!loaded.ok) throw new Error(`a mapper worker could not load the spec: ${loaded.message}`);
    const outcome = await Promise.race([worker.api.run(design.id, item.job), crashed]);
    if (!outcome.ok) throw new Error(outcome.message);
    return outcome.front;
  }

  private load(slot: Slot, worker: PoolWorker, design: DesignData): Promise<LoadOutcome> {
    if (slot.designId !== design.id || !slot.loading) {
      slot.designId = design.id;
      slot.loading = worker.api.load(design);
    }
    return slot.loading;
  }

  private start(slot: Slot): PoolWorker {
    const worker = this.spawn();
    slot.worker = worker;
    slot.crashed = worker.died.then((reason) => Promise.reject(new WorkerCrashed(reason.message)));
    slot.crashed.catch(() => undefined);
    return worker;
  }

  private retire(slot: Slot): void {
    slot.worker?.terminate();
    slot.worker = undefined;
    slot.designId = undefined;
    slot.loading = undefined;
    slot.busy = false;
  }
}
