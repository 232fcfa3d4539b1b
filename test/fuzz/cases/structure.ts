/**
 * Structural damage: missing keys, wrong types, duplicate names, unknown tags, bad indentation,
 * unclosed Jinja, cyclic Einsums, mappings that leave out an Einsum or name unknown things.
 * Positions are on the one-file one-matmul spec (one-matmul.ts) unless a base is named.
 */
import type { Expected, ExpectedPos, FuzzCase, FuzzOp } from '../harness/case-types.js';
import { ONE_MATMUL } from './one-matmul.js';

const FILE = 'spec.yaml';

function error(messageIncludes: string | readonly string[] | RegExp, pos: ExpectedPos): Expected {
  return { error: { messageIncludes, pos, hintPresent: true } };
}

/** The one-matmul spec with `find` replaced (or the whole text when `find` is null). */
function spec(name: string, find: string, replace: string, expect: Expected, ops: readonly FuzzOp[] = ['check', 'evaluate']): FuzzCase {
  return { name: `structure: ${name}`, files: { [FILE]: ONE_MATMUL }, mutations: [{ file: FILE, find, replace }], expect, ops };
}

function whole(name: string, text: string, expect: Expected): FuzzCase {
  return { name: `structure: ${name}`, files: { [FILE]: text }, expect, ops: ['check'] };
}

/** A second Einsum reading Matmul0's output; `output` names what it writes. */
const secondEinsum = (output: string): string =>
  `    - {name: T1, projection: [m, n1], output: True}
  - name: Matmul1
    tensor_accesses:
    - {name: T1, projection: [m, n1]}
    - {name: W1, projection: [n1, n0]}
    - {name: ${output}, projection: [m, n0], output: True}`;
const LAST_ACCESS = '    - {name: T1, projection: [m, n1], output: True}';

