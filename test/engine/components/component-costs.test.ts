import { describe, expect, it } from 'vitest';
import type { ComponentCostInput } from '../../../src/engine/components/index.js';
import { computeComponentCosts, createDefaultRegistry } from '../../../src/engine/components/index.js';

const registry = createDefaultRegistry();

function costs(input: ComponentCostInput, computeArea = true) {
  const result = computeComponentCosts(input, { registry, computeArea });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value;
}

const mac: ComponentCostInput = {
  name: 'MAC',
  componentClass: 'IntMAC',
  attributes: { tech_node: 40e-9, adder_width: 32, multiplier_width: 32 },
  actions: [{ name: 'compute' }],
};

describe('computeComponentCosts', () => {
  it('applies scales, n_parallel_instances and fanout totals to model values', () => {
    const c = costs({
      ...mac,
      scales: { area: 2, leakPower: 3, energy: 5, throughput: 7 },
      nParallelInstances: 4,
      globalFanout: 10,
      actions: [{ name: 'compute', energyScale: 0.5, throughputScale: 2 }],
    });
    // At 40 nm and 32 bits the MAC is exactly adder + multiplier.
    const area = (278e-12 + 6350e-12) * 2 * 4;
    expect(c.area).toBeCloseTo(area, 22);
    expect(c.totalArea).toBeCloseTo(area * 10, 21);
    expect(c.leakPower).toBeCloseTo((2.4e-6 + 80e-6) * 3 * 4, 15);
    expect(c.totalLeakPower).toBeCloseTo((2.4e-6 + 80e-6) * 3 * 4 * 10, 14);
    expect(c.actions['compute']?.energy).toBeCloseTo((0.21e-12 + 12.68e-12) * 5 * 0.5, 24);
    expect(c.actions['compute']?.throughput).toBeCloseTo(1e9 * 7 * 2 * 4, -1);
  });

  it('lets explicit values win over the model, and still scales them', () => {
    const c = costs({
      ...mac,
      explicit: { area: 1e-6, leakPower: 0 },
      scales: { energy: 2 },
      nParallelInstances: 3,
      actions: [{ name: 'compute', explicitEnergy: 1e-12 }],
    });
    expect(c.area).toBe(3e-6);
    expect(c.leakPower).toBe(0);
    expect(c.actions['compute']?.energy).toBe(2e-12);
    // Throughput was not given, so the model supplies it (1e9 per instance at 40 nm).
    expect(c.actions['compute']?.throughput).toBeCloseTo(3e9, -1);
    expect(c.log).toContain('area: explicit value 0.000001');
  });

  it('treats component_class Dummy as free, but keeps explicit values', () => {
    const c = costs({
      name: 'MainMemory',
      componentClass: 'dummy',
      attributes: { size: Infinity },
      actions: [{ name: 'read', explicitEnergy: 1 }, { name: 'write' }],
    });
    expect(c.area).toBe(0);
    expect(c.leakPower).toBe(0);
    expect(c.actions['read']).toEqual({ energy: 1, latency: 0, throughput: Infinity });
    expect(c.actions['write']).toEqual({ energy: 0, latency: 0, throughput: Infinity });
  });

  it('reports a missing value without component_class as a SpecError with path and hint', () => {
    const result = computeComponentCosts(
      {
        name: 'GlobalBuffer',
        componentClass: null,
        attributes: {},
        explicit: { leakPower: 0 },
        actions: [{ name: 'read', explicitEnergy: 1, explicitThroughput: 1 }],
        path: ['arch', 'nodes', 1],
      },
      { registry },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({
      kind: 'component',
      message: 'GlobalBuffer: no area given and no component_class to compute it',
      path: ['arch', 'nodes', 1],
    });
    expect(result.errors[0]?.hint).toContain("set 'area'");
  });

  it('skips area when asked, so components without area still cost (nvdla style)', () => {
    const c = costs(
      {
        name: 'GlobalBuffer',
        componentClass: null,
        attributes: {},
        explicit: { leakPower: 1e-3 },
        actions: [{ name: 'read', explicitEnergy: 2e-12, explicitThroughput: 4e9 }],
      },
      false,
    );
    expect(c.area).toBeNull();
    expect(c.totalArea).toBeNull();
    expect(c.actions['read']).toEqual({ energy: 2e-12, latency: 0.25e-9, throughput: 4e9 });
  });

  it('reports an unknown component class with a hint', () => {
    const result = computeComponentCosts({ ...mac, componentClass: 'FluxCapacitor' }, { registry });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]?.message).toBe("MAC: no component model answers to component_class 'FluxCapacitor'");
      expect(result.errors[0]?.hint).toContain('check the spelling');
    }
  });

  it('explains why the models of a known class could not be used', () => {
    const result = computeComponentCosts(
      { name: 'Buf', componentClass: 'SmartBufferSRAM', attributes: { size: 1024 }, actions: [{ name: 'read' }] },
      { registry },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]?.message).toContain('not a candidate: SmartBufferSRAM (missing required attribute(s) tech_node)');
      expect(result.errors[0]?.hint).toContain('give the attributes the model needs');
    }
  });

  it('logs which model answered each quantity', () => {
    const c = costs(mac);
    expect(c.log[0]).toBe(
      "using AladdinIntMAC (priority 0.1) for class 'IntMAC' with {tech_node: 4e-8, adder_width: 32, multiplier_width: 32}",
    );
  });
});
