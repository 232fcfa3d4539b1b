/**
 * Component inputs for the eyeriss, simba, simple and tpu_v4i example arches, built by hand
 * from their YAML as evaluated for workloads/basic/matmuls.yaml (N_EINSUMS=2, M=KN=64),
 * Einsum Matmul0 (8 bits per value). Memory actions carry bits_per_action, which AccelForge
 * defaults to 1 when neither the action nor the component sets it.
 */
import type { ComponentActionInput, ComponentCostInput } from '../../../src/engine/components/index.js';

type Attrs = Record<string, number | string | boolean | null>;

function memoryActions(bits = 1): ComponentActionInput[] {
  return ['read', 'write'].map((name) => ({ name, attributes: { bits_per_action: bits } }));
}

function memory(name: string, cls: string, size: number, extra: Attrs, bits = 1): ComponentCostInput {
  return { name, componentClass: cls, attributes: { name, size, ...extra }, actions: memoryActions(bits) };
}

function explicitComponent(
  name: string,
  area: number,
  actions: readonly [string, number, number][],
  attributes: Attrs = {},
): ComponentCostInput {
  return {
    name,
    componentClass: null,
    attributes: { name, ...attributes },
    explicit: { area, leakPower: 0 },
    actions: actions.map(([action, energy, throughput]) => ({
      name: action,
      explicitEnergy: energy,
      explicitThroughput: throughput,
      attributes: { bits_per_action: 1 },
    })),
  };
}

const EYERISS_TECH = { tech_node: 65e-9 };
const SIMBA_TECH = { tech_node: 16e-9 };
const MAC_WIDTHS = { multiplier_width: 8, adder_width: 16 };

export const EXAMPLE_ARCHES: Record<string, ComponentCostInput[]> = {
  eyeriss: [
    memory('MainMemory', 'LPDDR4', Infinity, EYERISS_TECH),
    memory('GlobalBuffer', 'SmartBufferSRAM', 1024 * 1024, { ...EYERISS_TECH, n_banks: 32 }, 64),
    memory('InputScratchpad', 'SmartBufferSRAM', 12 * 16, EYERISS_TECH),
    memory('WeightScratchpad', 'SmartBufferSRAM', 192 * 16, EYERISS_TECH),
    memory('OutputScratchpad', 'SmartBufferSRAM', 16 * 16, EYERISS_TECH),
    { name: 'MAC', componentClass: 'IntMAC', attributes: { name: 'MAC', ...EYERISS_TECH, ...MAC_WIDTHS }, actions: [{ name: 'compute' }] },
  ],
  simba: [
    memory('MainMemory', 'LPDDR4', Infinity, SIMBA_TECH),
    memory('GlobalBuffer', 'SmartBufferSRAM', 524288, { ...SIMBA_TECH, n_banks: 2, n_rw_ports: 2 }),
    memory('InputBuffer', 'SmartBufferSRAM', 65536, SIMBA_TECH),
    memory('WeightBuffer', 'SmartBufferSRAM', 262144, { ...SIMBA_TECH, n_banks: 8 }),
    memory('AccumulationBuffer', 'SmartBufferSRAM', 24576, SIMBA_TECH),
    memory('Register', 'Dummy', 8, SIMBA_TECH),
    { name: 'MAC', componentClass: 'IntMAC', attributes: { name: 'MAC', ...SIMBA_TECH, ...MAC_WIDTHS }, actions: [{ name: 'compute' }] },
  ],
  simple: [
    explicitComponent('MainMemory', 0, [['read', 1, Infinity], ['write', 1, Infinity]], { size: Infinity }),
    explicitComponent('GlobalBuffer', 0, [['read', 1, Infinity], ['write', 1, Infinity]], { size: Infinity }),
    explicitComponent('MAC', 0, [['compute', 1, 1]]),
  ],
  tpu_v4i: [
    explicitComponent('MainMemory', 0, [['read', 7.03e-12, 8 * 614e9], ['write', 7.03e-12, 8 * 614e9]], { size: Infinity }),
    explicitComponent('GlobalBuffer', 112e-6, [['read', 1.88e-12, 8 * 2048e9], ['write', 2.36e-12, 8 * 1024e9]], {
      size: 1024 * 1024 * 128 * 8,
    }),
    explicitComponent('LocalBuffer', 51e-6, [['read', 0.249e-12, Infinity], ['write', 0.293e-12, Infinity]], {
      size: 1024 * 1024 * 4 * 8,
    }),
    explicitComponent('ScalarUnit', 8.7e-6, [['compute', 0, 1.05e9 * 128]]),
    explicitComponent('Register', 8.5e-11, [['read', 0, Infinity], ['write', 0, Infinity]], { size: 8 }),
    explicitComponent('MAC', 8.5e-10, [['compute', 0.084e-12, 1.05e9]]),
  ],
};
