/** Test helpers: validate a raw tree or YAML text and unwrap the result. */
import { expect } from 'vitest';
import type { SpecError } from '../../../../src/engine/base/errors.js';
import type { RawMap } from '../../../../src/engine/spec/raw.js';
import { SourceIndex } from '../../../../src/engine/spec/source-index.js';
import { validateSpec, type Spec } from '../../../../src/engine/spec/schema/index.js';
import { parseYamlToRaw } from './yaml-raw.js';

/** Validates a raw tree that must be valid. */
export function validSpec(root: RawMap): Spec {
  const result = validateSpec(root, new SourceIndex());
  if (!result.ok) expect.fail(result.errors.map((e) => e.message).join('\n'));
  return result.value;
}

/** Validates YAML text that must be invalid; returns its errors. */
export function yamlErrors(text: string, file = 'spec.yaml'): readonly SpecError[] {
  const { root, sources } = parseYamlToRaw(text, file);
  const result = validateSpec(root, sources);
  if (result.ok) return expect.fail('expected validation errors');
  return result.errors;
}

/** Validates a raw tree that must be invalid; returns its errors. */
export function rawErrors(root: RawMap): readonly SpecError[] {
  const result = validateSpec(root, new SourceIndex());
  if (result.ok) return expect.fail('expected validation errors');
  return result.errors;
}
