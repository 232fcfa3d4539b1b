import { describe, expect, it } from 'vitest';
import { parseConciseEinsum } from '../../../../src/engine/spec/schema/einsum-string.js';

function parsed(text: string) {
  const result = parseConciseEinsum(text);
  if (!result.ok) return expect.fail(result.error.message);
  return result.value;
}

function failure(text: string) {
  const result = parseConciseEinsum(text);
  if (result.ok) return expect.fail(`"${text}" should not parse`);
  return result.error;
}

describe('parseConciseEinsum', () => {
  it('parses the docs/spec-format.md §12.3 attention string into exact accesses', () => {
    const einsum = parsed('AV[b, m, h, f] = QK_softmax[b, m, p, h] * V[b, M: p, h, E: f]');
    expect(einsum.name).toBe('AV');
    expect(einsum.tensor_accesses).toEqual([
      { name: 'QK_softmax', projection: { B: 'b', M: 'm', P: 'p', H: 'h' }, output: false },
      { name: 'V', projection: { B: 'b', M: 'p', H: 'h', E: 'f' }, output: false },
      { name: 'AV', projection: { B: 'b', M: 'm', H: 'h', F: 'f' }, output: true },
    ]);
  });

  it('deletes all whitespace, including inside expressions', () => {
    const einsum = parsed('T0[p0, q0] = I0[n, H: p0 * 2 + r0, W: q0 * 2 + s0]');
    expect(einsum.tensor_accesses[0]?.projection).toEqual({ N: 'n', H: 'p0*2+r0', W: 'q0*2+s0' });
  });

  it('collapses repeated inputs: first position, last occurrence wins', () => {
    const einsum = parsed('Y[m] = A[m] * B[m] + A[m, k]');
    expect(einsum.tensor_accesses.map((a) => a.name)).toEqual(['A', 'B', 'Y']);
    expect(einsum.tensor_accesses[0]?.projection).toEqual({ M: 'm', K: 'k' });
  });

  it('upper-cases multi-letter rank variables', () => {
    expect(parsed('Y[ny] = A[na] * B[na, ny]').tensor_accesses[1]?.projection).toEqual({ NA: 'na', NY: 'ny' });
  });

  it('rejects a string with two `=`', () => {
    expect(failure('A[m] = B[m] = C[m]').message).toBe(
      'Invalid einsum format "A[m] = B[m] = C[m]": expected exactly one `=`, found 2',
    );
  });

  it('rejects `Rank=expr` items because they add an `=`', () => {
    expect(failure('A[m] = B[M=m]').message).toContain('expected exactly one `=`, found 2');
  });

  it('rejects a right side without tensors', () => {
    expect(failure('A[m] = 3').message).toBe('No input tensors in einsum "A[m] = 3"');
  });

  it('rejects a malformed left side', () => {
    expect(failure('A[m] * B[m] = C[m]').message).toContain('the left side must be one tensor');
  });

  it('rejects duplicate ranks within one tensor', () => {
    expect(failure('A[m] = B[m, M: k]').message).toBe('Duplicate rank M in the projection of B');
  });

  it('rejects a trailing comma', () => {
    expect(failure('A[m] = B[m,]').message).toBe('Empty projection item in B (trailing or doubled comma?)');
  });

  it('rejects non-identifier and uppercase rank variables', () => {
    expect(failure('A[m] = B[m-n]').message).toContain('Invalid rank variable "m-n" in B');
    expect(failure('A[m] = B[123]').message).toContain('Invalid rank variable "123"');
    expect(failure('A[M] = B[m]').message).toContain('Invalid rank variable "M" in A');
  });

  it('rejects a lowercase rank before `:`', () => {
    expect(failure('A[m] = B[h: p]').message).toContain('Invalid rank "h"');
  });
});
