import { describe, expect, it } from 'vitest';
import { ModelInstance, ModelRejection, scaling } from '../../../src/engine/components/index.js';

const leaf = (energy: number, throughput: number) =>
  new ModelInstance('Leaf', { area: 2, leakPower: 3 }, { go: {} }, { go: () => ({ energy, latency: 1, throughput }) });

describe('ModelInstance composition', () => {
  it('scales its own costs and adds subcomponents: energy and latency sum, throughput is the minimum', () => {
    const a = leaf(1, 10);
    const b = leaf(2, 5);
    const parent = new ModelInstance(
      'Parent',
      { subcomponents: [a, b] },
      { go: { bitsPerAction: 'width' } },
      {
        go: (ctx) => {
          ctx.call(a, 'go');
          ctx.call(b, 'go');
        },
      },
    );
    parent.values['width'] = 8;
    expect(parent.runAction('go')).toEqual({ energy: 3, latency: 2, throughput: 5 });
    // 4 of 8 bits: energy halves, throughput doubles, latency stays.
    expect(parent.runAction('go', { bits_per_action: 4 })).toEqual({ energy: 1.5, latency: 2, throughput: 10 });
    expect(parent.area).toBe(4);
    expect(parent.leakPower).toBe(6);
  });

  it('applies scale() to itself and, by default, its subcomponents', () => {
    const sub = leaf(1, 10);
    const parent = new ModelInstance('P', { subcomponents: [sub] }, { go: {} }, { go: (ctx) => void ctx.call(sub, 'go') });
    parent.scale(64, 32, { area: scaling.linear, energy: scaling.quadratic, throughput: scaling.reciprocal });
    expect(parent.area).toBe(4);
    expect(parent.runAction('go')).toEqual({ energy: 4, latency: 1, throughput: 5 });
    // Same value as the base: nothing changes.
    parent.scale(32, 32, { area: scaling.linear });
    expect(parent.area).toBe(4);
  });

  it('ignores bits_per_action on actions that do not declare it, and rejects unknown actions', () => {
    const l = leaf(1, 10);
    expect(l.runAction('go', { bits_per_action: 4 })).toEqual({ energy: 1, latency: 1, throughput: 10 });
    expect(() => l.runAction('fly')).toThrow(ModelRejection);
  });
});
