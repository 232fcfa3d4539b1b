import { describe, expect, it } from 'vitest';
import { evaluateMapping } from '../../../src/engine/model/index.js';
import type { ArchLeaf, ModelEinsum } from '../../../src/engine/model/types.js';
import { action, compute, dim, leaf, mappingOf, matmul, memory, run, simpleArch } from './builders.js';

const SMALL = `
mapping:
  nodes:
  - !Storage {tensors: [T0, W0, T1], component: MM}
  - !Spatial {rank_variable: m, tile_shape: 2, name: X, component: Buffer}
  - !Storage {tensors: [T0], component: Buffer}
  - !Temporal {rank_variable: m, tile_shape: 1}
  - !Temporal {rank_variable: n0, tile_shape: 1}
  - !Temporal {rank_variable: n1, tile_shape: 1}
  - !Compute {einsum: Matmul0, component: MAC}
`;

function smallArch(mac: Partial<ArchLeaf> = {}, gateable = true): ArchLeaf[] {
  return [
    memory('MM', 1, 1, Infinity, { totalLeakPower: 1 }),
    memory('Buffer', 1, 1, Infinity, { spatial: [dim('X', 4, [], { powerGateable: gateable })], totalLeakPower: 10 }),
    compute('MAC', 1, 1, { totalLeakPower: 4, ...mac }),
  ];
}

function small(arch: ArchLeaf[], extra: Partial<ModelEinsum> = {}) {
  // m = 4 split over 2 of the 4 X instances; 16 MACs, 8 temporal steps.
  return run([matmul(0, 4, 2, arch, extra)], mappingOf(SMALL));
}

function leakOf(result: ReturnType<typeof small>, component: string): number {
  return result.energyEntries().find((e) => e.component === component && e.action === 'leak')!.energy;
}

describe('leak, power gating, instances and scales', () => {
  it('leaks power × latency, gated by the used fraction of power-gateable dimensions', () => {
    const offPath = [
      { name: 'Idle', totalLeakPower: 3, totalArea: 0, powerGateable: false },
      { name: 'Gated', totalLeakPower: 3, totalArea: 0, powerGateable: true },
    ];
    const result = small(smallArch(), { offPath });
    expect(result.latency()).toBe(8);
    expect(leakOf(result, 'MM')).toBe(8);
    // usage = 2/4; porp = usage / fanout = 0.125 (AccelForge divides by the fanout twice).
    expect(leakOf(result, 'Buffer')).toBe(10 * 8 * 0.125);
    expect(leakOf(result, 'MAC')).toBe(4 * 8 * 0.125);
    expect(leakOf(result, 'Idle')).toBe(24);
    expect(leakOf(result, 'Gated')).toBe(0);
    expect(result.einsums[0]!.fanout).toEqual([{ component: 'Buffer', dimension: 'X', used: 2, fanout: 4, usage: 0.5 }]);
  });

  it('does not gate dimensions that are not power-gateable', () => {
    expect(leakOf(small(smallArch({}, false)), 'MAC')).toBe(32);
  });

  it('multiplies energy, latency and action counts by n_instances', () => {
    const one = small(smallArch());
    const three = small(smallArch(), { nInstances: 3 });
    expect(three.energy()).toBe(3 * one.energy());
    expect(three.latency()).toBe(3 * one.latency());
    expect(three.actionCount('Matmul0', 'MAC', null, 'compute')).toBe(48);
    expect(three.actionCount('Matmul0', 'MM', 'T0', 'read')).toBe(3 * one.actionCount('Matmul0', 'MM', 'T0', 'read'));
  });

  it('applies actions_scale to counts and to latency call counts', () => {
    const result = small(smallArch({ actionsScale: 2 }));
    expect(result.actionCount('Matmul0', 'MAC', null, 'compute')).toBe(32);
    expect(result.latency()).toBe(16);
  });

  it('takes a numeric total_latency as is and skips a null one', () => {
    expect(small(smallArch({ totalLatency: 5 })).latency()).toBe(5);
    const none = small(smallArch({ totalLatency: null }));
    expect(none.componentLatencies().map((c) => c.component)).toEqual(['MM', 'Buffer']);
    expect(none.latency()).toBe(0);
  });

  it('counts persistent tiles once per instance, at depth -1', () => {
    const arch = simpleArch();
    const result = run([matmul(0, 64, 32, arch, { nInstances: 2 })], mappingOf(`
mapping:
  nodes:
  - !Storage {tensors: [T0, W0, T1], component: MainMemory}
  - !Storage {tensors: [W0], component: GlobalBuffer, persistent: true}
  - !Temporal {rank_variable: m, tile_shape: 1}
  - !Temporal {rank_variable: n0, tile_shape: 1}
  - !Temporal {rank_variable: n1, tile_shape: 1}
  - !Compute {einsum: Matmul0, component: MAC}
`));
    const w0 = result.einsums[0]!.usage.find((u) => u.tensor === 'W0' && u.component === 'GlobalBuffer')!;
    expect(w0).toMatchObject({ bits: 2 * 32 * 32 * 8, depth: -1 });
  });
});

