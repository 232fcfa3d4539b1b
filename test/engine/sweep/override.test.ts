import { describe, expect, it } from 'vitest';
import { MemoryFileSystem } from '../../../src/engine/io/memory-file-system.js';
import { prepareSpec } from '../../../src/engine/pipeline/prepare.js';
import { expandSweep, makeKnob, prepareWithOverrides, runDesignSweepPoint } from '../../../src/engine/sweep/index.js';
import type { EvaluatedSpec } from '../../../src/engine/evaluate/index.js';

const ARCH = `
{% set GLB = GLB | default(1024) %}
arch:
  variables: {quoted_text: "width * 2", width: 8, doubled: width * 2}
  nodes:
  - !Memory
    name: MainMemory
    size: inf
    leak_power: 0
    area: 0
    tensors: {keep: ~Intermediates, may_keep: All}
    actions:
    - {name: read, energy: 1, throughput: inf}
    - {name: write, energy: 1, throughput: inf}
  - !Memory
    name: GlobalBuffer
    size: {{GLB}} * 2
    leak_power: 0
    area: 0
    tensors: {keep: ~MainMemory, may_keep: All}
    actions:
    - {name: read, energy: 1, throughput: inf}
    - {name: write, energy: 1, throughput: inf}
  - !Compute
    name: MAC
    leak_power: 0
    area: 0
    actions:
    - {name: compute, energy: 1, throughput: 1}
`;

const WORKLOAD = `
workload:
  iteration_space_shape: {m: 0 <= m < 4, n: 0 <= n < 4}
  bits_per_value: {All: 8}
  einsums:
  - name: E
    tensor_accesses:
    - {name: A, projection: [m]}
    - {name: B, projection: [m, n], output: True}
`;

function fs(): MemoryFileSystem {
  return new MemoryFileSystem({ '/spec/arch.yaml': ARCH, '/spec/workload.yaml': WORKLOAD });
}

function globalBufferSize(evaluated: EvaluatedSpec): number | null | undefined {
  return evaluated.arches[0]!.paths[0]!.leaves.find((l) => l.name === 'GlobalBuffer')?.component?.size;
}

describe('prepareWithOverrides', () => {
  const input = { fs: fs(), specFiles: ['/spec/arch.yaml', '/spec/workload.yaml'], variables: { GLB: 512 } };

  it('leaves the spec alone without overrides (Jinja still applies)', () => {
    const out = prepareWithOverrides(input, []);
    expect(out.ok && globalBufferSize(out.value.prepared.evaluated)).toBe(1024);
  });

  it('replaces an expression-valued field before validation', () => {
    const out = prepareWithOverrides(input, [{ path: 'arch.nodes[name=GlobalBuffer].size', value: 4096 }]);
    if (!out.ok) throw new Error(out.errors[0]!.message);
    expect(globalBufferSize(out.value.prepared.evaluated)).toBe(4096);
    expect(out.value.input.specFiles[0]).toBe('/spec/.accelforge-sweep-override.yaml');
  });

  it('gives later stages an input that loads to the same tree: tags, quoting and free-form expressions kept', () => {
    const out = prepareWithOverrides(input, [{ path: 'arch.nodes[1].size', value: 4096 }]);
    if (!out.ok) throw new Error(out.errors[0]!.message);
    const again = prepareSpec(out.value.input);
    if (!again.ok) throw new Error(again.errors[0]!.message);
    expect(globalBufferSize(again.value.evaluated)).toBe(4096);
    const original = prepareSpec(input);
    if (!original.ok) throw new Error(original.errors[0]!.message);
    const vars = again.value.evaluated.arches[0]!.paths[0]!.leaves;
    expect(vars.map((l) => [l.kind, l.name])).toEqual([['memory', 'MainMemory'], ['memory', 'GlobalBuffer'], ['compute', 'MAC']]);
    // The quoted string stays a literal; the plain one is still evaluated (16).
    expect(again.value.spec.arch.variables).toEqual(original.value.spec.arch.variables);
    expect(again.value.isLiteral(again.value.spec.arch.variables as object, 'quoted_text')).toBe(true);
    expect(again.value.isLiteral(again.value.spec.arch.variables as object, 'doubled')).toBe(false);
  });

  it('reports a bad path as a schema error with a hint', () => {
    const out = prepareWithOverrides(input, [{ path: 'arch.nodes[name=Nope].size', value: 1 }]);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors[0]!.kind).toBe('schema');
    expect(out.errors[0]!.message).toContain('has: MainMemory, GlobalBuffer, MAC');
    expect(out.errors[0]!.hint).toContain('arch.nodes[name=GlobalBuffer].size');
    // Positioned at the list it searched.
    expect(out.errors[0]!.path).toEqual(['arch', 'nodes']);
    expect(out.errors[0]!.pos?.file).toContain('arch.yaml');
  });
});

describe('runDesignSweepPoint over in-memory files', () => {
  it('maps a field-overridden point and returns plain data', () => {
    const [point] = expandSweep({
      specFiles: ['/spec/arch.yaml', '/spec/workload.yaml'],
      variables: {},
      knobs: [makeKnob('arch.nodes[name=MainMemory].actions[name=read].energy', [3])],
      settings: { metric: 'energy' },
    });
    const result = runDesignSweepPoint({ '/spec/arch.yaml': ARCH, '/spec/workload.yaml': WORKLOAD }, point!);
    expect(result.errors).toEqual([]);
    // 16 MACs; A (4 values × 8 bits) read off chip at 3 per bit, B (16 × 8 bits) written at 1 per bit;
    // the GlobalBuffer would only add accesses.
    expect(result.metrics!.computeOps).toBe(16);
    expect(result.metrics!.energyByComponent.MainMemory).toBe(4 * 8 * 3 + 16 * 8);
    expect(structuredClone(result)).toEqual(result);
  });
});
