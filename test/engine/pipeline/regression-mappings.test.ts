/**
 * The reconstructed optimal mappings of model.md §10.2–10.3, evaluated through the whole
 * pipeline on our example library's arch files, against AccelForge's regression figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { evaluateSpecMapping, MemoryFileSystem, type ModelResult } from '../../../src/engine/index.js';
import { expectMatchesRegression, regressionEntry } from '../model/regression.js';

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

const sequential = (branches: string[]): string => `mapping:\n  nodes:\n  - !Sequential\n    nodes:${branches.join('')}\n`;

/** §10.2: everything in MainMemory, the MAC fed directly (GlobalBuffer only adds writes). */
function simpleBranch(i: number): string {
  return `
    - !Nested
      nodes:
      - !Storage {tensors: [T${i}, W${i}, T${i + 1}], component: MainMemory}
      - !Temporal {rank_variable: m, tile_shape: 1}
      - !Temporal {rank_variable: n${i}, tile_shape: 1}
      - !Temporal {rank_variable: n${i + 1}, tile_shape: 1}
      - !Compute {einsum: Matmul${i}, component: MAC}`;
}

/** §10.3: weights through GlobalBuffer to the registers; activations in LocalBuffer. */
function tpuBranch(i: number, fused: boolean): string {
  const [input, weight, output] = [`T${i}`, `W${i}`, `T${i + 1}`];
  const offChip = fused ? [i === 0 ? input : output, weight] : [input, weight, output];
  const onChip = fused ? '\n      - !Storage {tensors: [T1], component: GlobalBuffer}' : '';
  return `
    - !Nested
      nodes:
      - !Storage {tensors: [${offChip.join(', ')}], component: MainMemory}${onChip}
      - !Storage {tensors: [${weight}], component: GlobalBuffer}
      - !Spatial {rank_variable: m, tile_shape: 16, name: Z, component: LocalBuffer}
      - !Storage {tensors: [${input}], component: LocalBuffer}
      - !Storage {tensors: [${output}], component: LocalBuffer}
      - !Spatial {rank_variable: n${i + 1}, tile_shape: 1, name: reuse_input, component: ProcessingElement}
      - !Spatial {rank_variable: n${i}, tile_shape: 1, name: reuse_output, component: ProcessingElement}
      - !Storage {tensors: [${weight}], component: Register}
      - !Temporal {rank_variable: m, tile_shape: 1}
      - !Compute {einsum: Matmul${i}, component: MAC}`;
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
});
