/**
 * Sweep points on their own Web Workers, so a sweep uses every core. Only where `Worker` exists
 * (the engine worker, the page); Node and tests map points on the calling thread.
 */
import * as Comlink from 'comlink';
import { specError, type DesignFiles } from '../engine/index.js';
import type { SweepPointSpec } from '../engine/sweep/index.js';
import { inThreadRunner, type PointOutcome, type PointRunner } from './sweep-runner.js';
import { startModuleWorker } from './start-worker.js';
import sweepPointWorkerUrl from './sweep-point.worker.ts?worker&url';

interface PointWorkerApi {
  run(design: DesignFiles, spec: SweepPointSpec): PointOutcome;
}

interface Slot {
  readonly worker: Worker;
  readonly api: Comlink.Remote<PointWorkerApi>;
  /** Rejects when the worker dies, so a crashed point fails instead of hanging. */
  readonly died: Promise<never>;
}

/** Workers for this machine: one per core, at most four; one core means the calling thread. */
export function sweepWorkerCount(): number {
  if (typeof Worker === 'undefined') return 1;
  return Math.max(1, Math.min(4, globalThis.navigator?.hardwareConcurrency ?? 1));
}

/** A runner over `size` point workers (started on first use), or the in-thread runner when size is 1. */
export function createSweepRunner(size = sweepWorkerCount()): PointRunner {
  if (size <= 1 || typeof Worker === 'undefined') return inThreadRunner;
  const idle: Slot[] = [];
  const all: Slot[] = [];
  const spawn = (): Slot => {
    const worker = startModuleWorker(sweepPointWorkerUrl, 'accelforge-sweep-point');
    const died = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (event) => reject(new Error(event.message || 'a sweep point worker stopped')));
    });
    died.catch(() => undefined);
    const slot = { worker, api: Comlink.wrap<PointWorkerApi>(worker), died };
    all.push(slot);
    return slot;
  };
  return {
    size,
    async run(design, spec) {
      const slot = idle.pop() ?? spawn();
      try {
        const outcome = await Promise.race([slot.api.run(design, spec), slot.died]);
        idle.push(slot);
        return outcome;
      } catch (thrown) {
        // A dead worker is dropped; the next point starts a fresh one.
        slot.worker.terminate();
        all.splice(all.indexOf(slot), 1);
        return crashedPoint(spec, thrown);
      }
    },
    close() {
      for (const slot of all) slot.worker.terminate();
      all.length = 0;
      idle.length = 0;
    },
  };
}

function crashedPoint(spec: SweepPointSpec, thrown: unknown): PointOutcome {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return {
    point: {
      index: spec.index, knobs: spec.knobs, ok: false, metrics: null, mappingYaml: null, seconds: 0,
      errors: [specError('model', `the sweep point worker stopped: ${message}`, { hint: 'The point may need more memory than the browser allows; try a smaller workload.' })],
    },
    variables: spec.variables,
    fields: Object.fromEntries(spec.fields.map((f) => [f.path, f.value])),
    evaluation: null,
  };
}
