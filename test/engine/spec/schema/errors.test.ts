import { describe, expect, it } from 'vitest';
import { formatSpecError, formatSpecPath, type SpecError } from '../../../../src/engine/base/errors.js';
import { yamlErrors } from './validate.js';

/** The single error a spec produces. */
function onlyError(yaml: string): SpecError {
  const errors = yamlErrors(yaml);
  expect(errors.map(formatSpecError)).toHaveLength(1);
  return errors[0]!;
}

function expectError(yaml: string, expected: { at: string; path: string; message: string; hint: string }): void {
  const error = onlyError(yaml);
  expect(error.kind).toBe('schema');
  expect(formatSpecPath(error.path)).toBe(expected.path);
  expect(error.message).toBe(expected.message);
  expect(error.hint).toBe(expected.hint);
  expect(formatSpecError(error).split(': error: ')[0]).toBe(`spec.yaml:${expected.at}`);
}

const MEMORY_FIELDS =
  'name, spatial, component_class, component_model, component_modeling_log, enabled, area, total_area, area_scale, leak_power, total_leak_power, leak_power_scale, energy_scale, actions_scale, throughput_scale, latency_scale, n_parallel_instances, total_latency, extra_attributes_for_component_model, tensors, bits_per_value, bits_per_action, values_per_action, actions, size, skip_initial_output_write';
const ARCH_TAGS = '!Memory, !Toll, !Compute, !Container, !Network, !Hierarchical, !Fork, !Array';

