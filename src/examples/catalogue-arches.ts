/** Catalogue entries for src/examples/arches. */
import type { ArchExample } from './types.js';
import { optional } from './variables.js';

function arch(id: string, path: string, title: string, description: string): ArchExample {
  return { kind: 'arch', id, path, title, description, variables: [], fragment: false };
}

export const ARCH_EXAMPLES: readonly ArchExample[] = [
  {
    ...arch(
      'simple',
      'arches/simple.yaml',
      'Simple',
      'MainMemory, one GlobalBuffer and one MAC, every action costing 1; easy to check by hand.',
    ),
    variables: [
      optional('MainMemoryEnergy', 1, 'Energy of one MainMemory read or write.'),
      optional('GlobalBufferThroughput', 'inf', 'GlobalBuffer reads/writes per cycle.'),
      optional('GlobalBufferSize', 'inf', 'GlobalBuffer capacity in bits.'),
    ],
  },
  arch(
    'eyeriss',
    'arches/eyeriss.yaml',
    'Eyeriss',
    '65 nm row-stationary design: 1 Mbit buffer, 14 x 12 PEs with per-operand scratchpads; costs from component models.',
  ),
  arch(
    'simba',
    'arches/simba.yaml',
    'Simba',
    '16 nm design: 16 PEs, each with input, weight and accumulation buffers and 8 x 8 vector MACs; costs from component models.',
  ),
  arch(
    'nvdla',
    'arches/nvdla.yaml',
    'NVDLA',
    'DDR5 memory, 64 KB buffer with separate ports, 32 x 192 MAC array at 1 GHz; explicit energies.',
  ),
  arch(
    'tpu_v4i',
    'arches/tpu_v4i.yaml',
    'TPU v4i',
    '128 MB common memory, four cores with 4 MB buffers and 128 x 128 systolic arrays, plus a vector unit for two-tensor Einsums.',
  ),
  {
    ...arch(
      'snowcat',
      'arches/snowcat.yaml',
      'Snowcat',
      'Unit-energy DRAM over a huge buffer, for buffer-size versus DRAM-traffic trade-offs.',
    ),
    variables: [
      optional('ADDITIONAL_MAINMEMORY_CONSTRAINTS', {}, 'Extra `tensors:` keys for MainMemory; they replace the defaults.'),
      optional('ADDITIONAL_GLB_CONSTRAINTS', {}, 'Extra `tensors:` keys for GlobalBuffer; they replace the defaults.'),
    ],
  },
  arch(
    'at_glb',
    'arches/fanout_variations/at_glb.yaml',
    'Fanout at the buffer',
    'Four GlobalBuffer instances, declared with `spatial` on the memory.',
  ),
  arch(
    'at_glb_with_fanout_node',
    'arches/fanout_variations/at_glb_with_fanout_node.yaml',
    'Fanout at the buffer (Container)',
    'Four GlobalBuffer instances, declared with a Container node.',
  ),
  arch(
    'at_mac',
    'arches/fanout_variations/at_mac.yaml',
    'Fanout at the MAC',
    'Four MACs, declared with `spatial` on the compute node.',
  ),
  arch(
    'at_mac_with_fanout_node',
    'arches/fanout_variations/at_mac_with_fanout_node.yaml',
    'Fanout at the MAC (Container)',
    'Four MACs, declared with a Container node.',
  ),
  arch(
    'at_mac_with_constraints',
    'arches/fanout_variations/at_mac_with_constraints.yaml',
    'Fanout at the MAC, constrained',
    'Four MACs where only rank variable m may be spread across the array.',
  ),
];
