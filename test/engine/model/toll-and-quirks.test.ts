import { describe, expect, it } from 'vitest';
import { action, compute, leaf, mappingOf, matmul, memory, run, tensor } from './builders.js';
import type { ArchLeaf, ModelEinsum } from '../../../src/engine/model/types.js';

describe('docs/model.md §10.6 test_toll', () => {
  const arch: ArchLeaf[] = [
    memory('main_memory', 0, 0, Infinity, { size: 1e9 }),
    leaf('Toll', 'toll', { actions: [action('read', 100, Infinity)], tollDirection: { T0: 'up_and_down', W0: 'up_and_down', T1: 'up_and_down' } }),
    memory('LocalBuffer', 0, 0, Infinity, { size: 1e9 }),
    compute('mac', 0, Infinity),
  ];
  const einsum: ModelEinsum = { ...matmul(0, 128, 64, arch), rankBounds: { m: 128, n0: 64, n1: 128 } };
  const mapping = mappingOf(`
mapping:
  nodes:
  - !Storage {tensors: [T0, W0, T1], component: main_memory}
  - !Toll {tensors: [T0, W0, T1], component: Toll}
  - !Storage {tensors: [T0, W0, T1], component: LocalBuffer}
  - !Temporal {rank_variable: m, tile_shape: 1}
  - !Temporal {rank_variable: n0, tile_shape: 1}
  - !Temporal {rank_variable: n1, tile_shape: 1}
  - !Compute {einsum: Matmul0, component: mac}
`);
  const result = run([einsum], mapping);

  it('charges one read per bit passing through, none for elided first fills', () => {
    expect(result.energy()).toBe(26214400);
    expect(result.actionCount('Matmul0', 'Toll', 'T0', 'read')).toBe(128 * 64 * 8);
    expect(result.actionCount('Matmul0', 'Toll', 'T1', 'read')).toBe(128 * 128 * 8);
  });

  it('is invisible to the memories around it and holds nothing', () => {
    expect(result.actionCount('Matmul0', 'main_memory', 'T0', 'read')).toBe(128 * 64 * 8);
    expect(result.actionCount('Matmul0', 'main_memory', 'T1', 'read')).toBe(0);
    expect(result.actionCount('Matmul0', 'main_memory', 'T1', 'write')).toBe(128 * 128 * 8);
    expect(result.actionEntries().some((a) => a.component === 'Toll' && a.action === 'write')).toBe(false);
    expect(result.einsums[0]!.usage.some((u) => u.component === 'Toll')).toBe(false);
  });
});

describe('docs/model.md §3.2 uneven tiles', () => {
  // Z[k] += A[n] · B[k] with n = 10 tiled by 4: average 2.5 iterations, refetch counts ceil(2.5) = 3.
  const arch = [memory('MM', 1, 1, Infinity), memory('GB', 1, 1, Infinity), compute('MAC', 1, 1)];
  const einsum: ModelEinsum = {
    name: 'E',
    rankBounds: { n: 10, k: 2 },
    tensors: [tensor('A', ['n']), tensor('B', ['k']), tensor('Z', ['k'], { output: true })],
    isCopyOperation: false,
    nInstances: 1,
    arch,
    offPath: [],
  };
  const result = run([einsum], mappingOf(`
mapping:
  nodes:
  - !Storage {tensors: [A, B, Z], component: MM}
  - !Temporal {rank_variable: n, tile_shape: 4}
  - !Temporal {rank_variable: n, tile_shape: 1}
  - !Storage {tensors: [B], component: GB}
  - !Temporal {rank_variable: k, tile_shape: 1}
  - !Compute {einsum: E, component: MAC}
`));

  it('computes exactly Π N operations and exact traffic for relevant tensors', () => {
    expect(result.computeOps()).toBe(20);
    expect(result.latency()).toBe(20);
    expect(result.actionCount('E', 'MM', 'A', 'read')).toBe(20 * 8);
  });

  it('refetches an irrelevant tensor ceil(N/t) times for the outermost loop', () => {
    // 2 values × ceil(10/4) × 4 = 24 fills instead of the true 20.
    expect(result.actionCount('E', 'GB', 'B', 'write')).toBe(24 * 8);
    expect(result.actionCount('E', 'MM', 'B', 'read')).toBe(24 * 8);
  });

  it('lowers a trailing holder through relevant loops (occupancy only)', () => {
    const b = result.einsums[0]!.usage.find((u) => u.component === 'GB' && u.tensor === 'B')!;
    expect(b.bits).toBe(8);
    expect(b.depth).toBe(3);
  });

  it('keeps the full tile (not the average) for occupancy', () => {
    const staged = run([einsum], mappingOf(`
mapping:
  nodes:
  - !Storage {tensors: [A, B, Z], component: MM}
  - !Temporal {rank_variable: n, tile_shape: 4}
  - !Storage {tensors: [A, B], component: GB}
  - !Temporal {rank_variable: n, tile_shape: 1}
  - !Temporal {rank_variable: k, tile_shape: 1}
  - !Compute {einsum: E, component: MAC}
`));
    const a = staged.einsums[0]!.usage.find((u) => u.component === 'GB' && u.tensor === 'A')!;
    expect(a.bits).toBe(4 * 8);
    expect(a.depth).toBe(1);
    expect(staged.actionCount('E', 'MM', 'A', 'read')).toBe(10 * 8);
    expect(staged.actionCount('E', 'MM', 'B', 'read')).toBe(2 * 3 * 8);
  });
});
