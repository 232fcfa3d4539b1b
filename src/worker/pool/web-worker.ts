/** Browser pool workers: module Web Workers running the same engine code. */
import * as Comlink from 'comlink';
import { MapperPool, type MapperPoolOptions } from './mapper-pool.js';
import type { PoolWorker, PoolWorkerApi } from './pool-protocol.js';
import { startModuleWorker } from '../start-worker.js';
import poolWorkerUrl from './mapper-pool.worker.ts?worker&url';

/** Spawns one module Web Worker for the mapper pool. */
export function spawnWebPoolWorker(): PoolWorker {
  const worker = startModuleWorker(poolWorkerUrl, 'accelforge-mapper-pool');
  const died = new Promise<Error>((resolve) => {
    worker.addEventListener('error', (event) => resolve(new Error(event.message || 'worker error')));
  });
  return { api: Comlink.wrap<PoolWorkerApi>(worker), died, terminate: () => worker.terminate() };
}

/** A pool sized to the machine (navigator.hardwareConcurrency), at least one worker. */
export function createWebMapperPool(size = globalThis.navigator?.hardwareConcurrency ?? 2, options?: MapperPoolOptions): MapperPool {
  return new MapperPool(spawnWebPoolWorker, Math.max(1, size), options);
}
