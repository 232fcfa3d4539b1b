/** The nonsense `check` reports is reported by the task that would otherwise use it, too. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../../src/cli/node-file-system.js';
import { checkSpec, evaluateSpecMapping, formatSpecPath, mapSpec } from '../../../src/engine/index.js';

const BAD = join(import.meta.dirname, '../../fixtures/bad');
const input = (name: string) => ({ fs: new NodeFileSystem(), specFiles: [join(BAD, name)], variables: {} });

describe('tasks reject nonsense', () => {
  it('evaluate names the Einsum its mapping leaves out', () => {
    const file = join(import.meta.dirname, '../../fixtures/evaluate-errors/mapping-omits-einsum.yaml');
    const result = evaluateSpecMapping({ fs: new NodeFileSystem(), specFiles: [file], variables: {} });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toBe('The mapping has no !Compute node for Einsum Matmul1, so it would be left out of every total.');
    expect(result.errors[0]!.hint).toContain('!Compute {einsum: Matmul1');
    expect(formatSpecPath(result.errors[0]!.path)).toBe('mapping');
    expect(result.errors[0]!.pos?.line).toBe(47);
  });

  it('check leaves the mapping to evaluate, but evaluates the tensor sets the mapper needs', () => {
    const omits = join(import.meta.dirname, '../../fixtures/evaluate-errors/mapping-omits-einsum.yaml');
    expect(checkSpec({ fs: new NodeFileSystem(), specFiles: [omits], variables: {} }).errors).toEqual([]);
    const keep = evaluateSpecMapping(input('expression-keep-undefined-name.yaml'));
    expect(keep.ok).toBe(false);
    if (!keep.ok) expect(keep.errors[0]!.message).toMatch(/Name 'Al' is not defined/);
  });

  it('map rejects cyclic Einsums before searching', () => {
    const result = mapSpec(input('workload-cyclic-einsums.yaml'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.message).toMatch(/cycle/);
    expect(result.errors[0]!.pos?.line).toBe(43);
  });

  it('evaluate turns a NaN latency into an error naming the Einsum and component', () => {
    const file = join(import.meta.dirname, '../../fixtures/nan/latency-inf-minus-inf.yaml');
    const result = evaluateSpecMapping({ fs: new NodeFileSystem(), specFiles: [file], variables: {} });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toBe('Einsum Matmul0: the latency of MAC is NaN (not a number).');
    expect(result.errors[0]!.hint).toMatch(/total_latency/);
    expect(formatSpecPath(result.errors[0]!.path)).toBe('mapping.nodes[1].nodes[0].nodes[4]');
    expect(result.errors[0]!.pos?.line).toBe(58);
  });

  it('evaluate rejects a zero throughput instead of returning NaN energy', () => {
    const result = evaluateSpecMapping(input('range-throughput-zero.yaml'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.message).toBe('`throughput: 0` must be > 0');
  });
});
