/** Builds a simple valid LoopTree for benchmarks: every tensor in the first memory, loops of tile 1. */
import type { EvaluatedSpec } from '../src/engine/evaluate/index.js';

export function unfusedMappingYaml(evaluated: EvaluatedSpec, backingMemory: string, compute: string): string {
  const tensors = [...new Set(evaluated.workload.einsums.flatMap((e) => e.tensors.map((t) => t.name)))];
  const lines = ['mapping:', '  nodes:', `  - !Storage {tensors: [${tensors.join(', ')}], component: ${backingMemory}}`, '  - !Sequential', '    nodes:'];
  for (const einsum of evaluated.workload.einsums) {
    lines.push('    - !Nested', '      nodes:');
    for (const variable of einsum.rankVariables) lines.push(`      - !Temporal {rank_variable: ${variable}, tile_shape: 1}`);
    lines.push(`      - !Compute {einsum: ${einsum.name}, component: ${compute}}`);
  }
  return `${lines.join('\n')}\n`;
}
