/**
 * Reuse analysis of one tensor on one path: a top-down pass fixes loop counts, fill sizes and
 * reservation tiles; a bottom-up pass builds the records (innermost first), multiplying them
 * by every loop above.
 */
import { IRRELEVANT, RELEVANT, tileValues, type EinsumInfo } from './einsum-info.js';
import type { LoopCounts } from './loop-counts.js';
import type { PHolder, PLoop, PMapping, PNode } from './pmapping.js';
import { BuffetRecord } from './record.js';
import { tensorView } from './tensor-view.js';
import { bitsPerValueIn, valuesPerAction } from './values-per-action.js';

interface TopDown {
  /** Per view position: iteration count (loops) or fill tile in values (holders). */
  readonly amount: Float64Array;
  /** Per holder: reservation tile (values) and loops above it. */
  readonly reservation: Map<PHolder, { tile: number; depth: number }>;
}

export function analyzeTensor(
  info: EinsumInfo,
  pm: PMapping,
  counts: LoopCounts,
  tensor: number,
): BuffetRecord[] {
  const view = tensorView(info, pm, tensor);
  const top = topDown(info, view, counts, tensor);
  const records: BuffetRecord[] = [];
  const firstHolder = view.find((node) => node.kind === 'holder');
  for (let i = view.length - 1; i >= 0; i--) {
    const node = view[i]!;
    const amount = top.amount[i]!;
    if (node.kind === 'compute') records.push(computeRecord(info, node.leaf, tensor));
    else if (node.kind === 'loop') applyLoop(info, node, amount, records, tensor);
    else if (node.kind === 'holder') {
      const child = records[records.length - 1]!;
      const rec = holderRecord(info, pm, node, amount, child, node !== firstHolder);
      const res = top.reservation.get(node);
      if (res && !node.toll) {
        rec.occ = res.tile * bitsPerValueIn(info.einsum.arch[node.leaf]!, info.einsum.tensors[tensor]!);
        rec.depth = node.persistent ? -1 : res.depth;
      }
      records.push(rec);
    }
  }
  return records;
}

function topDown(info: EinsumInfo, view: readonly PNode[], counts: LoopCounts, t: number): TopDown {
  const amount = new Float64Array(view.length);
  const reservation = new Map<PHolder, { tile: number; depth: number }>();
  const shape = Float64Array.from(info.bounds);
  let loopsAbove = 0;
  view.forEach((node, i) => {
    if (node.kind === 'loop') {
      amount[i] = loopCount(info, node, counts, shape, t);
      if (node.rv >= 0) shape[node.rv] = node.tile;
      loopsAbove++;
    } else if (node.kind === 'holder') {
      amount[i] = tileValues(info, t, shape);
    } else if (node.kind === 'reservation') {
      reservation.set(node.holder, { tile: tileValues(info, t, shape), depth: loopsAbove });
    }
  });
  return { amount, reservation };
}

function loopCount(
  info: EinsumInfo,
  loop: PLoop,
  counts: LoopCounts,
  shape: Float64Array,
  t: number,
): number {
  if (loop.rv < 0) return 1;
  if (info.relevancy[t]![loop.rv] === IRRELEVANT) return counts.recorded[loop.loopIndex]!;
  return shape[loop.rv]! / loop.tile;
}

function applyLoop(
  info: EinsumInfo,
  loop: PLoop,
  k: number,
  records: readonly BuffetRecord[],
  t: number,
): void {
  const relevancy = loop.rv < 0 ? IRRELEVANT : info.relevancy[t]![loop.rv]!;
  if (!loop.spatial) {
    for (const rec of records) rec.scaleTemporal(k, relevancy === RELEVANT);
    return;
  }
  const dim = info.einsum.arch[loop.owner]!.spatial[loop.dim]!;
  const reuse = relevancy === IRRELEVANT && dim.mayReuse.includes(info.einsum.tensors[t]!.name);
  const outermost = records.length - 1;
  records.forEach((rec, i) => rec.scaleSpatial(k, reuse && i === outermost));
}

function computeRecord(info: EinsumInfo, leaf: number, t: number): BuffetRecord {
  const rec = new BuffetRecord(leaf, t, -1);
  const copy = info.einsum.isCopyOperation;
  const output = info.einsum.tensors[t]!.output;
  if (!(copy && output)) rec.r2p = rec.mr2p = 1;
  if (output) {
    rec.w2p = rec.mw2p = 1;
    if (info.einsum.arch[leaf]!.skipInitialOutputWrite && !copy) rec.sk2p = rec.msk2p = 1;
  }
  rec.occ = 0;
  return rec;
}

function holderRecord(
  info: EinsumInfo,
  pm: PMapping,
  holder: PHolder,
  fill: number,
  child: BuffetRecord,
  parentExists: boolean,
): BuffetRecord {
  const rec = new BuffetRecord(holder.leaf, holder.tensor, pm.holders.indexOf(holder));
  rec.persistent = holder.persistent;
  const leaf = info.einsum.arch[holder.leaf]!;
  const tensor = info.einsum.tensors[holder.tensor]!;
  const copy = info.einsum.isCopyOperation;
  const rs = 1 / valuesPerAction(leaf, 'read', tensor);
  if (holder.toll) {
    const direction = leaf.tollDirection[tensor.name] ?? 'up_and_down';
    if (parentExists) inheritParentTraffic(rec, child, tensor.output);
    if (direction !== 'up') {
      rec.rd += child.r2p * rs;
      rec.urd += child.mr2p * rs;
      rec.rdSkip += child.sk2p * rs;
      rec.urdSkip += child.msk2p * rs;
    }
    if (direction !== 'down') {
      rec.rd += rec.w2p * rs;
      rec.urd += rec.w2p * rs;
    }
    return rec;
  }
  const skip = leaf.skipInitialOutputWrite && !copy;
  if (parentExists) {
    // Copy Einsums recognise no backing holder: a holder with a parent only writes back.
    if (!copy) rec.r2p = rec.mr2p = fill;
    if (tensor.output || copy) rec.w2p = rec.mw2p = fill;
    if (tensor.output && skip) rec.sk2p = rec.msk2p = fill;
  }
  const ws = 1 / valuesPerAction(leaf, 'write', tensor);
  rec.wr += rec.r2p * ws + child.w2p * ws;
  rec.uwr += rec.r2p * ws + child.mw2p * ws;
  rec.wrSkip += rec.sk2p * ws;
  rec.uwrSkip += rec.msk2p * ws;
  rec.rd += rec.w2p * rs + child.r2p * rs;
  rec.urd += rec.w2p * rs + child.mr2p * rs;
  if (skip) {
    rec.rdSkip += child.sk2p * rs;
    rec.urdSkip += child.msk2p * rs;
  }
  return rec;
}

function inheritParentTraffic(rec: BuffetRecord, child: BuffetRecord, output: boolean): void {
  rec.r2p = child.r2p;
  rec.mr2p = child.mr2p;
  if (!output) return;
  rec.w2p = child.w2p;
  rec.mw2p = child.mw2p;
  rec.sk2p = child.sk2p;
  rec.msk2p = child.msk2p;
}
