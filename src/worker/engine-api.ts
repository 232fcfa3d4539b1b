/**
 * The EngineApi implemented by direct calls into the engine. Runs inside the worker and in tests.
 * Any exception becomes a SpecError so a broken stage cannot take the UI down.
 */
import {
  checkDesign,
  completeAt,
  convertTimeloopResult,
  evaluateDesign,
  evaluatePoint,
  hoverAt,
  namesFromCheck,
  type CheckResult,
  type DesignFiles,
  type EvaluateDesignResult,
  type MapDesignResult,
} from '../engine/index.js';
import { specError, SpecErrorException, type SpecError } from '../engine/base/errors.js';
import * as Comlink from 'comlink';
import type { AssistQuery, EngineApi, MapRunListener, TimeloopImport } from './protocol.js';
import { mapDesignOnPool } from './map-on-pool.js';
import type { AssistRequest, TimeloopFile } from '../engine/index.js';
import { runDesignSweep } from './sweep-runner.js';
import { createSweepRunner } from './sweep-workers.js';
import type { SweepListener, SweepRequest, SweepSummary } from './sweep-protocol.js';

export type CheckDesignFn = (design: DesignFiles) => CheckResult | Promise<CheckResult>;
export type EvaluateDesignFn = (design: DesignFiles) => EvaluateDesignResult | Promise<EvaluateDesignResult>;

export interface EngineFunctions {
  readonly checkDesign?: CheckDesignFn;
  readonly evaluateDesign?: EvaluateDesignFn;
}

export const CHECK_UNAVAILABLE = 'engine check not available yet';
export const EVALUATE_UNAVAILABLE = 'engine evaluation not available yet';

/** The engine functions this build ships. */
export function findEngineFunctions(): EngineFunctions {
  return { checkDesign, evaluateDesign };
}

function emptyCheck(errors: readonly SpecError[]): CheckResult {
  return { errors, einsums: [], archPaths: [] };
}

function failedEvaluation(errors: readonly SpecError[]): EvaluateDesignResult {
  return { errors, evaluation: null, noMapping: false };
}

function failedMapping(errors: readonly SpecError[]): MapDesignResult {
  return { errors, evaluation: null, pareto: [], front: [], bestIndex: -1, stats: null };
}

function toSpecError(thrown: unknown): SpecError {
  if (thrown instanceof SpecErrorException) return thrown.specError;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return specError('model', `internal engine error: ${message}`, {
    hint: 'This is a bug in AccelForge Web; please report it with a share link.',
  });
}

/** Runs `fn`, or reports it missing; exceptions become SpecErrors in the task's result shape. */
async function guarded<T>(
  fn: ((design: DesignFiles) => T | Promise<T>) | undefined,
  design: DesignFiles,
  missing: string,
  fail: (errors: readonly SpecError[]) => T,
): Promise<T> {
  if (fn === undefined) return fail([specError('model', missing, { hint: 'This task arrives with the engine.' })]);
  try {
    return await fn(design);
  } catch (thrown) {
    return fail([toSpecError(thrown)]);
  }
}

export function createEngineApi(engine: EngineFunctions = findEngineFunctions()): EngineApi {
  return {
    checkDesign: (design) => guarded(engine.checkDesign, design, CHECK_UNAVAILABLE, emptyCheck),
    evaluateDesign: (design) => guarded(engine.evaluateDesign, design, EVALUATE_UNAVAILABLE, failedEvaluation),
    mapDesign: (design, options, onEvent) =>
      guarded((d: DesignFiles) => mapDesignOnPool(d, options, onEvent && quietListener(onEvent)), design, EVALUATE_UNAVAILABLE, failedMapping).finally(() => releaseListener(onEvent)),
    evaluatePoint: (design, mappingYaml) => guarded((d: DesignFiles) => evaluatePoint(d, mappingYaml), design, EVALUATE_UNAVAILABLE, failedEvaluation),
    hover: async (query) => quietly(() => hoverAt(assistRequest(query)), null),
    complete: async (query) => quietly(() => completeAt(assistRequest(query)), { from: query.col, items: [] }),
    convertTimeloop: async (files) => importTimeloop(files),
    runSweep: (request, onEvent) => sweepGuarded(request, onEvent),
  };
}

/**
 * Progress is best effort: a listener that throws (or a page that went away) must not stop the
 * mapper. Over comlink the call returns a promise; its rejection is dropped too.
 */
function quietListener(listener: MapRunListener): MapRunListener {
  return (event) => {
    try {
      const answer: unknown = listener(event);
      if (answer instanceof Promise) answer.catch(() => undefined);
    } catch {
      // ignored: see above
    }
  };
}

/** A listener that came over comlink holds a message port open until it is released. */
function releaseListener(listener: unknown): void {
  if (typeof listener !== 'function') return;
  try {
    const release: unknown = (listener as unknown as Record<symbol, unknown>)[Comlink.releaseProxy];
    if (typeof release === 'function') void Promise.resolve(release.call(listener)).catch(() => undefined);
  } catch {
    // a plain function in-process: nothing to release
  }
}

function assistRequest(query: AssistQuery): AssistRequest {
  const { text, line, col, check } = query;
  return check === undefined ? { text, line, col } : { text, line, col, names: namesFromCheck(check) };
}

/** Editor help is best effort: a failure means no hover, never an error in the user's face. */
function quietly<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

function importTimeloop(files: readonly TimeloopFile[]): TimeloopImport {
  try {
    const result = convertTimeloopResult(files);
    if (!result.ok) return { errors: result.errors, yaml: null, report: null };
    return { errors: [], yaml: result.value.yaml, report: result.value.report };
  } catch (thrown) {
    return { errors: [toSpecError(thrown)], yaml: null, report: null };
  }
}

/** A sweep that throws still answers with a SpecError (points already streamed stay shown). */
async function sweepGuarded(request: SweepRequest, onEvent: SweepListener): Promise<SweepSummary> {
  try {
    return await runDesignSweep(request, onEvent, createSweepRunner());
  } catch (thrown) {
    return { errors: [toSpecError(thrown)], done: 0, total: 0, stopped: false };
  }
}
