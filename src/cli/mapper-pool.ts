/** The mapper worker pool on Node worker_threads, for the CLI, the bench and tests. */
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Result } from '../engine/base/result.js';
import { mapSpecWith, type MapOptions, type MapResult } from '../engine/mapper/index.js';
import { MapperPool, type MapperPoolOptions } from '../worker/pool/mapper-pool.js';
import type { PoolWorker, PoolWorkerApi } from '../worker/pool/pool-protocol.js';
import type { SpecInput } from '../engine/pipeline/prepare.js';

/** What a pool worker needs to read the design's files itself (see mapper-pool-worker.ts). */
export interface NodeWorkerData {
  /** Real paths of the folders the design may read; absent: the whole disk (tests, bench). */
  readonly readRoots?: readonly string[];
}

// Built (dist/cli/*.mjs), the worker is plain JavaScript next to this file. Under tsx, Node 20
// loads a worker's entry before `--import tsx` hooks are ready, so the worker starts as a tiny
// script that registers tsx first and then imports the TypeScript entry.
function workerEntry(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./mapper-pool-worker.mjs', import.meta.url);
  const entry = new URL('./mapper-pool-worker.ts', import.meta.url);
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(entry.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}

/** One worker thread running the engine. */
export function spawnNodePoolWorker(data: NodeWorkerData = {}): PoolWorker {
  const worker = new Worker(workerEntry(), { workerData: data });
  let terminating = false;
  const died = new Promise<Error>((resolve) => {
    worker.once('error', (error: unknown) => resolve(error instanceof Error ? error : new Error(String(error))));
    worker.once('exit', (code) => {
      if (!terminating) resolve(new Error(`worker exited with code ${code}`));
    });
  });
  return {
    api: Comlink.wrap<PoolWorkerApi>(nodeEndpoint(worker)),
    died,
    terminate: () => {
      terminating = true;
      void worker.terminate();
    },
  };
}

/** Default worker count: the machine's CPUs, at least one. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

/** A pool of `size` worker threads. Call `close()` when done or the process stays alive. */
export function createNodeMapperPool(size = defaultWorkerCount(), options?: MapperPoolOptions, data: NodeWorkerData = {}): MapperPool {
  return new MapperPool(() => spawnNodePoolWorker(data), size, options);
}

let designCounter = 0;

/**
 * Maps a spec on a fresh pool of `workers` threads (1 = in-process) and closes the pool.
 * Workers read the spec files from the same disk and working directory as this process,
 * confined to the same folders.
 */
export async function mapOnNodePool(
  input: SpecInput & { readonly roots: readonly string[] },
  options: MapOptions,
  workers: number,
  poolOptions?: MapperPoolOptions,
): Promise<Result<MapResult>> {
  const specInput = { fs: input.fs, specFiles: input.specFiles, variables: input.variables };
  if (workers <= 1) return mapSpecWith(specInput, options);
  const pool = createNodeMapperPool(workers, poolOptions, { readRoots: input.roots });
  try {
    const design = { id: `cli-${process.pid}-${++designCounter}`, specFiles: input.specFiles, variables: input.variables };
    pool.warm(design);
    return await mapSpecWith(specInput, { ...options, runJobs: pool.runner(design) });
  } finally {
    pool.close();
  }
}
