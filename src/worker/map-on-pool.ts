/**
 * "Run mapper" on every core: the engine worker plans the run and joins the fronts, and a pool of
 * mapper Web Workers (started from here, so they end with the engine worker on cancel) runs the
 * template searches. The front is the one-worker front: the driver merges template fronts in
 * template order, whatever order they finish in.
 */
import { mapDesign, mapDesignWith, type DesignFiles, type MapDesignResult } from '../engine/index.js';
import type { TemplateJob } from '../engine/mapper/index.js';
import type { MapRunListener, MapRunOptions, WorkerActivityEvent } from './protocol.js';
import type { MapperPool } from './pool/mapper-pool.js';
import { createWebMapperPool } from './pool/web-worker.js';

/** Past eight workers a browser tab gains little: the join runs on one thread and memory grows per worker. */
export const MAX_MAP_WORKERS = 8;

/** Pool size: the requested count, else one per core (at most MAX_MAP_WORKERS); 1 where workers cannot start. */
export function mapWorkerCount(requested?: number): number {
  if (typeof Worker === 'undefined') return 1;
  const wanted = requested ?? globalThis.navigator?.hardwareConcurrency ?? 1;
  return Math.max(1, Math.min(MAX_MAP_WORKERS, Math.floor(wanted)));
}

let runCounter = 0;

/** Maps the design on `mapWorkerCount(options.workers)` workers (1: in this thread), streaming events. */
export async function mapDesignOnPool(design: DesignFiles, options: MapRunOptions, onEvent?: MapRunListener): Promise<MapDesignResult> {
  const size = mapWorkerCount(options.workers);
  if (size <= 1) {
    onEvent?.({ type: 'workers', workers: 1 });
    return mapDesign(design, options, onEvent);
  }
  const einsumNames = new Map<number, string>();
  const activity = (worker: number, job: TemplateJob | undefined): void => onEvent?.(activityEvent(worker, job, einsumNames));
  const pool: MapperPool = createWebMapperPool(size, { onActivity: activity });
  onEvent?.({ type: 'workers', workers: size });
  const data = { id: `page-${++runCounter}`, specFiles: design.specFiles, variables: design.variables, files: design.files };
  try {
    pool.warm(data);
    return await mapDesignWith(design, options, pool.runner(data), (event) => {
      if (event.type === 'templates') einsumNames.set(einsumNames.size, event.einsum);
      onEvent?.(event);
    });
  } finally {
    pool.close();
  }
}

function activityEvent(worker: number, job: TemplateJob | undefined, einsumNames: ReadonlyMap<number, string>): WorkerActivityEvent {
  if (job === undefined) return { type: 'worker', worker, einsum: null, jobId: null };
  return { type: 'worker', worker, einsum: einsumNames.get(job.einsumIndex) ?? `Einsum ${job.einsumIndex}`, jobId: job.id };
}
