/**
 * The EngineApi implemented by direct calls into the engine. Runs inside the worker and in tests.
 * Any exception becomes a SpecError so a broken stage cannot take the UI down.
 */
import {
  checkDesign,
  completeAt,
  convertTimeloopResult,
  evaluateDesign,
  hoverAt,
  mapDesign,
  namesFromCheck,
  type CheckResult,
  type DesignFiles,
  type EvaluateDesignResult,
  type MapDesignResult,
} from '../engine/index.js';
import { specError, SpecErrorException, type SpecError } from '../engine/base/errors.js';
import type { AssistQuery, EngineApi, TimeloopImport } from './protocol.js';
import type { AssistRequest, TimeloopFile } from '../engine/index.js';

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
  return { errors, evaluation: null, pareto: [], stats: null };
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
    mapDesign: (design, options) => guarded((d: DesignFiles) => mapDesign(d, options), design, EVALUATE_UNAVAILABLE, failedMapping),
    hover: async (query) => quietly(() => hoverAt(assistRequest(query)), null),
    complete: async (query) => quietly(() => completeAt(assistRequest(query)), { from: query.col, items: [] }),
    convertTimeloop: async (files) => importTimeloop(files),
  };
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