describe('validateSpec errors', () => {
  it('reports an unknown field at its key with the nearest valid name', () => {
    expectError('arch:\n  nodes:\n  - !Memory\n    name: Buf\n    siz: 1024\n    size: 2\n', {
      at: '5:5',
      path: 'arch.nodes[0].siz',
      message: 'field `siz` is not supported for !Memory',
      hint: `did you mean \`size\`? supported fields: ${MEMORY_FIELDS}`,
    });
  });

  it('reports an unknown action field with the action\'s fields', () => {
    expectError('arch:\n  nodes:\n  - !Compute\n    name: MAC\n    actions:\n    - {name: compute, energi: 1}\n', {
      at: '6:23',
      path: 'arch.nodes[0].actions[0].energi',
      message: 'field `energi` is not supported for arch.nodes[0].actions[0]',
      hint: 'did you mean `energy`? supported fields: name, energy, energy_scale, throughput, throughput_scale, latency, extra_attributes_for_component_model, latency_scale',
    });
  });

  it('reports an unknown top-level key', () => {
    expectError('arch: {nodes: []}\narchs: {}\n', {
      at: '2:1',
      path: 'archs',
      message: 'field `archs` is not supported for the spec',
      hint: 'did you mean `arch`? supported fields: arch, workload, renames, variables, mapping, mapper, model, config',
    });
  });

  it('reports a wrong type once, not once per union branch', () => {
    expectError('arch:\n  nodes:\n  - !Compute\n    name: MAC\n    area: true\n', {
      at: '5:11',
      path: 'arch.nodes[0].area',
      message: '`area` must be a number or null or an expression string, got boolean true',
      hint: 'for example `area: 1`',
    });
  });

  it('reports a missing required field with an example line', () => {
    expectError('arch:\n  nodes:\n  - !Memory\n    name: Buf\n', {
      at: '4:5',
      path: 'arch.nodes[0].size',
      message: 'missing required field `size` for !Memory',
      hint: 'add a line such as `size: 1024`',
    });
  });

  it('requires a Toll direction', () => {
    expectError('arch:\n  nodes:\n  - !Toll\n    name: ADC\n', {
      at: '4:5',
      path: 'arch.nodes[0].direction',
      message: 'missing required field `direction` for !Toll',
      hint: 'add a line such as `direction: up`',
    });
  });

  it('requires a spatial fanout', () => {
    expectError('arch:\n  nodes:\n  - !Container\n    name: PE\n    spatial:\n    - {name: X}\n', {
      at: '6:7',
      path: 'arch.nodes[0].spatial[0].fanout',
      message: 'missing required field `fanout` for arch.nodes[0].spatial[0]',
      hint: 'add a line such as `fanout: 4`',
    });
  });

  it('lists the allowed tags for an unknown tag', () => {
    expectError('arch:\n  nodes:\n  - !Memroy\n    name: Buf\n', {
      at: '4:5',
      path: 'arch.nodes[0]',
      message: 'unknown tag `!Memroy`',
      hint: `did you mean \`!Memory\`? allowed tags here: ${ARCH_TAGS}`,
    });
  });

  it('asks for a tag on an untagged node', () => {
    expectError('arch:\n  nodes:\n  - name: Buf\n    size: 3\n', {
      at: '3:5',
      path: 'arch.nodes[0]',
      message: 'this node has no tag',
      hint: `add a tag such as \`!Memory\` before its fields (\`- !Memory\`); allowed tags: ${ARCH_TAGS}`,
    });
  });

  it('rejects a branch inside an Array', () => {
    expectError('arch:\n  nodes:\n  - !Array\n    name: A\n    nodes:\n    - !Fork {nodes: []}\n', {
      at: '6:13',
      path: 'arch.nodes[0].nodes[0]',
      message: 'tag `!Fork` is not allowed here',
      hint: 'allowed tags here: !Memory, !Toll, !Compute, !Container, !Network',
    });
  });

  it('names a duplicate leaf anywhere in the tree', () => {
    expectError('arch:\n  nodes:\n  - !Memory {name: Buf, size: 1}\n  - !Hierarchical\n    nodes:\n    - !Compute {name: Buf}\n', {
      at: '6:23',
      path: 'arch.nodes[1].nodes[0].name',
      message: 'Duplicate name Buf found in architecture',
      hint: 'node names must be unique across the whole arch; rename this node or the one at arch.nodes[0]',
    });
  });

  it('rejects latency_scale together with throughput_scale', () => {
    expectError('arch:\n  nodes:\n  - !Compute\n    name: MAC\n    throughput_scale: 2\n    latency_scale: 3\n', {
      at: '6:20',
      path: 'arch.nodes[0].latency_scale',
      message: 'both `latency_scale` and `throughput_scale` are set',
      hint: 'remove `latency_scale` (deprecated); `throughput_scale` replaces it as 1 / latency_scale',
    });
  });

  it('rejects an enum value outside the allowed set', () => {
    expectError('arch:\n  nodes:\n  - !Network {name: N, topology: ring}\n', {
      at: '3:34',
      path: 'arch.nodes[0].topology',
      message: '`topology` must be one of "mesh", "all_to_all", got the string "ring"',
      hint: 'allowed values: "mesh", "all_to_all"',
    });
  });

  it('rejects an uppercase list projection item', () => {
    expectError('workload:\n  einsums:\n  - name: E\n    tensor_accesses:\n    - {name: A, projection: [m, Kv]}\n', {
      at: '5:33',
      path: 'workload.einsums[0].tensor_accesses[0].projection[1]',
      message: 'invalid projection item "Kv": expected a lowercase rank variable',
      hint: 'list items are lowercase rank variables such as `[m, n0]`; use the dict form `{H: p + r}` for expressions',
    });
  });

  it('rejects a projection that is neither a list nor a mapping', () => {
    expectError('workload:\n  einsums:\n  - name: E\n    tensor_accesses:\n    - {name: A, projection: m}\n', {
      at: '5:29',
      path: 'workload.einsums[0].tensor_accesses[0].projection',
      message: 'a projection must be a list of rank variables or a mapping of ranks to expressions',
      hint: 'write e.g. `projection: [m, k]` or `projection: {M: m, K: k}`',
    });
  });

  it('rejects a concise string with two `=`', () => {
    expectError('workload:\n  einsums:\n  - "Z[m] = A[m] = B[m]"\n', {
      at: '3:5',
      path: 'workload.einsums[0]',
      message: 'Invalid einsum format "Z[m] = A[m] = B[m]": expected exactly one `=`, found 2',
      hint: 'use `Rank: expr` (not `Rank=expr`) inside brackets, and one `=` between output and inputs',
    });
  });

  it('points a bad `einsum:` string at its key', () => {
    expectError('workload:\n  einsums:\n  - {einsum: "Z[m] = A[m,]", is_copy_operation: true}\n', {
      at: '3:14',
      path: 'workload.einsums[0].einsum',
      message: 'Empty projection item in A (trailing or doubled comma?)',
      hint: 'remove the extra comma',
    });
  });

  it('rejects extra tensor attributes for a tensor not in the string', () => {
    expectError('workload:\n  einsums:\n  - einsum: Z[m] = A[m]\n    tensor_accesses:\n    - {name: B, bits_per_value: 8}\n', {
      at: '5:14',
      path: 'workload.einsums[0].tensor_accesses[0].name',
      message: 'tensor B is not in the einsum string',
      hint: 'extra tensor_accesses may only add attributes to tensors of the string: A, Z',
    });
  });

  it('rejects extra tensor attributes that re-set string-given keys', () => {
    expectError('workload:\n  einsums:\n  - einsum: Z[m] = A[m]\n    tensor_accesses:\n    - {name: A, output: true}\n', {
      at: '5:25',
      path: 'workload.einsums[0].tensor_accesses[0].output',
      message: '`output` of A comes from the einsum string and cannot be set here',
      hint: 'remove `output`; only add attributes such as bits_per_value or persistent',
    });
  });

  it('rejects a lowercase rank-size key', () => {
    expectError('workload:\n  rank_sizes:\n    M: 4\n    n: 8\n', {
      at: '4:8',
      path: 'workload.rank_sizes.n',
      message: 'rank "n" must start with an uppercase letter',
      hint: 'ranks are uppercase (`N`); rank variables are lowercase',
    });
  });

  it('rejects an uppercase iteration-space key', () => {
    expectError('workload:\n  iteration_space_shape:\n    M: 0 <= m < 4\n', {
      at: '3:8',
      path: 'workload.iteration_space_shape.M',
      message: 'rank variable "M" must start with a lowercase letter',
      hint: 'rank variables are lowercase (`m`); ranks are uppercase',
    });
  });

  it('reserves the Einsum name Total', () => {
    expectError('workload:\n  einsums:\n  - name: Total\n    tensor_accesses: [{name: A, projection: [m], output: true}]\n', {
      at: '3:11',
      path: 'workload.einsums[0].name',
      message: '`Total` is a reserved name and cannot name an Einsum',
      hint: 'rename the Einsum (e.g. `Total0`)',
    });
  });

  it('rejects duplicate Einsum names, pointing into nested lists', () => {
    expectError('workload:\n  einsums:\n  - Y[m] = A[m]\n  - - Z[m] = A[m]\n    - Y[m] = Z[m]\n', {
      at: '5:7',
      path: 'workload.einsums[1][1].name',
      message: 'Einsum name Y is used more than once',
      hint: 'Einsum names must be unique; the first one is at workload.einsums[0]',
    });
  });

  it('rejects a tensor whose ranks differ between Einsums', () => {
    expectError('workload:\n  einsums:\n  - Y[m] = A[m]\n  - Z[m] = A[m, k]\n', {
      at: '4:5',
      path: 'workload.einsums[1].tensor_accesses[0].projection',
      message: 'tensor A has ranks {K, M} in Z but {M} in Y',
      hint: 'a tensor must have the same set of ranks in every Einsum that uses it',
    });
  });

  it('rejects an einsums item of the wrong kind', () => {
    expectError('workload:\n  einsums:\n  - 42\n', {
      at: '3:5',
      path: 'workload.einsums[0]',
      message: 'an einsums item cannot be a number',
      hint: 'write a mapping with name and tensor_accesses, a string like `Z[m] = A[m, k] * B[k]`, or a list of those',
    });
  });

  it('rejects a non-numeric string in a mapper limit', () => {
    expectError('mapper:\n  time_limit: soon\n', {
      at: '2:15',
      path: 'mapper.time_limit',
      message: 'expected a number, got the string "soon"',
      hint: 'write a plain number such as `1000`, or `inf` for no limit',
    });
  });

  it('rejects variables that are not a mapping', () => {
    expectError('variables: 3\n', {
      at: '1:12',
      path: 'variables',
      message: 'expected a mapping of names to values',
      hint: 'write e.g. `{X: 1, label: "quoted text stays a literal"}`',
    });
  });

  it('reports independent problems together, in document order', () => {
    const errors = yamlErrors('workload:\n  rank_sizes: {m: 1}\narch:\n  nodes:\n  - !Memory {name: A}\n');
    expect(errors.map((e) => formatSpecPath(e.path))).toEqual(['workload.rank_sizes.m', 'arch.nodes[0].size']);
  });
});

describe('validateSpec errors inside einsums items', () => {
  it('lists the Einsum fields for a typo inside a nested list', () => {
    expectError('workload:\n  einsums:\n  - - name: E\n      tensor_acceses: []\n', {
      at: '4:7',
      path: 'workload.einsums[0][0].tensor_acceses',
      message: 'field `tensor_acceses` is not supported for workload.einsums[0][0]',
      hint: 'did you mean `tensor_accesses`? supported fields: name, tensor_accesses, iteration_space_shape, rank_sizes, is_copy_operation, renames, n_instances',
    });
  });

  it('lists the `{einsum: ...}` fields for an unknown key there', () => {
    const error = onlyError('workload:\n  einsums:\n  - {einsum: "Z[m] = A[m]", name: Z}\n');
    expect(error.message).toBe('field `name` is not supported for workload.einsums[0]');
    expect(error.hint).toBe(
      'supported fields: einsum, tensor_accesses, iteration_space_shape, rank_sizes, is_copy_operation, renames, n_instances',
    );
  });
});
