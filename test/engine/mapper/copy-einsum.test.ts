/**
 * Copy Einsums against AccelForge main's `evaluate_mapping` (commit 1c1929c): the same mappings
 * of I[d] = I_in[d] (8-bit values, d = 4096) on tpu_v4i gave 32768 bits per charged action in
 * exactly these places, all under the source tensor I_in. The source is read where it lives and
 * the copy written where it goes; holders below the last backing holder are dropped.
 */
import { describe, expect, it } from 'vitest';
import { dropHoldersBelowLastBacking, mergeCopyRecords } from '../../../src/engine/model/copy-einsum.js';
import type { PHolder, PNode } from '../../../src/engine/model/pmapping.js';
import { numberRecord } from '../../../src/engine/model/record.js';
import type { ModelEinsum } from '../../../src/engine/model/types.js';
import { compute, mappingOf, memory, run, tensor } from '../model/builders.js';

const D = 64;
const BITS = D * 8;

const copy: ModelEinsum = {
  name: 'I',
  rankBounds: { d: D },
  tensors: [tensor('I', ['d'], { output: true }), tensor('I_in', ['d'])],
  isCopyOperation: true,
  nInstances: 1,
  arch: [memory('MainMemory', 1, 1, Infinity), memory('GlobalBuffer', 1, 1, Infinity), memory('LocalBuffer', 1, 1, Infinity), compute('ScalarUnit', 0, 1)],
  offPath: [],
};

/** The copy's non-zero actions (all charged to the source I_in), as `level action bits`. */
function copyTraffic(nodes: string): string[] {
  const lines = nodes.trim().split('\n').map((l) => `  - ${l.trim()}`);
  const result = run([copy], mappingOf(`mapping:\n  nodes:\n${lines.join('\n')}\n  - !Compute {einsum: I, component: ScalarUnit}`));
  expect(result.computeOps()).toBe(0);
  const charged = result.actionEntries().filter((a) => a.tensor !== null && a.count !== 0);
  expect(new Set(charged.map((a) => a.tensor))).toEqual(new Set(charged.length ? ['I_in'] : []));
  return charged.map((a) => `${a.component} ${a.action} ${a.count}`).sort();
}

describe('copy Einsum traffic (AccelForge main evaluate_mapping)', () => {
  it('reads the source where it lives and writes the copy below it', () => {
    expect(copyTraffic(`
      !Storage {tensors: [I_in], component: MainMemory}
      !Storage {tensors: [I], component: GlobalBuffer}
      !Temporal {rank_variable: d, tile_shape: 1}`)).toEqual([`GlobalBuffer write ${BITS}`, `MainMemory read ${BITS}`]);
  });

  it('reads the source below and writes the copy above when the copy goes outward', () => {
    expect(copyTraffic(`
      !Storage {tensors: [I], component: MainMemory}
      !Storage {tensors: [I_in], component: GlobalBuffer}
      !Temporal {rank_variable: d, tile_shape: 1}`)).toEqual([`GlobalBuffer read ${BITS}`, `MainMemory write ${BITS}`]);
  });

  it('moves nothing when both tensors share one memory', () => {
    expect(copyTraffic(`
      !Storage {tensors: [I_in, I], component: MainMemory}
      !Temporal {rank_variable: d, tile_shape: 1}`)).toEqual([]);
  });

  it('skips a level the copy does not store at', () => {
    expect(copyTraffic(`
      !Storage {tensors: [I_in], component: MainMemory}
      !Temporal {rank_variable: d, tile_shape: 16}
      !Storage {tensors: [I], component: LocalBuffer}
      !Temporal {rank_variable: d, tile_shape: 1}`)).toEqual([`LocalBuffer write ${BITS}`, `MainMemory read ${BITS}`]);
  });

  it('ignores holders below the last backing one', () => {
    expect(copyTraffic(`
      !Storage {tensors: [I_in], component: MainMemory}
      !Storage {tensors: [I], component: GlobalBuffer}
      !Temporal {rank_variable: d, tile_shape: 16}
      !Storage {tensors: [I], component: LocalBuffer}
      !Temporal {rank_variable: d, tile_shape: 1}`)).toEqual([`GlobalBuffer write ${BITS}`, `MainMemory read ${BITS}`]);
    expect(copyTraffic(`
      !Storage {tensors: [I_in], component: MainMemory}
      !Storage {tensors: [I, I_in], component: GlobalBuffer}
      !Temporal {rank_variable: d, tile_shape: 1}`)).toEqual([`GlobalBuffer write ${BITS}`, `MainMemory read ${BITS}`]);
  });

  it('has a middle holder of the source write back instead of fill (read twice, parent written)', () => {
    expect(copyTraffic(`
      !Storage {tensors: [I_in], component: MainMemory}
      !Storage {tensors: [I_in], component: GlobalBuffer}
      !Temporal {rank_variable: d, tile_shape: 16}
      !Storage {tensors: [I], component: LocalBuffer}
      !Temporal {rank_variable: d, tile_shape: 1}`)).toEqual([`GlobalBuffer read ${2 * BITS}`, `LocalBuffer write ${BITS}`, `MainMemory write ${BITS}`]);
  });

  it('cancels a middle holder that shares its level with the copy', () => {
    // Listed before I, the GlobalBuffer's I_in is kept: its write-back meets I's write and both cancel.
    expect(copyTraffic(`
      !Storage {tensors: [I_in], component: MainMemory}
      !Storage {tensors: [I_in, I], component: GlobalBuffer}
      !Temporal {rank_variable: d, tile_shape: 1}`)).toEqual([`MainMemory write ${BITS}`]);
  });
});

function holder(tensorIndex: number, leaf: number, backing: boolean): PHolder {
  return { kind: 'holder', toll: false, tensor: tensorIndex, leaf, persistent: false, path: ['mapping', 'nodes', leaf], backing };
}

describe('dropHoldersBelowLastBacking', () => {
  it('drops holders after the last backing one and keeps every loop', () => {
    const loop: PNode = { kind: 'loop', spatial: false, rv: 0, tile: 1, owner: -1, dim: -1, path: [], loopIndex: 0 };
    const nodes = [holder(1, 0, true), holder(0, 1, true), loop, holder(0, 2, false), loop];
    expect(dropHoldersBelowLastBacking(nodes)).toEqual([nodes[0], nodes[1], loop, loop]);
  });

  it('keeps a non-backing holder above the last backing one', () => {
    const nodes = [holder(1, 0, true), holder(1, 1, false), holder(0, 2, true)];
    expect(dropHoldersBelowLastBacking(nodes)).toEqual(nodes);
  });
});

describe('mergeCopyRecords', () => {
  it('merges each level under the source with "min, but 0 wins", named by its first holder', () => {
    const a = numberRecord(1, 0, 3);
    a.rd = 8;
    a.wr = 4;
    const b = numberRecord(1, 1, 1);
    b.rd = 6;
    b.depth = 2;
    const [merged] = mergeCopyRecords([a, b], 1);
    expect([merged!.tensor, merged!.holderIndex, merged!.depth, merged!.rd, merged!.wr]).toEqual([1, 1, 2, 6, 0]);
  });
});
