import { describe, expect, it } from 'vitest';
import type { RawMap } from '../../../../src/engine/spec/raw.js';
import type { Action } from '../../../../src/engine/spec/schema/index.js';
import { rawErrors, validSpec } from './validate.js';

function computeWith(fields: RawMap): { throughput_scale: string | number; actions: Action[] } {
  const node = validSpec({ arch: { nodes: [{ $tag: 'Compute', name: 'MAC', ...fields }] } }).arch.nodes[0];
  if (node?.$tag !== 'Compute') return expect.fail('Compute expected');
  return node;
}

describe('deprecated latency migration (docs/spec-format.md §4.3, §4.5)', () => {
  it('turns an action latency into a throughput expression', () => {
    const { actions } = computeWith({ actions: [{ name: 'compute', latency: 2 }] });
    expect(actions[0]?.throughput).toBe("1 / (2) if (2) != 0 else float('inf')");
    expect(actions[0]?.latency).toBeNull();
  });

  it('wraps an expression latency in parentheses', () => {
    const { actions } = computeWith({ actions: [{ name: 'compute', latency: '1 / freq' }] });
    expect(actions[0]?.throughput).toBe("1 / (1 / freq) if (1 / freq) != 0 else float('inf')");
  });

  it('keeps latency when throughput is also given', () => {
    const { actions } = computeWith({ actions: [{ name: 'compute', latency: 3, throughput: 5 }] });
    expect(actions[0]).toMatchObject({ latency: 3, throughput: 5 });
  });

  it('converts a component latency_scale into throughput_scale', () => {
    const node = computeWith({ latency_scale: 4 });
    expect(node.throughput_scale).toBe("1 / (4) if (4) != 0 else float('inf')");
    expect('latency_scale' in node).toBe(false);
  });

  it('converts an action latency_scale into throughput_scale', () => {
    const { actions } = computeWith({ actions: [{ name: 'compute', latency_scale: 'k' }] });
    expect(actions[0]?.throughput_scale).toBe("1 / (k) if (k) != 0 else float('inf')");
  });

  it('rejects latency_scale together with throughput_scale on a component', () => {
    const errors = rawErrors({
      arch: { nodes: [{ $tag: 'Memory', name: 'M', size: 1, latency_scale: 2, throughput_scale: 3 }] },
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toBe('both `latency_scale` and `throughput_scale` are set');
    expect(errors[0]?.path).toEqual(['arch', 'nodes', 0, 'latency_scale']);
    expect(errors[0]?.hint).toContain('remove `latency_scale`');
  });
});
