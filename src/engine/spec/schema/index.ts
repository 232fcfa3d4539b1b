/** Schema validation of a raw spec tree: RawMap → typed, defaulted, unevaluated Spec. */
import { specError, type SpecError } from '../../base/errors.js';
import { err, ok, type Result } from '../../base/result.js';
import type { RawMap } from '../raw.js';
import type { SourceIndex } from '../source-index.js';
import { convertIssues } from './issues.js';
import { SpecSchema, type Spec } from './spec.js';

export { SpecSchema, type Spec } from './spec.js';
export type { Arch, ArchNode, Leaf } from './arch.js';
export type { Memory, Toll, Compute, Network, Container } from './components.js';
export type { Action, TensorHolderAction } from './actions.js';
export type { Spatial, Tensors, Comparison } from './spatial.js';
export type { Workload } from './workload.js';
export type { Einsum } from './einsum.js';
export type { TensorAccess } from './tensor-access.js';
export type { Rename, Renames } from './renames.js';
export type { Mapper } from './mapper.js';
export type { Model, Config } from './model-config.js';
export { parseConciseEinsum, type ConciseEinsum } from './einsum-string.js';
export { describeField, type FieldDescription, type FieldDoc } from './walk.js';

export interface ValidateOptions {
  /**
   * Drop top-level keys that are not Spec sections instead of reporting them (for files that
   * keep YAML anchor libraries at the top level, which AccelForge loads section by section).
   */
  ignoreUnknownTopLevelKeys?: boolean;
}

/** Validates and normalises a raw spec; every problem becomes a SpecError with a position. */
export function validateSpec(root: RawMap, sources: SourceIndex, options: ValidateOptions = {}): Result<Spec> {
  try {
    const input = options.ignoreUnknownTopLevelKeys ? onlySpecSections(root) : root;
    const result = SpecSchema.safeParse(input);
    if (result.success) return ok(result.data);
    const errors = convertIssues(root, sources, result.error.issues);
    return errors.length > 0 ? err(...errors) : err(internalError('the spec is invalid'));
  } catch (e) {
    return err(internalError(e instanceof Error ? e.message : String(e)));
  }
}

function onlySpecSections(root: RawMap): RawMap {
  const sections = new Set(Object.keys(SpecSchema.shape));
  return Object.fromEntries(Object.entries(root).filter(([key]) => sections.has(key)));
}

function internalError(detail: string): SpecError {
  return specError('schema', `internal error while validating the spec: ${detail}`, {
    hint: 'this is a bug in AccelForge Web; please report it with your spec',
  });
}
