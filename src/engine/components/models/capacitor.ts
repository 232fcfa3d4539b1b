/**
 * Capacitor and Wire (closed form). A capacitor's area is C / (capacitance per m²) plus a
 * border; charging it from 0 to Vt off a supply Vs costs C·Vt·Vs. A wire is a capacitor of
 * length × capacitance-per-metre with no area of its own.
 */
import type { ComponentModelDefinition } from '../model-definition.js';
import { makeInstance, numberAttr, numberAttrOr } from '../model-definition.js';
import type { ModelInstance } from '../model-instance.js';
import { techNodeArea } from '../scaling/tech-scaling.js';
import type { ActionCost, Attributes } from '../types.js';
import { ModelRejection } from '../types.js';

const CAPACITOR_ACTIONS = {
  raise_voltage_to: { params: ['target_voltage', 'supply_voltage'] },
  switch: { params: ['value_probabilities', 'zero_between_values', 'supply_voltage'] },
  read: {},
} as const;

interface CapacitorValues {
  readonly capacitance: number;
  readonly voltage: number;
  readonly capPerM2: number;
  readonly borderArea: number;
}

function chargeCost(c: CapacitorValues, target: number, supply: number): ActionCost {
  if (target > supply) throw new ModelRejection(`cannot raise a capacitor to ${target} V from a ${supply} V supply`);
  return { energy: c.capacitance * target * supply, latency: 0, throughput: Infinity };
}

/** Expected energy to switch to levels spread evenly over [0, V] with the given probabilities. */
export function expectedSwitchEnergy(
  c: CapacitorValues,
  probabilities: readonly number[],
  zeroBetween: boolean,
  supply: number,
): number {
  const total = probabilities.reduce((a, b) => a + b, 0);
  const p = probabilities.map((x) => x / total);
  const levels = p.length - 1;
  const energyAt = (level: number): number => chargeCost(c, (level / levels) * c.voltage, supply).energy;
  let expected = 0;
  p.forEach((p0, from) => {
    const start = zeroBetween ? 0 : from;
    p.forEach((p1, to) => {
      if (to >= start) expected += (energyAt(to) - energyAt(start)) * p0 * p1;
    });
  });
  return expected;
}

function probabilitiesAttr(args: Attributes): readonly number[] {
  const value = args['value_probabilities'];
  if (!Array.isArray(value) || value.length < 2) {
    throw new ModelRejection('switch needs value_probabilities: a list of at least 2 numbers');
  }
  return value;
}

function capacitorInstance(def: ComponentModelDefinition, c: CapacitorValues): ModelInstance {
  const supplyOf = (args: Attributes): number => numberAttrOr(args, 'supply_voltage', c.voltage);
  const inst = makeInstance(def, { area: c.capacitance / c.capPerM2 + c.borderArea, leakPower: 0 }, {
    raise_voltage_to: (_ctx, args) => chargeCost(c, numberAttr(args, 'target_voltage'), supplyOf(args)),
    switch: (_ctx, args) => ({
      energy: expectedSwitchEnergy(c, probabilitiesAttr(args), args['zero_between_values'] !== false, supplyOf(args)),
      latency: 0,
      throughput: Infinity,
    }),
    read: () => chargeCost(c, c.voltage, c.voltage),
  });
  inst.values['capacitance'] = c.capacitance;
  return inst;
}

function capacitorValues(attrs: Attributes, capacitance: number): CapacitorValues {
  const areaFactor = techNodeArea(numberAttr(attrs, 'tech_node'), 22e-9);
  return {
    capacitance,
    voltage: numberAttrOr(attrs, 'voltage', 0.7),
    capPerM2: numberAttrOr(attrs, 'cap_per_m2', 2.3e-3 * areaFactor),
    borderArea: numberAttrOr(attrs, 'border_area', 1e-12 * areaFactor),
  };
}

export const capacitor: ComponentModelDefinition = {
  id: 'Capacitor',
  aliases: ['Capacitor'],
  priority: 0.5,
  params: [
    { name: 'capacitance', required: true },
    { name: 'tech_node', required: true },
    { name: 'voltage' },
    { name: 'cap_per_m2' },
    { name: 'border_area' },
  ],
  actions: CAPACITOR_ACTIONS,
  create: (attrs) => capacitorInstance(capacitor, capacitorValues(attrs, numberAttr(attrs, 'capacitance'))),
};

export const wire: ComponentModelDefinition = {
  id: 'Wire',
  aliases: ['Wire'],
  priority: 0.5,
  params: [
    { name: 'length', required: true },
    { name: 'tech_node', required: true },
    { name: 'capacitance_per_m' },
    { name: 'voltage' },
  ],
  actions: CAPACITOR_ACTIONS,
  create(attrs) {
    const capacitance = numberAttr(attrs, 'length') * numberAttrOr(attrs, 'capacitance_per_m', 2e-10);
    // Only the node and voltage carry over; a wire's own capacitance per m² and border are defaults.
    const inherited = { tech_node: attrs['tech_node'] ?? null, voltage: attrs['voltage'] ?? null };
    const values = capacitorValues(inherited, capacitance);
    const inst = capacitorInstance(wire, values);
    inst.scales.area = 0; // a wire's area is counted with whatever it runs over
    return inst;
  },
};
