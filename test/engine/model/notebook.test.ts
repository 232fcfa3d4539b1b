import { describe, expect, it } from 'vitest';
import { einsumOf, mappingOf, matmul, run, simpleArch } from './builders.js';
import { FUSED_MATMULS_TWO as FUSED_TWO } from './reference-mappings.js';

const UNFUSED_TWO = `
mapping:
  nodes:
  - !Storage {tensors: [T0], component: MainMemory}
  - !Storage {tensors: [T1], component: MainMemory}
  - !Storage {tensors: [T2], component: MainMemory}
  - !Storage {tensors: [W0], component: MainMemory}
  - !Storage {tensors: [W1], component: MainMemory}
  - !Sequential
    nodes:
    - !Nested
      nodes:
      - !Storage {tensors: [T0, W0, T1], component: GlobalBuffer}
      - !Temporal {rank_variable: m, tile_shape: 1}
      - !Temporal {rank_variable: n0, tile_shape: 1}
      - !Temporal {rank_variable: n1, tile_shape: 1}
      - !Compute {einsum: Matmul0, component: MAC}
    - !Nested
      nodes:
      - !Storage {tensors: [T1, W1, T2], component: GlobalBuffer}
      - !Temporal {rank_variable: m, tile_shape: 1}
      - !Temporal {rank_variable: n1, tile_shape: 1}
      - !Temporal {rank_variable: n2, tile_shape: 1}
      - !Compute {einsum: Matmul1, component: MAC}
`;


function model(mainMemoryEnergy: number, yaml: string) {
  const arch = simpleArch({ mainMemoryEnergy, gbSize: 1e5 });
  return run([matmul(0, 64, 32, arch), matmul(1, 64, 32, arch)], mappingOf(yaml));
}

describe('docs/model.md §10.5 tutorial notebook (simple, M=64, KN=32, two Einsums)', () => {
  it('unfused: energy, latency and GlobalBuffer usage', () => {
    const result = model(40, UNFUSED_TWO);
    expect(result.energy()).toBe(7651328);
    expect(result.energyBy(['einsum']).get('Matmul0')).toBe(3825664);
    expect(result.latency()).toBe(131072);
    const gb = result.memoryUsage.find((u) => u.component === 'GlobalBuffer')!;
    expect(gb.bits).toBe(24832);
    expect(gb.fraction).toBeCloseTo(0.24832, 12);
  });

  it('fused: the intermediate stays in the GlobalBuffer and tiles above the shared loop add up', () => {
    const result = model(30, FUSED_TWO);
    expect(result.energy()).toBe(5816320);
    expect(result.energyBy(['einsum']).get('Matmul0')).toBe(2908160);
    expect(result.actionCount('Matmul0', 'GlobalBuffer', 'T1', 'read')).toBe(507904);
    expect(result.actionCount('Matmul1', 'MainMemory', 'T1', 'read')).toBe(0);
    const gb = result.memoryUsage.find((u) => u.component === 'GlobalBuffer')!;
    expect(gb.bits).toBe(16896);
  });

  it('fused mapping over a too-small buffer fails on the join', () => {
    const arch = simpleArch({ mainMemoryEnergy: 30, gbSize: 16800 });
    const einsums = [matmul(0, 64, 32, arch), matmul(1, 64, 32, arch)];
    expect(() => run(einsums, mappingOf(FUSED_TWO))).toThrow(/GlobalBuffer needs 16896 bits while Matmul1 runs/);
  });

  it('produces the CLI JSON object and per-compute figures', () => {
    const result = model(40, UNFUSED_TWO);
    const json = result.toCliJson();
    expect(json.energy).toBe(7651328);
    expect(json.latency).toBe(131072);
    expect(json.energy_breakdown).toContainEqual({ einsum: 'Matmul0', component: 'MainMemory', tensor: 'T0', action: 'read', energy: 40 * 16384 });
    expect(json.energy_breakdown).toContainEqual({ einsum: 'Matmul1', component: 'MAC', tensor: null, action: 'leak', energy: 0 });
    expect(json.latency_breakdown).toContainEqual({ einsum: 'Matmul1', component: 'MAC', latency: 65536 });
    expect(json.actions).toContainEqual({ einsum: 'Matmul0', component: 'MAC', tensor: null, action: 'compute', count: 65536 });
    expect(json.usage).toContainEqual({ einsum: 'Matmul0', component: 'GlobalBuffer', tensor: 'T0', fraction: 0.16384 });
    expect(result.energyPerCompute()).toBe(7651328 / 131072);
    expect(result.flatRecords()).toContainEqual({ einsum: 'Matmul0', component: 'GlobalBuffer', tensor: 'T1', action: 'write', count: 524288, energy: 524288 });
  });
});

describe('occupancy across Einsums', () => {
  it('keeps a tensor held before and after an Einsum allocated during it', () => {
    const arch = simpleArch({ gbSize: 1e6 });
    const e0 = matmul(0, 64, 32, arch);
    const other = einsumOf('Other', { m: 64, n0: 32, n2: 32 }, [['T0', ['m', 'n0']], ['W1', ['n0', 'n2']]], ['X', ['m', 'n2']], arch);
    const consumer = { ...matmul(1, 64, 32, arch), name: 'Consumer' };
    const loops = (a: string, b: string) => `
      - !Temporal {rank_variable: m, tile_shape: 1}
      - !Temporal {rank_variable: ${a}, tile_shape: 1}
      - !Temporal {rank_variable: ${b}, tile_shape: 1}`;
    const result = run([e0, other, consumer], mappingOf(`
mapping:
  nodes:
  - !Sequential
    nodes:
    - !Nested
      nodes:
      - !Storage {tensors: [T0, W0], component: MainMemory}
      - !Storage {tensors: [T1], component: GlobalBuffer}${loops('n0', 'n1')}
      - !Compute {einsum: Matmul0, component: MAC}
    - !Nested
      nodes:
      - !Storage {tensors: [T0, W1], component: MainMemory}
      - !Storage {tensors: [X], component: GlobalBuffer}${loops('n0', 'n2')}
      - !Compute {einsum: Other, component: MAC}
    - !Nested
      nodes:
      - !Storage {tensors: [W1, T2], component: MainMemory}
      - !Storage {tensors: [T1], component: GlobalBuffer}${loops('n1', 'n2')}
      - !Compute {einsum: Consumer, component: MAC}
`));
    const gb = result.memoryUsage.find((u) => u.component === 'GlobalBuffer')!;
    // T1 (64·32·8 bits) stays resident while Other holds X (64·32·8 bits).
    expect(gb.bits).toBe(2 * 16384);
  });
});
