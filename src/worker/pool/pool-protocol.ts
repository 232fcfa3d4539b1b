/** Messages between the mapper pool and its workers: plain data only (structured clone). */
import type { Remote } from 'comlink';
import type { TemplateFront, TemplateJob } from '../../engine/mapper/index.js';

/** One spec to map, as plain data. Without `files`, the worker reads from its own file system. */
export interface DesignData {
  readonly id: string;
  readonly specFiles: readonly string[];
  readonly variables: Readonly<Record<string, unknown>>;
  /** Path → text; the browser always sends these. */
  readonly files?: Readonly<Record<string, string>>;
  /** Working directory of relative paths in `files`. */
  readonly cwd?: string;
}

export type LoadOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string };
export type JobOutcome = { readonly ok: true; readonly front: TemplateFront } | { readonly ok: false; readonly message: string };

/** What every pool worker exposes over comlink. */
export interface PoolWorkerApi {
  /** Evaluates the spec once; later `run` calls with this design id reuse it. */
  load(design: DesignData): LoadOutcome;
  run(designId: string, job: TemplateJob): JobOutcome;
}

/** A live worker as the pool sees it, whatever the platform. */
export interface PoolWorker {
  readonly api: Remote<PoolWorkerApi>;
  /** Resolves with the reason when the worker dies unexpectedly (crash, exit). */
  readonly died: Promise<Error>;
  terminate(): void;
}

export type PoolWorkerFactory = () => PoolWorker;
