import { describe, expect, it } from 'vitest';
import { evaluateMapping, parseMapping } from '../../../src/engine/model/index.js';
import { rawFromYaml } from '../../../src/engine/model/mapping-yaml.js';
import type { ModelEinsum } from '../../../src/engine/model/types.js';
import { compute, dim, mappingOf, matmul, memory, simpleArch } from './builders.js';

const UNFUSED_ONE = (extra = '', loops = ['m', 'n0', 'n1']) => `
mapping:
  nodes:
  - !Storage {tensors: [T0, W0, T1], component: MainMemory}
  - !Storage {tensors: [T0, W0, T1${extra}], component: GlobalBuffer}
${loops.map((v) => `  - !Temporal {rank_variable: ${v}, tile_shape: 1}`).join('\n')}
  - !Compute {einsum: Matmul0, component: MAC}
`;

function firstError(einsums: ModelEinsum[], yaml: string) {
  const result = evaluateMapping({ einsums, mapping: mappingOf(yaml) });
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  return result.errors[0]!;
}

describe('invalid mappings', () => {
  const einsum = matmul(0, 64, 32, simpleArch({ gbSize: 1e5 }));

  it('reports a rank variable without a tile_shape-1 loop (test_matmul_to_simple)', () => {
    const error = firstError([einsum], UNFUSED_ONE('', ['n0', 'n1']));
    expect(error.kind).toBe('mapping');
    expect(error.message).toBe('missing loop with tile_shape 1 for rank variables {m}');
    expect(error.path).toEqual(['mapping', 'nodes', 4]);
  });

  it('reports a loop over a name that is not a rank variable of the Einsum, at the name', () => {
    const error = firstError([einsum], UNFUSED_ONE('', ['q', 'n0', 'n1']));
    expect(error.kind).toBe('mapping');
    expect(error.message).toBe("rank variable 'q' is not a rank variable of Einsum Matmul0 (its rank variables are m, n0, n1)");
    expect(error.path).toEqual(['mapping', 'nodes', 2, 'rank_variable']);
    expect(error.hint).toContain("rank_variable: m");
  });

  it('reports an oversubscribed memory with its size, the demand and the holder', () => {
    const small = matmul(0, 64, 32, simpleArch({ gbSize: 20000 }));
    const error = firstError([small], UNFUSED_ONE());
    // T0 2048 values + W0 1024 values at 8 bits = 24576 bits.
    expect(error.message).toBe('the mapping uses 24576 bits of GlobalBuffer but its size is only 20000 bits (Einsum Matmul0)');
    expect(error.path).toEqual(['mapping', 'nodes', 1]);
  });

  it('reports more spatial instances than a dimension has', () => {
    const arch = [
      memory('MainMemory', 1, 1, Infinity),
      memory('Buffer', 1, 1, Infinity, { spatial: [dim('X', 4, [])] }),
      compute('MAC', 1, 1),
    ];
    const error = firstError([matmul(0, 64, 32, arch)], `
mapping:
  nodes:
  - !Storage {tensors: [T0, W0, T1], component: MainMemory}
  - !Spatial {rank_variable: m, tile_shape: 8, name: X, component: Buffer}
  - !Storage {tensors: [T0], component: Buffer}
  - !Temporal {rank_variable: m, tile_shape: 1}
  - !Temporal {rank_variable: n0, tile_shape: 1}
  - !Temporal {rank_variable: n1, tile_shape: 1}
  - !Compute {einsum: Matmul0, component: MAC}
`);
    expect(error.message).toBe('the mapping uses 8 spatial instances of Buffer dimension X, but its fanout is only 4');
    expect(error.path).toEqual(['mapping', 'nodes', 1]);
  });

  it('reports an unknown component', () => {
    const error = firstError([einsum], UNFUSED_ONE().replace('component: GlobalBuffer', 'component: Scratch'));
    expect(error.message).toBe("component 'Scratch' is not in the architecture path of this Einsum");
    expect(error.path).toEqual(['mapping', 'nodes', 1, 'component']);
    expect(error.hint).toContain('MainMemory, GlobalBuffer, MAC');
  });

  it('reports an unknown tensor', () => {
    const error = firstError([einsum], UNFUSED_ONE(', Q'));
    expect(error.message).toBe("tensor 'Q' is not in the workload");
    expect(error.path).toEqual(['mapping', 'nodes', 1, 'tensors', 3]);
  });

  it('reports a Compute for an Einsum that is not in the workload', () => {
    const error = firstError([einsum], UNFUSED_ONE().replace('einsum: Matmul0', 'einsum: Matmul7'));
    expect(error.path).toEqual(['mapping', 'nodes', 5, 'einsum']);
  });

  it('rejects a Nested whose non-last child has children', () => {
    const raw = rawFromYaml(`
mapping:
  nodes:
  - !Sequential
    nodes:
    - !Nested {nodes: [!Compute {einsum: A, component: MAC}]}
  - !Compute {einsum: B, component: MAC}
`) as { mapping: unknown };
    const parsed = parseMapping(raw.mapping);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors[0]!.path).toEqual(['mapping', 'nodes', 0]);
    expect(parsed.errors[0]!.message).toContain('only the last node of a Nested may have children');
  });

  it('rejects unknown tags and keys with their paths', () => {
    const parsed = parseMapping({ nodes: [{ $tag: 'Storage', tensors: [], component: 'M', size: 3 }, { $tag: 'Fill' }] });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map((e) => e.path)).toEqual([
      ['mapping', 'nodes', 0],
      ['mapping', 'nodes', 1, '$tag'],
    ]);
  });
});