describe('more invalid mappings', () => {
  it('reports an action the component lacks', () => {
    const arch = smallArch();
    const noWrite = { ...arch[1]!, actions: [action('read', 1, Infinity)] };
    const result = evaluateMapping({ einsums: [matmul(0, 4, 2, [arch[0]!, noWrite, arch[2]!])], mapping: mappingOf(SMALL) });
    expect(result.ok || result.errors[0]!.message).toBe("action 'write' not found in component 'Buffer'");
  });

  it('reports a spatial loop pushed below a temporal loop over the same relevant rank variable', () => {
    const arch = [memory('MM', 1, 1, Infinity), memory('GB', 1, 1, Infinity), ...smallArch().slice(1)];
    const result = evaluateMapping({ einsums: [matmul(0, 64, 2, arch)], mapping: mappingOf(`
mapping:
  nodes:
  - !Storage {tensors: [T0, W0, T1], component: MM}
  - !Spatial {rank_variable: m, tile_shape: 16, name: X, component: Buffer}
  - !Temporal {rank_variable: m, tile_shape: 4}
  - !Storage {tensors: [T0], component: GB}
  - !Storage {tensors: [T0], component: Buffer}
  - !Temporal {rank_variable: m, tile_shape: 1}
  - !Temporal {rank_variable: n0, tile_shape: 1}
  - !Temporal {rank_variable: n1, tile_shape: 1}
  - !Compute {einsum: Matmul0, component: MAC}
`) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.message).toContain("a spatial loop over 'm' would move above a temporal loop");
  });

  it('rejects a Toll as the outermost holder of a tensor two Einsums share', () => {
    const arch = [
      memory('MM', 0, 0, Infinity),
      leaf('Toll', 'toll', { actions: [action('read', 1, Infinity)] }),
      compute('MAC', 1, 1),
    ];
    const branches = [0, 1].map((i) => `
    - !Nested
      nodes:
      - !Storage {tensors: [T${i}, W${i}], component: MM}
      - !Toll {tensors: [T${i + 1}], component: Toll}
      - !Temporal {rank_variable: m, tile_shape: 1}
      - !Temporal {rank_variable: n${i}, tile_shape: 1}
      - !Temporal {rank_variable: n${i + 1}, tile_shape: 1}
      - !Compute {einsum: Matmul${i}, component: MAC}`).join('');
    const result = evaluateMapping({
      einsums: [matmul(0, 4, 2, arch), matmul(1, 4, 2, arch)],
      mapping: mappingOf(`mapping:\n  nodes:\n  - !Sequential\n    nodes:${branches}\n`),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.path).toEqual(['mapping', 'nodes', 0, 'nodes', 0, 'nodes', 1, 'tensors', 0]);
  });
});

describe('unsupported architecture features', () => {
  it('refuses a Network on the path instead of leaving out its traffic', () => {
    const arch = [memory('MM', 1, 1, Infinity), leaf('NoC', 'network'), compute('MAC', 1, 1)];
    const result = evaluateMapping({ einsums: [matmul(0, 4, 2, arch)], mapping: mappingOf(SMALL.replace(/  - !Spatial.*\n  - !Storage \{tensors: \[T0\], component: Buffer\}\n/, '')) });
    expect(result.ok || result.errors[0]!.message).toBe("network 'NoC' on the path of Einsum Matmul0 is not supported by the model yet");
  });
});
