/** `evaluate`: run the analytical model on the spec's own mapping. */
import { failWith } from '../base/errors.js';
import type { Result } from '../base/result.js';
import { createDefaultRegistry, type ComponentModelRegistry } from '../components/index.js';
import { evaluateMapping, type ModelResult } from '../model/index.js';
import { buildModelInput } from './model-input.js';
import { prepareSpec, runStage, type PreparedSpec, type SpecInput } from './prepare.js';

export interface EvaluateOptions {
  /** Component models; the built-in ones by default. */
  readonly registry?: ComponentModelRegistry;
}

export interface Evaluation {
  readonly prepared: PreparedSpec;
  readonly result: ModelResult;
}

export function evaluateSpecMapping(input: SpecInput, options: EvaluateOptions = {}): Result<Evaluation> {
  const prepared = prepareSpec(input);
  if (!prepared.ok) return prepared;
  const { loaded, spec, evaluated } = prepared.value;
  const registry = options.registry ?? createDefaultRegistry();
  const modelInput = runStage(loaded, () => {
    if (spec.mapping.nodes.length === 0) {
      failWith('mapping', 'The spec has no mapping to evaluate.', {
        path: ['mapping'],
        hint: 'Add a `mapping:` section (a LoopTree), or run `map` to let the mapper find one.',
      });
    }
    return buildModelInput(evaluated, spec.mapping, registry);
  });
  if (!modelInput.ok) return modelInput;
  const model = evaluateMapping(modelInput.value);
  if (!model.ok) return { ok: false, errors: model.errors.map((e) => (e.pos ? e : { ...e, ...locate(prepared.value, e.path) })) };
  return { ok: true, value: { prepared: prepared.value, result: model.value } };
}

function locate(prepared: PreparedSpec, path: readonly (string | number)[]): { pos?: ReturnType<PreparedSpec['loaded']['sources']['locate']> } {
  const pos = prepared.loaded.sources.locate(prepared.loaded.root, path);
  return pos ? { pos } : {};
}
