/**
 * The reconstructed optimal mappings of model.md §10.2–10.4, evaluated through the whole
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

/** model.md §10.4's reconstructed mapping; `fused` backs T1 in the GlobalBuffer. */
function eyerissBranch(i: number, fused: boolean): string {
  const [input, weight, output] = [`T${i}`, `W${i}`, `T${i + 1}`];
  const offChip = fused ? [i === 0 ? input : output, weight] : [input, weight, output];
  const onChip = fused ? `\n      - !Storage {tensors: [T1], component: GlobalBuffer}` : '';
  return `
    - !Nested
      nodes:
      - !Storage {tensors: [${offChip.join(', ')}], component: MainMemory}${onChip}
      - !Storage {tensors: [${weight}], component: GlobalBuffer}
      - !Spatial {rank_variable: m, tile_shape: 8, name: reuse_weight, component: ProcessingElement}
      - !Spatial {rank_variable: n${i}, tile_shape: 8, name: reuse_output, component: ProcessingElement}${
        fused && i === 0 ? partialSumLoops() : perPeLoops(i)
      }
      - !Compute {einsum: Matmul${i}, component: MAC}`;
}

function perPeLoops(i: number): string {
  return `
      - !Temporal {rank_variable: m, tile_shape: 2}
      - !Storage {tensors: [T${i}], component: InputScratchpad}
      - !Temporal {rank_variable: n${i + 1}, tile_shape: 32}
      - !Storage {tensors: [W${i}], component: WeightScratchpad}
      - !Storage {tensors: [T${i + 1}], component: OutputScratchpad}
      - !Temporal {rank_variable: m, tile_shape: 1}
      - !Temporal {rank_variable: n${i + 1}, tile_shape: 1}
      - !Temporal {rank_variable: n${i}, tile_shape: 1}`;
}

/**
 * [inferred from the fused regression counts] Matmul0 splits n0 by 2 above the output
 * scratchpad: T1 partial sums go back to the GlobalBuffer twice, W0 is fetched twice.
 */
function partialSumLoops(): string {
  return `
      - !Temporal {rank_variable: m, tile_shape: 4}
      - !Temporal {rank_variable: n0, tile_shape: 4}
      - !Storage {tensors: [T0], component: InputScratchpad}
      - !Storage {tensors: [W0], component: WeightScratchpad}
      - !Storage {tensors: [T1], component: OutputScratchpad}
      - !Temporal {rank_variable: m, tile_shape: 1}
      - !Temporal {rank_variable: n1, tile_shape: 1}
      - !Temporal {rank_variable: n0, tile_shape: 1}`;
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
