import { describe, expect, it } from 'vitest';
import type { ModelResult } from '../../../src/engine/model/index.js';
import type { ArchLeaf, ModelEinsum } from '../../../src/engine/model/types.js';
import { mappingOf, matmul, run, simpleArch } from './builders.js';

/** unfused_matmuls_to_simple.yaml rendered with N_EINSUMS = 1. */
const UNFUSED_ONE = `
mapping:
  nodes:
  - !Storage {tensors: [T0], component: MainMemory}
  - !Storage {tensors: [T1], component: MainMemory}
  - !Storage {tensors: [W0], component: MainMemory}
  - !Storage {tensors: [T0, W0, T1], component: GlobalBuffer}
  - !Temporal {rank_variable: m, tile_shape: 1}
  - !Temporal {rank_variable: n0, tile_shape: 1}
  - !Temporal {rank_variable: n1, tile_shape: 1}
  - !Compute {einsum: Matmul0, component: MAC}
`;

function energyOf(result: ModelResult, component: string, tensor: string): number {
  return result.energyEntries()
    .filter((e) => e.component === component && e.tensor === tensor)
    .reduce((s, e) => s + e.energy, 0);
}

function modelWith(mm: Partial<ArchLeaf>): ModelResult {
  const [main, gb, mac] = simpleArch();
  const arch = [{ ...main!, ...mm }, gb!, mac!];
  return run([matmul(0, 64, 32, arch)], mappingOf(UNFUSED_ONE));
}

describe('docs/model.md §10.1 test_model (simple arch, M=64, KN=32)', () => {
  const result = modelWith({});

  it('charges M·KN·8 for T0, KN²·8 for W0 and M·KN·8 for T1 at MainMemory', () => {
    expect(energyOf(result, 'MainMemory', 'T0')).toBe(16384);
    expect(energyOf(result, 'MainMemory', 'W0')).toBe(8192);
    expect(energyOf(result, 'MainMemory', 'T1')).toBe(16384);
    expect(result.actionCount('Matmul0', 'MainMemory', 'T1', 'read')).toBe(0);
    expect(result.actionCount('Matmul0', 'MainMemory', 'T1', 'write')).toBe(16384);
  });

  it('counts GlobalBuffer fills, operand reads and read-modify-writes', () => {
    expect(result.actionCount('Matmul0', 'GlobalBuffer', 'T0', 'write')).toBe(16384);
    expect(result.actionCount('Matmul0', 'GlobalBuffer', 'T0', 'read')).toBe(524288);
    expect(result.actionCount('Matmul0', 'GlobalBuffer', 'W0', 'write')).toBe(8192);
    expect(result.actionCount('Matmul0', 'GlobalBuffer', 'W0', 'read')).toBe(524288);
    expect(result.actionCount('Matmul0', 'GlobalBuffer', 'T1', 'write')).toBe(524288);
    expect(result.actionCount('Matmul0', 'GlobalBuffer', 'T1', 'read')).toBe(524288);
    expect(result.actionCount('Matmul0', 'MAC', null, 'compute')).toBe(65536);
  });

  it('totals energy and latency', () => {
    expect(result.energy()).toBe(40960 + 16384 + 524288 + 8192 + 524288 + 2 * 524288 + 65536);
    expect(result.latency()).toBe(65536);
    expect(result.computeOps()).toBe(65536);
  });

  it('uses a memory bits_per_value override only in that memory', () => {
    const half = modelWith({ bitsPerValue: { T0: 4 } });
    expect(energyOf(half, 'MainMemory', 'T0')).toBe(8192);
    expect(half.actionCount('Matmul0', 'GlobalBuffer', 'T0', 'write')).toBe(16384);
    const wide = modelWith({ bitsPerValue: { T0: 16, W0: 16, T1: 16 } });
    expect(energyOf(wide, 'MainMemory', 'T0')).toBe(64 * 32 * 16);
    expect(energyOf(wide, 'MainMemory', 'W0')).toBe(32 * 32 * 16);
    expect(energyOf(wide, 'MainMemory', 'T1')).toBe(64 * 32 * 16);
  });

  it('re-reads initial outputs when MainMemory.skip_initial_output_write is false', () => {
    const noSkip = modelWith({ skipInitialOutputWrite: false });
    expect(energyOf(noSkip, 'MainMemory', 'T1')).toBe(2 * 64 * 32 * 8);
    expect(noSkip.actionCount('Matmul0', 'GlobalBuffer', 'T1', 'write')).toBe(524288);
  });
});
