/** The nonsense `check` reports is reported by the task that would otherwise use it, too. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../../src/cli/node-file-system.js';
import { checkSpec, evaluateSpecMapping, formatSpecPath, mapSpec, type Result, type SpecError } from '../../../src/engine/index.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
/** A fixture under test/fixtures, e.g. `bad/range-throughput-zero.yaml`. */
const input = (name: string) => ({ fs: new NodeFileSystem(), specFiles: [join(FIXTURES, name)], variables: {} });

/** The single error of a task that must fail. */
function onlyError(result: Result<unknown>): SpecError {
  if (result.ok) return expect.fail('expected the task to fail');
  expect(result.errors).toHaveLength(1);
  return result.errors[0]!;
}

describe('tasks reject nonsense', () => {
  it('evaluate names the Einsum its mapping leaves out', () => {
    const error = onlyError(evaluateSpecMapping(input('evaluate-errors/mapping-omits-einsum.yaml')));
    expect(error.message).toBe('The mapping has no !Compute node for Einsum Matmul1, so it would be left out of every total.');
    expect(error.hint).toContain('!Compute {einsum: Matmul1');
    expect(formatSpecPath(error.path)).toBe('mapping');
    expect(error.pos?.line).toBe(47);
  });

  it('check leaves the mapping to evaluate, but evaluate checks the tensor sets the mapper needs', () => {
    expect(checkSpec(input('evaluate-errors/mapping-omits-einsum.yaml')).errors).toEqual([]);
    expect(onlyError(evaluateSpecMapping(input('bad/expression-keep-undefined-name.yaml'))).message).toMatch(/Name 'Al' is not defined/);
  });

  it('map rejects cyclic Einsums before searching', () => {
    const error = onlyError(mapSpec(input('bad/workload-cyclic-einsums.yaml')));
    expect(error.message).toMatch(/cycle/);
    expect(error.pos?.line).toBe(43);
  });

  it('evaluate turns a NaN latency into an error naming the Einsum and component', () => {
    const error = onlyError(evaluateSpecMapping(input('nan/latency-inf-minus-inf.yaml')));
    expect(error.message).toBe('Einsum Matmul0: the latency of MAC is NaN (not a number).');
    expect(error.hint).toMatch(/total_latency/);
    expect(formatSpecPath(error.path)).toBe('mapping.nodes[1].nodes[0].nodes[4]');
    expect(error.pos?.line).toBe(58);
  });

  it('evaluate rejects a zero throughput instead of returning NaN energy', () => {
    expect(onlyError(evaluateSpecMapping(input('bad/range-throughput-zero.yaml'))).message).toBe('`throughput: 0` must be > 0');
  });
});
