/** A mapper run's live progress, folded from the worker's events: counts per Einsum, join steps, the newest front. */
import type { MapRunEvent } from '../../../worker/protocol.js';

export interface EinsumProgress {
  readonly einsum: string;
  readonly templates: number;
  /** Templates whose tile-shape search finished. */
  readonly done: number;
  readonly evaluated: number;
  /** Pmappings kept on the templates' Pareto fronts. */
  readonly kept: number;
  /** Tile-shape choices dropped (loop bounds, fused-loop limits, min usage, capacity, Pareto). */
  readonly pruned: number;
  /** Size of the Einsum's Pareto front once it is known. */
  readonly front: number | null;
}

/** The newest front the mapper reported; points of a partial front are provisional. */
export interface LiveFront {
  readonly label: string;
  readonly points: readonly { readonly energy: number; readonly latency: number }[];
  readonly final: boolean;
}

/** One mapper worker of the run's pool: what it is searching now and how many templates it finished. */
export interface WorkerProgress {
  /** The Einsum and template it is on; null while idle. */
  readonly einsum: string | null;
  readonly jobId: number | null;
  readonly done: number;
}

export interface MapProgress {
  readonly einsums: readonly EinsumProgress[];
  /** The run's mapper workers (one entry when the engine worker maps alone). */
  readonly workers: readonly WorkerProgress[];
  /** Join steps done (an Einsum joined onto the ones before it). */
  readonly joinSteps: number;
  readonly live: LiveFront | null;
  /** Set on every event; lets views tell a fresh run from a stalled one. */
  readonly events: number;
}

export const EMPTY_PROGRESS: MapProgress = { einsums: [], workers: [], joinSteps: 0, live: null, events: 0 };

function updateEinsum(progress: MapProgress, einsum: string, change: (e: EinsumProgress) => EinsumProgress): readonly EinsumProgress[] {
  const found = progress.einsums.some((e) => e.einsum === einsum);
  const base: EinsumProgress = { einsum, templates: 0, done: 0, evaluated: 0, kept: 0, pruned: 0, front: null };
  return found ? progress.einsums.map((e) => (e.einsum === einsum ? change(e) : e)) : [...progress.einsums, change(base)];
}

/** The progress after one event. */
export function applyMapEvent(progress: MapProgress, event: MapRunEvent): MapProgress {
  const next = { ...progress, events: progress.events + 1 };
  switch (event.type) {
    case 'workers':
      return { ...next, workers: Array.from({ length: event.workers }, () => ({ einsum: null, jobId: null, done: 0 })) };
    case 'worker':
      return { ...next, workers: progress.workers.map((w, i) => (i === event.worker ? workerAfter(w, event.einsum, event.jobId) : w)) };
    case 'templates':
      return { ...next, einsums: updateEinsum(progress, event.einsum, (e) => ({ ...e, templates: event.count })) };
    case 'template-done':
      return {
        ...next,
        einsums: updateEinsum(progress, event.einsum, (e) => ({
          ...e,
          done: e.done + 1,
          evaluated: e.evaluated + event.evaluated,
          kept: e.kept + event.kept,
          pruned: e.pruned + Object.values(event.pruned).reduce((a, b) => a + b, 0),
        })),
      };
    case 'einsum-front':
      return {
        ...next,
        einsums: updateEinsum(progress, event.einsum, (e) => ({ ...e, front: event.front.length })),
        live: { label: `${event.einsum} alone`, points: event.front, final: false },
      };
    case 'join-step':
      return { ...next, joinSteps: event.step, live: { label: `Einsums up to ${event.einsum} joined`, points: event.front, final: false } };
    case 'final':
      return { ...next, live: { label: 'final front', points: event.front, final: true } };
  }
}

/** A worker going idle (einsum null) has finished the template it was on. */
function workerAfter(worker: WorkerProgress, einsum: string | null, jobId: number | null): WorkerProgress {
  return einsum === null ? { einsum: null, jobId: null, done: worker.done + 1 } : { ...worker, einsum, jobId };
}

function sum(progress: MapProgress, pick: (e: EinsumProgress) => number): number {
  return progress.einsums.reduce((total, e) => total + pick(e), 0);
}

/** Finished templates over all templates known so far, or null before any is known. */
export function progressFraction(progress: MapProgress): number | null {
  const templates = sum(progress, (e) => e.templates);
  return templates === 0 ? null : sum(progress, (e) => e.done) / templates;
}

/** Join steps a run of these Einsums makes (one per Einsum after the first). */
export function joinTotal(progress: MapProgress): number {
  return Math.max(0, progress.einsums.length - 1);
}

/** One line for the status bar: templates, evaluated and kept pmappings, join steps. */
export function progressSummary(progress: MapProgress): string {
  const templates = sum(progress, (e) => e.templates);
  const parts = [
    `${sum(progress, (e) => e.done)}/${templates} templates`,
    `${compactCount(sum(progress, (e) => e.evaluated))} evaluated`,
    `${compactCount(sum(progress, (e) => e.kept))} kept`,
  ];
  if (progress.einsums.length > 1) parts.push(`join ${progress.joinSteps}/${joinTotal(progress)}`);
  return parts.join(' · ');
}

/** 1234 → "1.2k", 2500000 → "2.5M". */
export function compactCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1e6) return `${(n / 1e3).toFixed(1)}k`;
  return `${(n / 1e6).toFixed(1)}M`;
}
