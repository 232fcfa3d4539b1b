import { describe, expect, it } from 'vitest';
import type { ModelEinsum } from '../../../src/engine/model/types.js';
import { mappingOf, run, simpleArch, tensor } from './builders.js';

const copy: ModelEinsum = {
  name: 'Copy',
  rankBounds: { m: 64 },
  tensors: [tensor('In', ['m']), tensor('Out', ['m'], { output: true })],
  isCopyOperation: true,
  nInstances: 1,
  arch: simpleArch(),
  offPath: [],
};

function copyTo(memory: string) {
  return run([copy], mappingOf(`
mapping:
  nodes:
  - !Storage {tensors: [In], component: MainMemory}
  - !Storage {tensors: [Out], component: ${memory}}
  - !Temporal {rank_variable: m, tile_shape: 1}
  - !Compute {einsum: Copy, component: MAC}
`));
}

describe('copy Einsums (docs/model.md §9)', () => {
  it('read the source where it lives and write the copy where it goes, under the source tensor, with no compute', () => {
    // AccelForge main: In in MainMemory, Out in GlobalBuffer reads MainMemory and writes GlobalBuffer.
    const result = copyTo('GlobalBuffer');
    expect(result.computeOps()).toBe(0);
    expect(result.actionCount('Copy', 'MainMemory', 'In', 'read')).toBe(64 * 8);
    expect(result.actionCount('Copy', 'GlobalBuffer', 'In', 'write')).toBe(64 * 8);
    expect(result.actionCount('Copy', 'MainMemory', 'In', 'write')).toBe(0);
    expect(result.actionCount('Copy', 'GlobalBuffer', 'In', 'read')).toBe(0);
    expect(result.actionEntries().some((a) => a.tensor === 'Out')).toBe(false);
    expect(result.energy()).toBe(2 * 64 * 8);
  });

  it('cost nothing within one memory ("min, but 0 wins")', () => {
    const result = copyTo('MainMemory');
    expect(result.energy()).toBe(0);
  });
});
