import { describe, expect, it } from 'vitest';
import { SpecErrorException } from '../../../src/engine/base/errors.js';
import { ModelResult, type EinsumEvaluation } from '../../../src/engine/model/index.js';

function einsum(energy: number, count: number): EinsumEvaluation {
  return {
    einsum: 'Matmul0',
    latency: 4,
    componentLatency: [{ einsum: 'Matmul0', component: 'MAC', latency: 4 }],
    energy: [{ einsum: 'Matmul0', component: 'Buffer', tensor: 'W0', action: 'read', energy }],
    actions: [{ einsum: 'Matmul0', component: 'Buffer', tensor: 'W0', action: 'read', count, perUnit: count }],
    usage: [],
    fanout: [],
    computeOps: 4,
    computePath: ['mapping', 'nodes', 3],
  };
}

function thrown(body: () => unknown): SpecErrorException {
  try {
    body();
  } catch (error) {
    if (error instanceof SpecErrorException) return error;
    throw error;
  }
  throw new Error('expected a SpecErrorException');
}

describe('NaN at the result boundary', () => {
  it('keeps finite figures', () => {
    expect(new ModelResult([einsum(2, 8)], []).energy()).toBe(2);
  });

  it('calls an infinite energy an overflow (inputs are held finite)', () => {
    const error = thrown(() => new ModelResult([einsum(Infinity, 8)], [])).specError;
    expect(error.message).toBe('Einsum Matmul0: the energy of Buffer (tensor W0, action read) overflowed: it is infinite (not finite), although every input is finite.');
    expect(error.hint).toMatch(/1\.8e308/);
  });

  it('rejects a negative energy', () => {
    expect(thrown(() => new ModelResult([einsum(-3, 8)], [])).specError.message).toBe(
      'Einsum Matmul0: the energy of Buffer (tensor W0, action read) is negative (-3).',
    );
  });

  it('names the Einsum, component, tensor and action of a NaN energy', () => {
    const error = thrown(() => new ModelResult([einsum(NaN, 8)], [])).specError;
    expect(error.message).toBe('Einsum Matmul0: the energy of Buffer (tensor W0, action read) is NaN (not a number).');
    expect(error.path).toEqual(['mapping', 'nodes', 3]);
    expect(error.hint).toMatch(/infinite energy/);
  });

  it('rejects a NaN action count and a NaN component area', () => {
    expect(thrown(() => new ModelResult([einsum(1, NaN)], [])).specError.message).toMatch(/action count of Buffer/);
    const area = thrown(() => new ModelResult([einsum(1, 1)], [], [{ component: 'Buffer', totalArea: NaN, totalLeakPower: 0 }]));
    expect(area.specError.message).toBe('The architecture: the total area of Buffer is NaN (not a number).');
  });
});
