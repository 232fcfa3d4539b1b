/**
 * Copy Einsums against AccelForge 1.0.467's `evaluate_mapping`: the same mappings of
 * I[b, m, d] = I_in[b, m, d] (8-bit values, d = 4096) on tpu_v4i gave 32768 bits per charged
 * action in exactly these places. The levels a copy stores at act as one chain holding both
 * tensors, and data moves up it whichever tensor sits where.
 */
import { describe, expect, it } from 'vitest';
import { mergeCopyRecords, shareCopyHolders } from '../../../src/engine/model/copy-einsum.js';
import { compileEinsum } from '../../../src/engine/model/einsum-info.js';
import { countLoops, numericLoopValues } from '../../../src/engine/model/loop-counts.js';
import { mappingPaths } from '../../../src/engine/model/mapping-paths.js';
import { buildPMapping, type PHolder, type PNode } from '../../../src/engine/model/pmapping.js';
import { numberRecord } from '../../../src/engine/model/record.js';
import { insertReservations } from '../../../src/engine/model/reservations.js';
import { analyzeTensor } from '../../../src/engine/model/reuse.js';
import { tensorView } from '../../../src/engine/model/tensor-view.js';
import type { ModelEinsum } from '../../../src/engine/model/types.js';
import { compute, mappingOf, memory, tensor } from '../model/builders.js';

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

/** Read and write bits per level after the copy's records are merged, as `level read/write`. */
function copyTraffic(nodes: string): string[] {
  const mapping = mappingOf(`mapping:\n  nodes:\n${nodes.trim().split('\n').map((l) => `  - ${l.trim()}`).join('\n')}\n  - !Compute {einsum: I, component: ScalarUnit}`);
  const info = compileEinsum(copy);
  const built = buildPMapping(info, mappingPaths(mapping)[0]!, new Map([['I', 1], ['I_in', 1]]));
  const shared = shareCopyHolders(built.nodes.filter((n) => n.kind !== 'reservation'), copy.tensors.length);
  const pm = { ...built, nodes: insertReservations(info, shared.nodes), holders: shared.holders };
  const values = numericLoopValues(info, pm, countLoops(info, pm));
  const records = copy.tensors.flatMap((_, t) => analyzeTensor(info, pm, tensorView(info, pm, t), values, t)).filter((r) => r.holderIndex >= 0);
  return mergeCopyRecords(records, 1)
    .sort((a, b) => a.leaf - b.leaf)
    .map((r) => `${copy.arch[r.leaf]!.name} ${r.reads}/${r.writes}`);
}

describe('copy Einsum traffic (AccelForge evaluate_mapping)', () => {
  it('reads the inner level and writes the outer one when the output is inner', () => {
    expect(copyTraffic(`
      !Storage {tensors: [I_in], component: MainMemory}
      !Storage {tensors: [I], component: GlobalBuffer}
      !Temporal {rank_variable: d, tile_shape: 1}`)).toEqual([`MainMemory 0/${BITS}`, `GlobalBuffer ${BITS}/0`]);
  });

  it('does the same when the source is the inner tensor', () => {
    expect(copyTraffic(`
      !Storage {tensors: [I], component: MainMemory}
      !Storage {tensors: [I_in], component: GlobalBuffer}
      !Temporal {rank_variable: d, tile_shape: 1}`)).toEqual([`MainMemory 0/${BITS}`, `GlobalBuffer ${BITS}/0`]);
  });

  it('moves nothing when both tensors share one memory', () => {
    expect(copyTraffic(`
      !Storage {tensors: [I_in, I], component: MainMemory}
      !Temporal {rank_variable: d, tile_shape: 1}`)).toEqual(['MainMemory 0/0']);
  });

  it('passes through a middle level, which is written and read once', () => {
    expect(copyTraffic(`
      !Storage {tensors: [I_in], component: MainMemory}
      !Storage {tensors: [I_in], component: GlobalBuffer}
      !Temporal {rank_variable: d, tile_shape: 16}
      !Storage {tensors: [I], component: LocalBuffer}
      !Temporal {rank_variable: d, tile_shape: 1}`)).toEqual([`MainMemory 0/${BITS}`, `GlobalBuffer ${BITS}/${BITS}`, `LocalBuffer ${BITS}/0`]);
  });

  it('skips a level the copy does not store at', () => {
    expect(copyTraffic(`
      !Storage {tensors: [I_in], component: MainMemory}
      !Temporal {rank_variable: d, tile_shape: 16}
      !Storage {tensors: [I], component: LocalBuffer}
      !Temporal {rank_variable: d, tile_shape: 1}`)).toEqual([`MainMemory 0/${BITS}`, `LocalBuffer ${BITS}/0`]);
  });
});

function holder(tensorIndex: number, leaf: number, backing: boolean): PHolder {
  return { kind: 'holder', toll: false, tensor: tensorIndex, leaf, persistent: false, path: ['mapping', 'nodes', leaf], backing };
}

describe('shareCopyHolders', () => {
  it('adds each missing tensor right after its level\'s first holder, never as backing', () => {
    const mm = holder(1, 0, true);
    const gb = holder(0, 1, true);
    const loop: PNode = { kind: 'loop', spatial: false, rv: 0, tile: 1, owner: -1, dim: -1, path: [], loopIndex: 0 };
    const shared = shareCopyHolders([mm, gb, loop], 2);
    expect(shared.nodes.map((n) => (n.kind === 'holder' ? `${n.leaf}:${n.tensor}${n.backing ? '' : '~'}` : n.kind))).toEqual(['0:1', '0:0~', '1:0', '1:1~', 'loop']);
    expect(shared.holders.slice(0, 2)).toEqual([mm, gb]);
  });

  it('adds nothing where a level already holds every tensor', () => {
    const nodes = [holder(1, 0, true), holder(0, 0, true)];
    expect(shareCopyHolders(nodes, 2).nodes).toEqual(nodes);
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
