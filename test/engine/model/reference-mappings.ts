/**
 * The reconstructed optimal LoopTrees of docs/model.md §10.2–10.4 (one Sequential branch per matmul),
 * shared by the model tests and the whole-pipeline tests.
 */

/** docs/model.md §10.2: everything in MainMemory, the MAC fed directly (GlobalBuffer only adds writes). */
export function simpleBranch(i: number): string {
  return `
    - !Nested
      nodes:
      - !Storage {tensors: [T${i}, W${i}, T${i + 1}], component: MainMemory}
      - !Temporal {rank_variable: m, tile_shape: 1}
      - !Temporal {rank_variable: n${i}, tile_shape: 1}
      - !Temporal {rank_variable: n${i + 1}, tile_shape: 1}
      - !Compute {einsum: Matmul${i}, component: MAC}`;
}

/** docs/model.md §10.3's reconstructed mapping; `fused` backs T1 in the GlobalBuffer. */
export function tpuBranch(i: number, fused: boolean): string {
  const [input, weight, output] = [`T${i}`, `W${i}`, `T${i + 1}`];
  const offChip = fused ? [i === 0 ? input : output, weight] : [input, weight, output];
  const onChip = fused ? `\n      - !Storage {tensors: [T1], component: GlobalBuffer}` : '';
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

/** docs/model.md §10.4's reconstructed mapping; `fused` backs T1 in the GlobalBuffer. */
export function eyerissBranch(i: number, fused: boolean): string {
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


/** A `mapping:` section holding the branches in one Sequential. */
export function sequentialMapping(branches: readonly string[]): string {
  return `mapping:\n  nodes:\n  - !Sequential\n    nodes:${branches.join('')}\n`;
}

/** fused_matmuls_to_simple.yaml rendered with N_EINSUMS = 2. */
export const FUSED_MATMULS_TWO = `
mapping:
  nodes:
  - !Storage {tensors: [T0, T2, W0, W1], component: MainMemory}
  - !Storage {tensors: [W0, W1], component: GlobalBuffer}
  - !Temporal {rank_variable: m, tile_shape: 1}
  - !Storage {tensors: [T0, T2], component: GlobalBuffer}
  - !Storage {tensors: [T1], component: GlobalBuffer}
  - !Sequential
    nodes:
    - !Nested
      nodes:
      - !Temporal {rank_variable: n0, tile_shape: 1}
      - !Temporal {rank_variable: n1, tile_shape: 1}
      - !Compute {einsum: Matmul0, component: MAC}
    - !Nested
      nodes:
      - !Temporal {rank_variable: n1, tile_shape: 1}
      - !Temporal {rank_variable: n2, tile_shape: 1}
      - !Compute {einsum: Matmul1, component: MAC}
`;
