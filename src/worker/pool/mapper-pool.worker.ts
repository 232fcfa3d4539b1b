/** Browser entry of a mapper pool worker. */
import '../jitless-zod.js';
import * as Comlink from 'comlink';
import { createPoolWorkerApi } from './pool-worker-api.js';

Comlink.expose(createPoolWorkerApi());
