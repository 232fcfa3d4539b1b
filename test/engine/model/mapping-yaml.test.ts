import { describe, expect, it } from 'vitest';
import { mappingPaths, normalizeMapping, parseMapping, printMapping } from '../../../src/engine/model/index.js';
import { rawFromYaml } from '../../../src/engine/model/mapping-yaml.js';
import { mappingOf } from './builders.js';
import { FUSED_MATMULS_TWO as FUSED } from './reference-mappings.js';


describe('mapping YAML', () => {
  it('parse → print → parse gives the same mapping, with tags', () => {
    const first = mappingOf(FUSED);
    const printed = printMapping(first);
    expect(printed).toContain('- !Storage');
    expect(printed).toContain('!Sequential');
    expect(printed).toContain('- !Storage {tensors: [T0, T2, W0, W1], component: MainMemory}');
    const second = parseMapping((rawFromYaml(printed) as { mapping: unknown }).mapping);
    expect(second.ok && second.value).toEqual(first);
  });

  it('fills schema defaults', () => {
    const m = mappingOf('mapping:\n  nodes:\n  - !Temporal {rank_variable: m}\n  - !Storage {component: X}\n');
    expect(m.nodes).toEqual([
      { $tag: 'Temporal', rank_variable: 'm', tile_shape: 'symbol', initial_tile_shape: null },
      { $tag: 'Storage', component: 'X', tensors: [], persistent: false },
    ]);
  });

  it('splits the tree into one path per Compute, duplicating the trunk', () => {
    const paths = mappingPaths(mappingOf(FUSED));
    expect(paths.map((p) => p.einsum)).toEqual(['Matmul0', 'Matmul1']);
    expect(paths[1]!.entries.map((e) => e.path)).toEqual([
      ['mapping', 'nodes', 0],
      ['mapping', 'nodes', 1],
      ['mapping', 'nodes', 2],
      ['mapping', 'nodes', 3],
      ['mapping', 'nodes', 4],
      ['mapping', 'nodes', 5, 'nodes', 1, 'nodes', 0],
      ['mapping', 'nodes', 5, 'nodes', 1, 'nodes', 1],
      ['mapping', 'nodes', 5, 'nodes', 1, 'nodes', 2],
    ]);
  });
});

describe('normalizeMapping', () => {
  it('splices nested lines, wraps bare split branches and drops user reservations', () => {
    const m = mappingOf(`
mapping:
  nodes:
  - !Storage {tensors: [A], component: M}
  - !Reservation {purposes: [A], resource: M}
  - !Nested
    nodes:
    - !Temporal {rank_variable: x, tile_shape: 1}
    - !Sequential
      nodes:
      - !Compute {einsum: E, component: C}
      - !Mapping {nodes: [!Compute {einsum: F, component: C}]}
`);
    expect(normalizeMapping(m)).toEqual({
      nodes: [
        { $tag: 'Storage', tensors: ['A'], component: 'M', persistent: false },
        { $tag: 'Temporal', rank_variable: 'x', tile_shape: 1, initial_tile_shape: null },
        {
          $tag: 'Sequential',
          nodes: [
            { $tag: 'Nested', nodes: [{ $tag: 'Compute', einsum: 'E', component: 'C' }] },
            { $tag: 'Nested', nodes: [{ $tag: 'Compute', einsum: 'F', component: 'C' }] },
          ],
        },
      ],
    });
    expect(mappingPaths(normalizeMapping(m)).map((p) => p.entries.length)).toEqual([3, 3]);
    expect(mappingPaths(m).map((p) => p.entries.length)).toEqual([3, 3]);
  });
});

describe('mapping schema', () => {
  it('accepts a title on !Mapping only', () => {
    const ok = parseMapping({ title: 'T', nodes: [{ $tag: 'Mapping', title: 'inner', nodes: [] }] });
    expect(ok.ok).toBe(true);
    const bad = parseMapping({ nodes: [{ $tag: 'Sequential', title: 'x', nodes: [] }] });
    expect(bad.ok || bad.errors.map((e) => [e.path, e.message])).toEqual([[['mapping', 'nodes', 0], 'Unrecognized key: "title"']]);
  });
});
