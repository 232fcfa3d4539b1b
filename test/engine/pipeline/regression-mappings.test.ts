/**
 * The reconstructed optimal mappings of docs/model.md §10.2–10.4, evaluated through the whole
 * pipeline on our example library's arch files, against AccelForge's regression figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { evaluateSpecMapping, MemoryFileSystem, type ModelResult } from '../../../src/engine/index.js';
import { expectMatchesRegression, regressionEntry } from '../model/regression.js';
import { eyerissBranch, sequentialMapping as sequential, simpleBranch, tpuBranch } from '../model/reference-mappings.js';

const EXAMPLES = join(import.meta.dirname, '../../../src/examples');
const read = (path: string): string => readFileSync(join(EXAMPLES, path), 'utf8');

function evaluate(arch: string, mapping: string): ModelResult {
  const fs = new MemoryFileSystem({
    '/arch.yaml': read(`arches/${arch}.yaml`),
    '/workload.yaml': read('workloads/basic/matmuls.yaml'),
    '/mapping.yaml': mapping,
  });
  const result = evaluateSpecMapping({
    fs,
    specFiles: ['/arch.yaml', '/workload.yaml', '/mapping.yaml'],
    variables: { N_EINSUMS: 2, M: 64, KN: 64 },
  });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value.result;
}

const KEY = 'matmuls|KN=64,M=64,N_EINSUMS=2';

describe('regression mappings through the pipeline (spec files → evaluate)', () => {
  it.each(['fused', 'unfused'])('simple|%s', (variant) => {
    expectMatchesRegression(evaluate('simple', sequential([simpleBranch(0), simpleBranch(1)])), regressionEntry(`simple|${KEY}|${variant}`));
  });

  it.each([true, false])('tpu_v4i, fused=%s', (fused) => {
    const result = evaluate('tpu_v4i', sequential([tpuBranch(0, fused), tpuBranch(1, fused)]));
    expectMatchesRegression(result, regressionEntry(`tpu_v4i|${KEY}|${fused ? 'fused' : 'unfused'}`));
  });

  it.each([true, false])('eyeriss (component models), fused=%s', (fused) => {
    const result = evaluate('eyeriss', sequential([eyerissBranch(0, fused), eyerissBranch(1, fused)]));
    expectMatchesRegression(result, regressionEntry(`eyeriss|${KEY}|${fused ? 'fused' : 'unfused'}`));
  });
});
