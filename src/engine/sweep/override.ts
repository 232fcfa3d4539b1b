/**
 * Load → override numeric fields on the raw tree → validate → evaluate. The overridden sections
 * are also printed into an overlay file listed first, so later stages that take a SpecInput
 * (the mapper) see the same tree: the first file defining a top-level key wins.
 */
import { err, ok, type Result } from '../base/result.js';
import { SpecErrorException } from '../base/errors.js';
import { evaluateSpec, type LiteralTest } from '../evaluate/index.js';
import { dirname, joinPath } from '../io/paths.js';
import { positionError, runStage, type PreparedSpec, type SpecInput } from '../pipeline/prepare.js';
import { loadSpecFiles } from '../spec/load/index.js';
import { validateSpec } from '../spec/schema/index.js';
import { parseFieldPath, setField } from './field-path.js';
import { OverlayFileSystem } from './overlay-file-system.js';
import { printRawSections } from './raw-yaml.js';

/** One numeric spec field set by path, e.g. `{path: 'arch.nodes[name=GlobalBuffer].size', value: 8192}`. */
export interface FieldOverride {
  readonly path: string;
  readonly value: number;
}

export interface OverriddenSpec {
  readonly prepared: PreparedSpec;
  /** The same spec with the overrides, as input for stages that load it again (mapSpec). */
  readonly input: SpecInput;
}

const OVERLAY_NAME = '.accelforge-sweep-override.yaml';

/** Prepares a spec with field overrides applied between loading and validation. */
export function prepareWithOverrides(input: SpecInput, overrides: readonly FieldOverride[]): Result<OverriddenSpec> {
  const loaded = loadSpecFiles([...input.specFiles], { fs: input.fs, jinjaData: { ...input.variables } });
  if (!loaded.ok) return loaded;
  const { root, sources, files } = loaded.value;
  const touched = new Set<string>();
  try {
    for (const o of overrides) touched.add(String(setField(root, parseFieldPath(o.path), o.value, o.path)[0]));
  } catch (error) {
    if (error instanceof SpecErrorException) return err(positionError(loaded.value, error));
    throw error;
  }
  const spec = validateSpec(root, sources);
  if (!spec.ok) return spec;
  const isLiteral: LiteralTest = (dict, key) => sources.isQuoted(dict, key);
  const evaluated = runStage(loaded.value, () => evaluateSpec(spec.value, isLiteral));
  if (!evaluated.ok) return evaluated;
  const prepared: PreparedSpec = { loaded: loaded.value, spec: spec.value, evaluated: evaluated.value, isLiteral };
  if (touched.size === 0) return ok({ prepared, input });
  const overlayPath = joinPath(dirname(files[0] ?? input.fs.cwd()), OVERLAY_NAME);
  const overlay = new OverlayFileSystem(input.fs, { [overlayPath]: printRawSections(root, [...touched], sources) });
  return ok({ prepared, input: { ...input, fs: overlay, specFiles: [overlayPath, ...files] } });
}
