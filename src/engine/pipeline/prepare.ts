/**
 * The front half of every task: load the files, validate the tree, evaluate expressions
 * (including the tensor and rank-variable sets the mapper evaluates before its search).
 * Errors from any stage come back as SpecErrors positioned in the user's files.
 */
import { specError, SpecErrorException, type SpecError } from '../base/errors.js';
import { err, ok, type Result } from '../base/result.js';
import { evaluateSpec, type EvaluatedSpec, type LiteralTest } from '../evaluate/index.js';
import type { FileSystem } from '../io/file-system.js';
import { loadSpecFiles, type LoadedSpec } from '../spec/load/index.js';
import { validateSpec, type Spec } from '../spec/schema/index.js';
import { checkBeforeSearch } from './pre-search.js';

export interface SpecInput {
  readonly fs: FileSystem;
  readonly specFiles: readonly string[];
  /** Jinja variables. */
  readonly variables: Readonly<Record<string, unknown>>;
}

export interface PreparedSpec {
  readonly loaded: LoadedSpec;
  readonly spec: Spec;
  readonly evaluated: EvaluatedSpec;
  /** Quoted YAML strings in free-form dicts are literals. */
  readonly isLiteral: LiteralTest;
}

export function loadAndValidate(input: SpecInput): Result<{ loaded: LoadedSpec; spec: Spec }> {
  const loaded = loadSpecFiles([...input.specFiles], { fs: input.fs, jinjaData: { ...input.variables } });
  if (!loaded.ok) return loaded;
  const spec = validateSpec(loaded.value.root, loaded.value.sources);
  if (!spec.ok) return spec;
  return ok({ loaded: loaded.value, spec: spec.value });
}

export function prepareSpec(input: SpecInput): Result<PreparedSpec> {
  const validated = loadAndValidate(input);
  if (!validated.ok) return validated;
  const { loaded, spec } = validated.value;
  const isLiteral: LiteralTest = (dict, key) => loaded.sources.isQuoted(dict, key);
  return runStage(loaded, () => {
    const evaluated = evaluateSpec(spec, isLiteral);
    // Every task fails on the expressions the mapper would fail on, before any search.
    checkBeforeSearch(evaluated);
    return { loaded, spec, evaluated, isLiteral };
  });
}

/**
 * Runs a later stage; a SpecErrorException becomes a positioned SpecError and any other
 * exception an internal error, so the caller never sees a stack trace.
 */
export function runStage<T>(loaded: LoadedSpec, body: () => T): Result<T> {
  try {
    return ok(body());
  } catch (error) {
    return err(positionError(loaded, error));
  }
}

export function positionError(loaded: LoadedSpec, error: unknown): SpecError {
  if (error instanceof SpecErrorException) {
    const found = error.specError;
    if (found.pos) return found;
    const pos = loaded.sources.locate(loaded.root, found.path, error.valueOffset);
    return pos ? { ...found, pos } : found;
  }
  const message = error instanceof Error ? error.message : String(error);
  return specError('model', `internal error: ${message}`, {
    hint: 'This is a bug in AccelForge Web; please report it with the spec that caused it.',
  });
}
