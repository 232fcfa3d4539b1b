import { describe, expect, it } from 'vitest';
import type { RawMap } from '../../../../src/engine/spec/raw.js';
import type { ArchNode } from '../../../../src/engine/spec/schema/index.js';
import { validSpec } from './validate.js';

function onlyNode(node: RawMap): ArchNode {
  const spec = validSpec({ arch: { nodes: [node] } });
  const first = spec.arch.nodes[0];
  if (!first) return expect.fail('one node expected');
  return first;
}

describe('validateSpec defaults', () => {
  it('fills every top-level section of an empty spec', () => {
    const spec = validSpec({});
    expect(spec.arch).toEqual({ nodes: [], variables: {}, extra_attributes_for_all_component_models: {} });
    expect(spec.workload.einsums).toEqual([]);
    expect(spec.workload.persistent_tensors).toBeNull();
    expect(spec.renames).toEqual({ einsums: [] });
    expect(spec.mapping).toEqual({ nodes: [] });
    expect(spec.model).toEqual({ metrics: 255 });
    expect(spec.config).toEqual({
      expression_custom_functions: [],
      component_models: [],
      use_installed_component_models: true,
    });
  });

  it('uses the FFM defaults, with inf limits and the ENERGY metric', () => {
    const { mapper } = validSpec({});
    expect(mapper.metrics).toBe(2);
    expect(mapper.info_metrics).toBe(255);
    expect(mapper.max_fused_loops).toBe(Infinity);
    expect(mapper.time_limit).toBe(Infinity);
    expect(mapper.max_fused_loops_per_rank_variable).toBe(1);
    expect(mapper.tiling_coarseness).toBe(1);
    expect(mapper.objective_tolerance).toBe(0);
    expect(mapper.explore_loop_orders).toBe(true);
  });

  it('accepts `inf` strings for the mapper float fields', () => {
    const { mapper } = validSpec({ mapper: { memory_limit: 'inf', time_limit: '1e3', metrics: 18 } });
    expect(mapper.memory_limit).toBe(Infinity);
    expect(mapper.time_limit).toBe(1000);
    expect(mapper.metrics).toBe(18);
  });

  it('appends Memory default actions after the user actions', () => {
    const node = onlyNode({ $tag: 'Memory', name: 'M', size: 1024, actions: [{ name: 'read', energy: 1 }] });
    if (node.$tag !== 'Memory') return expect.fail('Memory');
    expect(node.actions.map((a) => [a.name, a.energy])).toEqual([
      ['read', 1],
      ['write', null],
    ]);
    expect(node.actions[1]?.bits_per_action).toBe('1 if bits_per_action is None else bits_per_action');
  });

  it('appends default actions after custom ones for every component kind', () => {
    const compute = onlyNode({ $tag: 'Compute', name: 'C', component_class: 'IntMAC', actions: [{ name: 'mac' }] });
    const toll = onlyNode({ $tag: 'Toll', name: 'T', direction: 'up' });
    const network = onlyNode({ $tag: 'Network', name: 'N' });
    if (compute.$tag !== 'Compute' || toll.$tag !== 'Toll' || network.$tag !== 'Network') return expect.fail('tags');
    expect(compute.actions.map((a) => a.name)).toEqual(['mac', 'compute']);
    expect(toll.actions.map((a) => a.name)).toEqual(['read']);
    expect(network.actions.map((a) => a.name)).toEqual(['hop']);
  });

  it('fills component fields with the documented defaults', () => {
    const node = onlyNode({ $tag: 'Memory', name: 'M', size: 'inf' });
    if (node.$tag !== 'Memory') return expect.fail('Memory');
    expect(node).toMatchObject({
      enabled: true,
      area: null,
      leak_power: null,
      area_scale: 1,
      throughput_scale: 1,
      n_parallel_instances: 1,
      total_latency: 'sum(a.n_calls / a.throughput for a in actions)',
      bits_per_value: {},
      bits_per_action: null,
      skip_initial_output_write: true,
      component_class: null,
      spatial: [],
    });
  });

  it('uses the sentinel strings for unset tensors fields', () => {
    const node = onlyNode({ $tag: 'Memory', name: 'M', size: 1 });
    if (node.$tag !== 'Memory') return expect.fail('Memory');
    expect(node.tensors).toEqual({
      keep: '<Defaults to Nothing>',
      may_keep: '<Nothing if keep is defined, else All>',
      back: 'Nothing',
      tile_shape: [],
      no_refetch_from_above: '~All',
      no_resend_to_below: '~All',
      tensor_order_options: [],
      force_memory_hierarchy_order: true,
    });
  });

  it('uses the sentinel strings for unset spatial reuse fields', () => {
    const node = onlyNode({ $tag: 'Container', name: 'PE', spatial: [{ name: 'X', fanout: 4 }] });
    expect(node.$tag === 'Container' && node.spatial[0]).toEqual({
      name: 'X',
      fanout: 4,
      may_reuse: '<Same as reuse if reuse is defined, else All>',
      reuse: '<Defaults to Nothing>',
      loop_bounds: [],
      min_usage: 0,
      usage_scale: 1,
      power_gateable: false,
    });
  });

  it('gives a Network its own total_latency and mesh topology', () => {
    const node = onlyNode({ $tag: 'Network', name: 'N' });
    if (node.$tag !== 'Network') return expect.fail('Network');
    expect(node.topology).toBe('mesh');
    expect(node.total_latency).toBe(
      "max(max_hops*actions['hop'].latency, max_link_traffic/actions['hop'].throughput)",
    );
  });

  it('passes free-form dicts through by reference', () => {
    const variables: RawMap = { scaling: 'conservative' };
    const archVariables: RawMap = { X: 1 };
    const extra: RawMap = { technology: '7nm' };
    const all: RawMap = { voltage: 1 };
    const spec = validSpec({
      variables,
      arch: {
        variables: archVariables,
        extra_attributes_for_all_component_models: all,
        nodes: [{ $tag: 'Compute', name: 'C', extra_attributes_for_component_model: extra }],
      },
    });
    expect(spec.variables).toBe(variables);
    expect(spec.arch.variables).toBe(archVariables);
    expect(spec.arch.extra_attributes_for_all_component_models).toBe(all);
    const node = spec.arch.nodes[0];
    expect(node && 'extra_attributes_for_component_model' in node && node.extra_attributes_for_component_model).toBe(extra);
  });

  it('keeps expressions and numbers as given (nothing is evaluated)', () => {
    const node = onlyNode({ $tag: 'Memory', name: 'M', size: '1024*1024', area: 112e-6, enabled: 'len(All) == 3' });
    if (node.$tag !== 'Memory') return expect.fail('Memory');
    expect(node.size).toBe('1024*1024');
    expect(node.area).toBe(112e-6);
    expect(node.enabled).toBe('len(All) == 3');
  });
});
