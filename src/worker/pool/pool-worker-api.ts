/** The engine side of a pool worker: evaluates a design once, then runs the template jobs it is sent. */
import * as Comlink from 'comlink';
import { MemoryFileSystem } from '../../engine/io/memory-file-system.js';
import type { FileSystem } from '../../engine/io/file-system.js';
import { runTemplateJob, TemplateMemo, type TemplateFront, type TemplateJob } from '../../engine/mapper/index.js';
import type { LatencyEvaluator } from '../../engine/model/index.js';
import { makeLatencyEvaluator } from '../../engine/pipeline/latency-expressions.js';
import { prepareSpec } from '../../engine/pipeline/prepare.js';
import type { DesignData, JobOutcome, LoadOutcome, PoolWorkerApi } from './pool-protocol.js';

function fileSystemOf(design: DesignData, diskFs: FileSystem | undefined): FileSystem | undefined {
  if (design.files) return new MemoryFileSystem({ ...design.files }, design.cwd ?? '/');
  return diskFs;
}

function transferFront(front: TemplateFront): JobOutcome {
  const outcome: JobOutcome = { ok: true, front };
  // A transfer list must not name a buffer twice (an empty front's arrays may share one).
  return Comlink.transfer(outcome, [...new Set([front.energy.buffer, front.latency.buffer, front.tiles.buffer])]);
}

/** `diskFs` serves designs sent without files (Node workers reading the same disk as the CLI). */
export function createPoolWorkerApi(diskFs?: FileSystem): PoolWorkerApi {
  // Only the latest design is kept: a pool maps one spec at a time.
  let loaded: { readonly id: string; readonly evaluateLatency: LatencyEvaluator; readonly memo: TemplateMemo } | undefined;
  return {
    load(design: DesignData): LoadOutcome {
      if (loaded?.id === design.id) return { ok: true };
      const fs = fileSystemOf(design, diskFs);
      if (!fs) return { ok: false, message: 'the design was sent without its files and this worker has no file system' };
      const prepared = prepareSpec({ fs, specFiles: design.specFiles, variables: design.variables });
      if (!prepared.ok) return { ok: false, message: prepared.errors.map((e) => e.message).join('; ') };
      loaded = { id: design.id, evaluateLatency: makeLatencyEvaluator(prepared.value.evaluated), memo: new TemplateMemo() };
      return { ok: true };
    },
    run(designId: string, job: TemplateJob): JobOutcome {
      if (loaded?.id !== designId) return { ok: false, message: `design ${designId} is not loaded in this worker` };
      try {
        return transferFront(runTemplateJob(job, { evaluateLatency: loaded.evaluateLatency, memo: loaded.memo }));
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
