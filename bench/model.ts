/** Model evaluations per second, and the time from an edit to updated results. */
import { join } from 'node:path';
import { NodeFileSystem } from '../src/cli/node-file-system.js';
import { createDefaultRegistry } from '../src/engine/components/index.js';
import { evaluateSpecMapping, MemoryFileSystem, prepareSpec } from '../src/engine/index.js';
import { evaluateMapping } from '../src/engine/model/index.js';
import { buildModelInput } from '../src/engine/pipeline/model-input.js';
import { loadAndValidate } from '../src/engine/pipeline/prepare.js';
import { unfusedMappingYaml } from './unfused-mapping.js';
import type { BenchRow } from './report.js';

const EXAMPLES = join(import.meta.dirname, '../src/examples');
const GPT3 = { BATCH_SIZE: 1, DECODE: false, N_NEW_TOKENS: 2048 };

function timeIt(iterations: number, body: () => void): number {
  body();
  const start = performance.now();
  for (let i = 0; i < iterations; i++) body();
  return (performance.now() - start) / iterations;
}

/** One full model evaluation of a GPT-3 6.7B layer (10 Einsums) on the simple arch. */
export function benchModelEvaluation(): BenchRow[] {
  const files = ['arches/simple.yaml', 'workloads/transformers/gpt/gpt3_6.7B.yaml'].map((f) => join(EXAMPLES, f));
  const prepared = prepareSpec({ fs: new NodeFileSystem(), specFiles: files, variables: GPT3 });
  if (!prepared.ok) throw new Error(prepared.errors[0]!.message);
  const mappingText = unfusedMappingYaml(prepared.value.evaluated, 'MainMemory', 'MAC');
  const fs = new MemoryFileSystem({ '/mapping.yaml': mappingText });
  const mapping = loadAndValidate({ fs, specFiles: ['/mapping.yaml'], variables: {} });
  if (!mapping.ok) throw new Error(mapping.errors[0]!.message);
  const input = buildModelInput(prepared.value.evaluated, mapping.value.spec.mapping, createDefaultRegistry());
  const ms = timeIt(200, () => {
    const result = evaluateMapping(input);
    if (!result.ok) throw new Error(result.errors[0]!.message);
  });
  return [{ bench: 'model', case: 'gpt3_6.7B prefill layer on simple (10 Einsums)', metric: 'ms per full evaluation', value: ms, goal: '< 5' },
    { bench: 'model', case: 'gpt3_6.7B prefill layer on simple (10 Einsums)', metric: 'evaluations per second', value: 1000 / ms, goal: '> 200' }];
}

/** Load + validate + evaluate of the simple examples, as after an edit in the explorer. */
export function benchEditToResult(): BenchRow[] {
  const read = new NodeFileSystem();
  const texts = {
    '/arch.yaml': read.readText(join(EXAMPLES, 'arches/simple.yaml')),
    '/workload.yaml': read.readText(join(EXAMPLES, 'workloads/basic/matmuls.yaml')),
    '/mapping.yaml': read.readText(join(EXAMPLES, 'mappings/unfused_matmuls_to_simple.yaml')),
  };
  const ms = timeIt(50, () => {
    const result = evaluateSpecMapping({
      fs: new MemoryFileSystem(texts),
      specFiles: Object.keys(texts),
      variables: { N_EINSUMS: 2, M: 64, KN: 64 },
    });
    if (!result.ok) throw new Error(result.errors[0]!.message);
  });
  return [{ bench: 'explorer', case: 'simple + matmuls (N_EINSUMS=2) + unfused mapping', metric: 'ms from edit to evaluated result', value: ms, goal: '< 200' }];
}
