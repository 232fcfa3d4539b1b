/** The mapper worker pool: parallel template jobs on Web Workers (browser) or worker_threads (Node). */
export { MapperPool, type MapperPoolOptions } from './mapper-pool.js';
export { createPoolWorkerApi } from './pool-worker-api.js';
export type { DesignData, JobOutcome, LoadOutcome, PoolWorker, PoolWorkerApi, PoolWorkerFactory } from './pool-protocol.js';
