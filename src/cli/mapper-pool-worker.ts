/** Node entry of a mapper pool worker (worker_threads, run under tsx). */
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import { createPoolWorkerApi } from '../worker/pool/pool-worker-api.js';
import { NodeFileSystem } from './node-file-system.js';

if (!parentPort) throw new Error('mapper-pool-worker.ts must run as a worker thread');
Comlink.expose(createPoolWorkerApi(new NodeFileSystem()), nodeEndpoint(parentPort));
