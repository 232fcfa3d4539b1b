import { describe, expect, it } from 'vitest';
import type { ComponentModelDefinition } from '../../../src/engine/components/index.js';
import {
  ComponentModelRegistry,
  ModelRegistrationError,
  computeComponentCosts,
  createDefaultRegistry,
  makeInstance,
  numberAttr,
} from '../../../src/engine/components/index.js';

/** The user-model example from docs/components.md: a ReRAM cell array with per-bit costs. */
const reramArray: ComponentModelDefinition = {
  id: 'MyReramArray',
  aliases: ['ReramArray'],
  priority: 0.6,
  params: [{ name: 'rows', required: true }, { name: 'cols', required: true }, { name: 'tech_node' }],
  actions: { read: { bitsPerAction: 'cols' }, write: { bitsPerAction: 'cols' } },
  create(attrs) {
    const cells = numberAttr(attrs, 'rows') * numberAttr(attrs, 'cols');
    const inst = makeInstance(reramArray, { area: cells * 1e-14, leakPower: 0 }, {
      read: () => ({ energy: numberAttr(attrs, 'cols') * 2e-15, latency: 10e-9, throughput: 1e8 }),
      write: () => ({ energy: numberAttr(attrs, 'cols') * 20e-15, latency: 100e-9, throughput: 1e7 }),
    });
    inst.values['cols'] = numberAttr(attrs, 'cols');
    return inst;
  },
};

describe('ComponentModelRegistry', () => {
  it('lets a user model answer its class in engine calls', () => {
    const registry = createDefaultRegistry().register(reramArray);
    const result = computeComponentCosts(
      {
        name: 'Crossbar',
        componentClass: 'reramarray',
        attributes: { rows: 128, cols: 64 },
        actions: [{ name: 'read', attributes: { bits_per_action: 8 } }, { name: 'write', attributes: { bits_per_action: 8 } }],
      },
      { registry },
    );
    if (!result.ok) throw new Error(result.errors[0]?.message);
    expect(result.value.area).toBeCloseTo(128 * 64 * 1e-14, 25);
    expect(result.value.actions['read']?.energy).toBeCloseTo(8 * 2e-15, 28);
    expect(result.value.actions['read']?.throughput).toBeCloseTo(8e8, 0);
    expect(result.value.log[0]).toContain('using MyReramArray (priority 0.6)');
  });

  it('keeps registries independent (no global state)', () => {
    const a = createDefaultRegistry();
    const b = a.clone().register(reramArray);
    expect(a.modelsForClass('ReramArray')).toHaveLength(0);
    expect(b.modelsForClass('ReramArray')).toHaveLength(1);
  });

  it('rejects duplicate ids and bad priorities, and allows replacing', () => {
    const registry = new ComponentModelRegistry([reramArray]);
    expect(() => registry.register(reramArray)).toThrow(ModelRegistrationError);
    expect(() => registry.register({ ...reramArray, id: 'Other', priority: 2 })).toThrow(/must be in \[0, 1\]/);
    registry.replace({ ...reramArray, priority: 0.1 });
    expect(registry.get('MyReramArray')?.priority).toBe(0.1);
    expect(registry.unregister('MyReramArray')).toBe(true);
    expect(registry.list()).toHaveLength(0);
  });

  it('matches classes case-insensitively and finds every built-in family', () => {
    const registry = createDefaultRegistry();
    const classes = ['smartbuffersram', 'SRAM', 'lpddr4', 'HBM2', 'intmac', 'Register', 'Capacitor', 'wire', 'ADC', 'cim_adc'];
    for (const cls of [...classes, 'DummyStorage']) {
      expect(registry.modelsForClass(cls).length, cls).toBeGreaterThan(0);
    }
  });
});
