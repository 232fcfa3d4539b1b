/** Node entry of a mapper pool worker (worker_threads; under tsx or built to mapper-pool-worker.mjs). */
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort, workerData } from 'node:worker_threads';
import { ConfinedFileSystem } from '../engine/io/confined-file-system.js';
import { createPoolWorkerApi } from '../worker/pool/pool-worker-api.js';
import type { NodeWorkerData } from './mapper-pool.js';
import { NodeFileSystem } from './node-file-system.js';

if (!parentPort) throw new Error('mapper-pool-worker.ts must run as a worker thread');
// The worker loads the spec again, includes and all, so it gets the same confinement as the CLI.
const { readRoots } = (workerData ?? {}) as NodeWorkerData;
const disk = new NodeFileSystem();
Comlink.expose(createPoolWorkerApi(readRoots ? new ConfinedFileSystem(disk, readRoots) : disk), nodeEndpoint(parentPort));