export const STRUCTURE_CASES: readonly FuzzCase[] = [
  // Missing keys: blamed on the node that lacks them (its tag line or first field).
  spec('Memory without name', '    name: GlobalBuffer\n', '', error('name', { file: FILE, line: [12, 13] })),
  spec('Memory without size', '    name: GlobalBuffer\n    size: inf\n', '    name: GlobalBuffer\n', error('size', { file: FILE, line: [12, 13] })),
  spec('Einsum without tensor_accesses', '    tensor_accesses:\n    - {name: T0, projection: [m, n0]}\n    - {name: W0, projection: [n0, n1]}\n    - {name: T1, projection: [m, n1], output: True}\n', '', error('tensor_accesses', { file: FILE, line: 34 })),
  spec('tensor access without projection', '{name: W0, projection: [n0, n1]}', '{name: W0}', error('projection', { at: '{name: W0}' })),
  spec('Einsum without output', '{name: T1, projection: [m, n1], output: True}', '{name: T1, projection: [m, n1]}', error('output', { file: FILE, line: [34, 35] })),
  spec('misspelled top-level key', 'workload:', 'workloads:', error('workloads', { at: 'workloads' })),
  spec('Storage without component', '    tensors: [T0, W0, T1]\n    component: GlobalBuffer\n', '    tensors: [T0, W0, T1]\n', error('component', { file: FILE, line: [44, 45] })),

  // Wrong types: blamed on the value.
  spec('size is a list', 'size: inf', 'size: [1, 2]', error('size', { at: '[1, 2]' })),
  spec('tensors is a number', 'tensors: {keep: ~MainMemory, may_keep: All}', 'tensors: 5', error('tensors', { at: '5' })),
  spec('projection is a number', 'projection: [n0, n1]', 'projection: 5', error('projection', { at: '5' })),
  spec('einsums is a mapping', '  einsums:\n  - name: Matmul0', '  einsums:\n    bogus: 1\n  - name: Matmul0', error(/yaml|einsums/i, { at: '- name: Matmul0', col: 'any' })),
  spec('nodes is a string', '  nodes:\n  - !Memory\n    name: MainMemory', '  nodes: hello\n  - !Memory\n    name: MainMemory', error(/yaml|nodes/i, { file: FILE, line: [2, 3] })),
  spec('output is not a boolean', 'output: True', 'output: maybe', error('output', { at: 'maybe' })),
  spec('actions is a string', '    actions:\n    - {name: compute', '    actions: none\n    - {name: compute', error(/yaml|actions/i, { file: FILE, line: [25, 26] })),
  spec('tile_shape is a list', 'rank_variable: m\n    tile_shape: 1', 'rank_variable: m\n    tile_shape: [1]', error('tile_shape', { at: '[1]' })),

  // Duplicates: blamed on the second one.
  spec('two components named MainMemory', 'name: GlobalBuffer', 'name: MainMemory', error('MainMemory', { at: 'MainMemory' })),
  spec('one tensor with two projections', '{name: W0, projection: [n0, n1]}', '{name: T0, projection: [n0, n1]}', error('T0', { at: '[n0, n1]' })),
  spec('duplicate YAML key', 'size: inf\n    leak_power: 0\n    area: 0\n    tensors: {keep: ~MainMemory', 'size: inf\n    size: 5\n    leak_power: 0\n    area: 0\n    tensors: {keep: ~MainMemory', error('size', { at: 'size: 5' })),
  {
    name: 'structure: two Einsums with the same name',
    base: 'simple',
    mutations: [{ file: 'workload.yaml', find: '- name: Matmul{{i}}', replace: '- name: Matmul' }],
    expect: error('Matmul', { at: 'Matmul' }),
  },

  // Tags: blamed on the tag itself.
  {
    name: 'structure: unknown node tag !Memroy',
    base: 'simple',
    mutations: [{ file: 'arch.yaml', find: '- !Memory\n    name: GlobalBuffer', replace: '- !Memroy\n    name: GlobalBuffer' }],
    expect: error('Memroy', { at: '!Memroy' }),
  },
  spec('unknown mapping tag !Storag', '  - !Storage\n    tensors: [T0, W0, T1]\n    component: GlobalBuffer', '  - !Storag\n    tensors: [T0, W0, T1]\n    component: GlobalBuffer', error('Storag', { at: '!Storag' })),
  spec('node tag on a scalar', 'size: inf', 'size: !Memory inf', error('Memory', { at: '!Memory' })),
  spec('mapping tag in the arch', '  - !Compute\n    name: MAC', '  - !Temporal\n    name: MAC', error('Temporal', { at: '!Temporal' })),

  // Indentation and YAML syntax.
  spec('three-space indent', '    name: MAC', '   name: MAC', error(/yaml|indent/i, { at: 'name: MAC', col: 'any' })),
  spec('tab indent', '    name: MAC', '\tname: MAC', error(/yaml|tab/i, { at: 'name: MAC', col: 'any' })),
  spec('unclosed flow mapping', '{name: W0, projection: [n0, n1]}', '{name: W0, projection: [n0, n1]', error(/yaml|flow|\}/i, { file: FILE, line: [37, 38] })),
  whole('empty file', '', error(/arch|workload|empty/i, { file: FILE, line: 1 })),
  whole('a list at the top', '- 1\n- 2\n', error(/mapping|top|list/i, { file: FILE, line: 1 })),
  whole('a bare word', 'hello\n', error(/mapping|top|hello/i, { file: FILE, line: 1 })),
  whole('control characters', `arch:\n  nodes: \u0000\u0001\u0002\n`, error(/yaml|control|character|nodes/i, { file: FILE, line: 2 })),

  // Unclosed Jinja: blamed on the opening tag.
  {
    name: 'structure: unclosed {{ in a size',
    base: 'simple',
    mutations: [{ file: 'arch.yaml', find: 'size: {{GlobalBufferSize}}', replace: 'size: {{GlobalBufferSize}' }],
    expect: error(/jinja/i, { at: '{{GlobalBufferSize}', col: 'any' }),
  },
  {
    name: 'structure: {% for %} without {% endfor %}',
    base: 'simple',
    // The first loop (the rank sizes, lines 9 to 11) loses its end tag.
    mutations: [{ file: 'workload.yaml', find: '    {% endfor %}\n', replace: '' }],
    expect: error(/endfor|for/i, { at: '{% for i in range(N_EINSUMS+1) %}', col: 'any' }),
  },
  {
    name: 'structure: {% if %} without {% endif %}',
    base: 'simple',
    mutations: [{ file: 'mapping.yaml', find: '  {% endif %}', replace: '' }],
    expect: error(/endif|if/i, { at: '{% if N_EINSUMS > 1 %}', col: 'any' }),
  },

  // Einsum graphs and mappings.
  spec('cyclic Einsums', LAST_ACCESS, secondEinsum('T0'), error(/cycl/i, { file: FILE, line: [34, 36, 39, 43] })),
  spec('mapping leaves out an Einsum', LAST_ACCESS, secondEinsum('T2'), error('Matmul1', { file: FILE, line: [39, 44, 45, 46] }), ['evaluate']),
  spec('mapping names an unknown component', 'component: GlobalBuffer', 'component: GlobalBufer', error('GlobalBufer', { at: 'GlobalBufer' }), ['evaluate']),
  spec('mapping names an unknown tensor', '    tensors: [T0, W0, T1]\n    component: GlobalBuffer', '    tensors: [T0, W0, T9]\n    component: GlobalBuffer', error('T9', { at: 'T9' }), ['evaluate']),
  spec('mapping names an unknown Einsum', 'einsum: Matmul0', 'einsum: Matmul7', error('Matmul7', { at: 'Matmul7' }), ['evaluate']),
  spec('mapping loops over an unknown rank variable', 'rank_variable: m', 'rank_variable: q', error("'q'", { at: 'q' }), ['evaluate']),
  spec('mapping tile_shape 0', 'rank_variable: m\n    tile_shape: 1', 'rank_variable: m\n    tile_shape: 0', error('tile_shape', { at: '0' }), ['evaluate']),
  spec('mapping tile_shape -1', 'rank_variable: m\n    tile_shape: 1', 'rank_variable: m\n    tile_shape: -1', error('tile_shape', { at: '-1' }), ['evaluate']),
  spec('mapping tile_shape 0.5', 'rank_variable: m\n    tile_shape: 1', 'rank_variable: m\n    tile_shape: 0.5', error('tile_shape', { at: '0.5' }), ['evaluate']),
  spec('mapping tile_shape beyond the rank size', 'rank_variable: m\n    tile_shape: 1', 'rank_variable: m\n    tile_shape: 1e300', error('tile_shape', { at: '1e300' }), ['evaluate']),
  spec('Compute action misnamed', '{name: compute, energy: 1, throughput: 1}', '{name: frobnicate, energy: 1, throughput: 1}', error('frobnicate', { at: 'frobnicate' })),
  spec('projection names an unknown rank variable', 'projection: [m, n0]', 'projection: [m, q7]', error('q7', { at: 'q7' })),
];
