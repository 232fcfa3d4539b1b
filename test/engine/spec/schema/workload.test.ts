import { describe, expect, it } from 'vitest';
import type { RawValue } from '../../../../src/engine/spec/raw.js';
import { validSpec } from './validate.js';

function einsumsOf(einsums: RawValue[]) {
  return validSpec({ workload: { einsums } }).workload.einsums;
}

describe('workload einsums items', () => {
  it('accepts every item form and flattens nested lists in order', () => {
    const einsums = einsumsOf([
      'Y[ny] = A[na]*B[na,ny]',
      [
        { einsum: 'I[b, m, d] = I_in[b, m, d]', is_copy_operation: true },
        ['Z[ny] = Y[ny]'],
      ],
      { name: 'V', tensor_accesses: [{ name: 'I', projection: ['b', 'm', 'd'] }, { name: 'V', projection: ['m'], output: true }] },
    ]);
    expect(einsums.map((e) => e.name)).toEqual(['Y', 'I', 'Z', 'V']);
    expect(einsums[1]?.is_copy_operation).toBe(true);
    expect(einsums[0]?.is_copy_operation).toBe(false);
  });

  it('keeps extra fields and adds extra tensor attributes of `{einsum: ...}` items', () => {
    const [einsum] = einsumsOf([
      {
        einsum: 'T0[p0, q0, n, m0] = I0[n, c0, H: p0 * 2 + r0, W: q0 * 2 + s0] * W0[r0, s0, c0, m0]',
        iteration_space_shape: ['0 <= p0 < 112'],
        renames: { output: 'T0', input: 'I0', weight: 'W0' },
        tensor_accesses: [{ name: 'I0', bits_per_value: 16 }],
      },
    ]);
    expect(einsum?.name).toBe('T0');
    expect(einsum?.iteration_space_shape).toEqual(['0 <= p0 < 112']);
    expect(einsum?.renames.map((r) => r.name)).toEqual(['output', 'input', 'weight']);
    expect(einsum?.tensor_accesses[0]).toMatchObject({
      name: 'I0',
      bits_per_value: 16,
      projection: { N: 'n', C0: 'c0', H: 'p0*2+r0', W: 'q0*2+s0' },
      implied_projection: false,
    });
    expect(einsum?.tensor_accesses[1]?.bits_per_value).toBeNull();
  });

  it('upper-cases list projections (hkv → HKV, nA → NA) and marks them implied', () => {
    const [einsum] = einsumsOf([
      { name: 'E', tensor_accesses: [{ name: 'K', projection: ['b', 'hkv', 'nA'], output: true }] },
    ]);
    expect(einsum?.tensor_accesses[0]?.projection).toEqual({ B: 'b', HKV: 'hkv', NA: 'nA' });
    expect(einsum?.tensor_accesses[0]?.implied_projection).toBe(true);
  });

  it('keeps dict projections as given (not implied)', () => {
    const [einsum] = einsumsOf([
      { name: 'E', tensor_accesses: [{ name: 'I', projection: { P0: 'p1 + r0', B: 'b' }, output: true }] },
    ]);
    expect(einsum?.tensor_accesses[0]?.projection).toEqual({ P0: 'p1 + r0', B: 'b' });
    expect(einsum?.tensor_accesses[0]?.implied_projection).toBe(false);
  });

  it('accepts renames in list form with expected counts', () => {
    const [einsum] = einsumsOf([
      {
        name: 'E',
        tensor_accesses: [{ name: 'A', projection: ['m'], output: true }],
        renames: [{ name: 'output', source: 'Outputs', expected_count: 1 }],
      },
    ]);
    expect(einsum?.renames).toEqual([{ name: 'output', source: 'Outputs', expected_count: 1 }]);
  });

  it('accepts rank sizes as expressions and iteration spaces per rank variable', () => {
    const { workload } = validSpec({
      workload: { rank_sizes: { X: 8, XT: 'ceil(256*8/X)' }, iteration_space_shape: { m: '0 <= m < 4' }, n_instances: 2 },
    });
    expect(workload.rank_sizes).toEqual({ X: 8, XT: 'ceil(256*8/X)' });
    expect(workload.n_instances).toBe(2);
  });
});

describe('top-level renames', () => {
  it('converts default tensor_accesses dicts to lists and keeps lists', () => {
    const { renames } = validSpec({
      renames: {
        einsums: [
          {
            name: 'default',
            tensor_accesses: [
              { name: 'input', source: 'Inputs & Intermediates if len(All) == 3 else Inputs', expected_count: 1 },
              { name: 'weight', source: '~(input | output)', expected_count: '1 if len(All) == 3 else 0' },
            ],
            rank_variables: { r: 'm' },
          },
        ],
      },
    });
    const entry = renames.einsums[0];
    expect(entry?.tensor_accesses[1]?.expected_count).toBe('1 if len(All) == 3 else 0');
    expect(entry?.rank_variables).toEqual([{ name: 'r', source: 'm', expected_count: null }]);
  });

  it('accepts an empty renames mapping', () => {
    expect(validSpec({ renames: {} }).renames).toEqual({ einsums: [] });
  });
});
