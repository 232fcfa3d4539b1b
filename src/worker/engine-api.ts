/**
 * The EngineApi implemented by direct calls into the engine. Runs inside the worker and in tests.
 * Any exception becomes a SpecError so a broken stage cannot take the UI down.
 */
import { checkDesign, type CheckResult, type DesignFiles } from '../engine/index.js';
import { specError, SpecErrorException, type SpecError } from '../engine/base/errors.js';
import type { EngineApi } from './protocol.js';

export type CheckDesignFn = (design: DesignFiles) => CheckResult | Promise<CheckResult>;

export interface EngineFunctions {
  readonly checkDesign?: CheckDesignFn;
}

export const CHECK_UNAVAILABLE = 'engine check not available yet';

/** The engine functions this build ships. */
export function findEngineFunctions(): EngineFunctions {
  return { checkDesign };
}

function emptyCheck(errors: readonly SpecError[]): CheckResult {
  return { errors, einsums: [], archPaths: [] };
}

function toSpecError(thrown: unknown): SpecError {
  if (thrown instanceof SpecErrorException) return thrown.specError;
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return specError('model', `internal engine error: ${message}`, {
    hint: 'This is a bug in AccelForge Web; please report it with a share link.',
  });
}

export function createEngineApi(engine: EngineFunctions = findEngineFunctions()): EngineApi {
  return {
    async checkDesign(design) {
      if (engine.checkDesign === undefined) {
        return emptyCheck([
          specError('model', CHECK_UNAVAILABLE, { hint: 'Spec checking arrives with the engine.' }),
        ]);
      }
      try {
        return await engine.checkDesign(design);
      } catch (thrown) {
        return emptyCheck([toSpecError(thrown)]);
      }
    },
  };
}
