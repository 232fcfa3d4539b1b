/** The mapper worker pool on Node worker_threads, for the CLI, the bench and tests. */
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Result } from '../engine/base/result.js';
import { mapSpecWith, type MapOptions, type MapResult } from '../engine/mapper/index.js';
import { MapperPool, type MapperPoolOptions } from '../worker/pool/mapper-pool.js';
import type { PoolWorker, PoolWorkerApi } from '../worker/pool/pool-protocol.js';
import { NodeFileSystem } from './node-file-system.js';

const WORKER_URL = new URL('./mapper-pool-worker.ts', import.meta.url);
const TSX_API = import.meta.resolve('tsx/esm/api');
// Node 20 loads a worker's entry before `--import tsx` hooks are ready, so the worker starts as a
// tiny script that registers tsx first and then imports the TypeScript entry.
const BOOTSTRAP = new URL(
  `data:text/javascript,${encodeURIComponent(`import { register } from ${JSON.stringify(TSX_API)}; register(); await import(${JSON.stringify(WORKER_URL.href)});`)}`,
);

/** One worker thread running the engine through tsx (the CLI itself runs under tsx). */
export function spawnNodePoolWorker(): PoolWorker {
  const worker = new Worker(BOOTSTRAP);
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
export function createNodeMapperPool(size = defaultWorkerCount(), options?: MapperPoolOptions): MapperPool {
  return new MapperPool(spawnNodePoolWorker, size, options);
}

let designCounter = 0;

/**
 * Maps a spec on a fresh pool of `workers` threads (1 = in-process) and closes the pool.
 * Workers read the spec files from the same disk and working directory as this process.
 */
export async function mapOnNodePool(
  input: { readonly specFiles: readonly string[]; readonly variables: Readonly<Record<string, unknown>> },
  options: MapOptions,
  workers: number,
  poolOptions?: MapperPoolOptions,
): Promise<Result<MapResult>> {
  const specInput = { fs: new NodeFileSystem(), specFiles: input.specFiles, variables: input.variables };
  if (workers <= 1) return mapSpecWith(specInput, options);
  const pool = createNodeMapperPool(workers, poolOptions);
  try {
    const design = { id: `cli-${process.pid}-${++designCounter}`, specFiles: input.specFiles, variables: input.variables };
    pool.warm(design);
    return await mapSpecWith(specInput, { ...options, runJobs: pool.runner(design) });
  } finally {
    pool.close();
  }
}
