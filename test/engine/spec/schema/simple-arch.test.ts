import { describe, expect, it } from 'vitest';
import type { RawMap } from '../../../../src/engine/spec/raw.js';
import { validSpec } from './validate.js';

/** examples/arches/simple.yaml rendered with its Jinja defaults, plus basic/matmuls.yaml (docs/spec-format.md §12.1). */
function simplePlusMatmuls(): RawMap {
  return {
    arch: {
      nodes: [
        {
          $tag: 'Memory',
          name: 'MainMemory',
          size: 'inf',
          leak_power: 0,
          area: 0,
          tensors: { keep: '~Intermediates', may_keep: 'All' },
          actions: [
            { name: 'read', energy: 1, throughput: 'inf' },
            { name: 'write', energy: 1, throughput: 'inf' },
          ],
        },
        {
          $tag: 'Memory',
          name: 'GlobalBuffer',
          size: 'inf',
          leak_power: 0,
          area: 0,
          tensors: { keep: '~MainMemory', may_keep: 'All' },
          actions: [
            { name: 'read', energy: 1, throughput: 'inf' },
            { name: 'write', energy: 1, throughput: 'inf' },
          ],
        },
        {
          $tag: 'Compute',
          name: 'MAC',
          leak_power: 0,
          area: 0,
          actions: [{ name: 'compute', energy: 1, throughput: 1 }],
        },
      ],
    },
    workload: {
      iteration_space_shape: {
        m: '0 <= m  < 64',
        n0: '0 <= n0 < 32',
        n1: '0 <= n1 < 32',
        n2: '0 <= n2 < 32',
      },
      bits_per_value: { All: 8 },
      einsums: [0, 1].map((i): RawMap => ({
        name: `Matmul${i}`,
        tensor_accesses: [
          { name: `T${i}`, projection: ['m', `n${i}`] },
          { name: `W${i}`, projection: [`n${i}`, `n${i + 1}`] },
          { name: `T${i + 1}`, projection: ['m', `n${i + 1}`], output: true },
        ],
        renames: { weight: `W${i}`, input: `T${i}`, output: `T${i + 1}` },
      })),
    },
  };
}

describe('simple.yaml + matmuls.yaml raw values (docs/spec-format.md §12.1)', () => {
  const spec = validSpec(simplePlusMatmuls());
  const [main, buffer, mac] = spec.arch.nodes;

  it('keeps MainMemory size as the string "inf" and leak_power as 0', () => {
    expect(main?.$tag).toBe('Memory');
    if (main?.$tag !== 'Memory') return expect.fail('MainMemory is a Memory');
    expect(main.size).toBe('inf');
    expect(main.leak_power).toBe(0);
  });

  it('keeps the user actions and adds no defaults when read and write are given', () => {
    if (main?.$tag !== 'Memory') return expect.fail('MainMemory is a Memory');
    expect(main.actions.map((a) => [a.name, a.energy, a.throughput])).toEqual([
      ['read', 1, 'inf'],
      ['write', 1, 'inf'],
    ]);
  });

  it('keeps tensors set expressions verbatim', () => {
    if (main?.$tag !== 'Memory' || buffer?.$tag !== 'Memory') return expect.fail('memories');
    expect(main.tensors.keep).toBe('~Intermediates');
    expect(main.tensors.may_keep).toBe('All');
    expect(buffer.tensors.keep).toBe('~MainMemory');
  });

  it('gives MAC exactly its compute action', () => {
    if (mac?.$tag !== 'Compute') return expect.fail('MAC is a Compute');
    expect(mac.actions).toHaveLength(1);
    expect(mac.actions[0]).toMatchObject({ name: 'compute', energy: 1, throughput: 1 });
  });

  it('preserves the iteration-space string including its double space', () => {
    expect(spec.workload.iteration_space_shape['m']).toBe('0 <= m  < 64');
  });

  it('normalises list projections to implied upper-cased dicts', () => {
    const t0 = spec.workload.einsums[0]?.tensor_accesses[0];
    expect(t0?.projection).toEqual({ M: 'm', N0: 'n0' });
    expect(t0?.implied_projection).toBe(true);
    expect(spec.workload.einsums[1]?.tensor_accesses[2]).toMatchObject({ name: 'T2', output: true });
  });

  it('turns the renames dict into three Rename objects in order', () => {
    expect(spec.workload.einsums[0]?.renames).toEqual([
      { name: 'weight', source: 'W0', expected_count: null },
      { name: 'input', source: 'T0', expected_count: null },
      { name: 'output', source: 'T1', expected_count: null },
    ]);
  });

  it('keeps bits_per_value as a plain dict', () => {
    expect(spec.workload.bits_per_value).toEqual({ All: 8 });
  });
});
