/** The evaluated worked examples of docs/spec-format.md §12, on our example library. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../../src/cli/node-file-system.js';
import { prepareSpec, type PreparedSpec } from '../../../src/engine/index.js';
import type { EvaluatedLeaf } from '../../../src/engine/evaluate/index.js';
import { InvertibleSet } from '../../../src/engine/spec/expr/index.js';

const EXAMPLES = join(import.meta.dirname, '../../../src/examples');

function prepare(files: string[], variables: Record<string, unknown>): PreparedSpec {
  const result = prepareSpec({ fs: new NodeFileSystem(), specFiles: files.map((f) => join(EXAMPLES, f)), variables });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.value;
}

function elements(value: unknown): readonly string[] {
  if (!(value instanceof InvertibleSet)) throw new Error('not a set');
  return value.elements;
}

function leafNamed(prepared: PreparedSpec, einsum: string, name: string): EvaluatedLeaf {
  const arch = prepared.evaluated.arches.find((a) => a.einsum === einsum)!;
  for (const path of arch.paths) {
    const leaf = path.leaves.find((l) => l.name === name);
    if (leaf) return leaf;
  }
  throw new Error(`no leaf ${name}`);
}

describe('docs/spec-format.md §12.1 simple.yaml + matmuls.yaml (N_EINSUMS=2, M=64, KN=32), Einsum Matmul0', () => {
  const prepared = prepare(['arches/simple.yaml', 'workloads/basic/matmuls.yaml'], { N_EINSUMS: 2, M: 64, KN: 32 });
  const matmul0 = prepared.evaluated.workload.einsums[0]!;

  it('binds the built-in sets', () => {
    expect(elements(matmul0.symbols.get('All'))).toEqual(['T0', 'T1', 'W0']);
    expect(elements(matmul0.symbols.get('Intermediates'))).toEqual(['T1']);
    expect(elements(matmul0.symbols.get('Shared'))).toEqual(['T1']);
  });

  it('computes rank-variable bounds and tensor shapes', () => {
    expect(matmul0.bounds).toEqual({ m: 64, n0: 32, n1: 32 });
    expect(prepared.evaluated.workload.tensorShapes['T0']).toEqual({ M: 64, N0: 32 });
    expect(prepared.evaluated.workload.tensorShapes['W0']).toEqual({ N0: 32, N1: 32 });
    expect(prepared.evaluated.workload.tensorShapes['T1']).toEqual({ M: 64, N1: 32 });
    expect(matmul0.macs).toBe(64 * 32 * 32);
  });

  it('gives every access 8 bits per value and MainMemory an infinite size', () => {
    expect(matmul0.tensors.map((t) => t.bitsPerValue)).toEqual([8, 8, 8]);
    expect(leafNamed(prepared, 'Matmul0', 'MainMemory').component?.size).toBe(Infinity);
  });

  it('keeps `tensors:` for the mapper, unevaluated', () => {
    expect(leafNamed(prepared, 'Matmul0', 'GlobalBuffer').component?.tensors?.keep).toBe('~MainMemory');
  });
});

describe('docs/spec-format.md §12.2 tpu_v4i.yaml + three_matmuls_annotated.yaml, Einsum Matmul1', () => {
  const prepared = prepare(['arches/tpu_v4i.yaml', 'workloads/basic/three_matmuls_annotated.yaml'], {});
  const matmul1 = prepared.evaluated.workload.einsums.find((e) => e.name === 'Matmul1')!;

  it('evaluates the renames and persistent tensors', () => {
    expect(elements(matmul1.symbols.get('input'))).toEqual(['T0']);
    expect(elements(matmul1.symbols.get('output'))).toEqual(['T1']);
    expect(elements(matmul1.symbols.get('weight'))).toEqual(['W0']);
    expect(matmul1.tensors.find((t) => t.name === 'W0')?.persistent).toBe(true);
    expect(matmul1.tensors.find((t) => t.name === 'T0')?.persistent).toBe(false);
  });

  it('computes sizes from expressions', () => {
    expect(leafNamed(prepared, 'Matmul1', 'GlobalBuffer').component?.size).toBe(1073741824);
    expect(leafNamed(prepared, 'Matmul1', 'LocalBuffer').component?.size).toBe(33554432);
    expect(leafNamed(prepared, 'Matmul1', 'Register').component?.size).toBe(8);
  });

  it('evaluates throughputs and energies', () => {
    const mainRead = leafNamed(prepared, 'Matmul1', 'MainMemory').component?.actions.find((a) => a.name === 'read');
    expect(mainRead?.throughput).toBe(4.912e12);
    const compute = leafNamed(prepared, 'Matmul1', 'MAC').component?.actions.find((a) => a.name === 'compute');
    expect(compute?.throughput).toBe(1050000000);
    expect(compute?.energy).toBe(8.4e-14);
  });

  it('enables the MAC and not the ScalarUnit for a three-tensor Einsum', () => {
    expect(leafNamed(prepared, 'Matmul1', 'ScalarUnit').component?.enabled).toBe(false);
    expect(leafNamed(prepared, 'Matmul1', 'MAC').component?.enabled).toBe(true);
  });

  it('resolves spatial reuse sets', () => {
    const local = leafNamed(prepared, 'Matmul1', 'LocalBuffer').spatial[0]!;
    expect(local.reuse).toEqual({ elements: [] });
    expect(local.mayReuse).toEqual({ elements: [] });
    const pe = leafNamed(prepared, 'Matmul1', 'ProcessingElement').spatial;
    const byName = Object.fromEntries(pe.map((s) => [s.name, s]));
    expect(byName['reuse_input']?.reuse).toEqual({ elements: ['T0'] });
    expect(byName['reuse_input']?.mayReuse).toEqual({ elements: ['T0'] });
    expect(byName['reuse_output']?.reuse).toEqual({ elements: ['T1'] });
  });

  it('flattens one path per compute unit', () => {
    const paths = prepared.evaluated.arches.find((a) => a.einsum === 'Matmul1')!.paths;
    expect(paths.map((p) => p.leaves.map((l) => l.name))).toEqual([
      ['MainMemory', 'GlobalBuffer', 'LocalBuffer', 'ScalarUnit'],
      ['MainMemory', 'GlobalBuffer', 'LocalBuffer', 'ProcessingElement', 'Register', 'MAC'],
    ]);
  });

  it('counts the fanout above each node, not its own', () => {
    expect(leafNamed(prepared, 'Matmul1', 'LocalBuffer').ancestorFanout).toBe(1);
    expect(leafNamed(prepared, 'Matmul1', 'Register').ancestorFanout).toBe(4 * 128 * 128);
  });
});

describe('docs/spec-format.md §12.3 concise strings through the whole pipeline (mobilenet halo)', () => {
  const prepared = prepare(['arches/simple.yaml', 'workloads/cnns/mobilenet/mobilenet_28.yaml'], {});
  it('bounds p1 by the output and the input halo', () => {
    const depthwise = prepared.evaluated.workload.einsums.find((e) => e.name === 'Depthwise0')!;
    expect(depthwise.bounds['p1']).toBe(28);
    expect(depthwise.bounds['r0']).toBe(3);
  });
});
