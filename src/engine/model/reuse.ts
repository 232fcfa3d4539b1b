/**
 * Reuse analysis of one tensor on one path: a top-down pass fixes loop counts, fill sizes and
 * reservation tiles; a bottom-up pass builds the records (innermost first), multiplying them
 * by every loop above. It runs on numbers (one mapping) or on polynomials (a template).
 */
import { ownValue } from '../base/records.js';
import type { LoopValues } from './arith.js';
import { IRRELEVANT, RELEVANT, tileValues, type EinsumInfo } from './einsum-info.js';
import type { PHolder, PLoop, PMapping, PNode } from './pmapping.js';
import { BuffetRecord } from './record.js';
import { bitsPerValueIn, valuesPerAction } from './values-per-action.js';

interface TopDown<T> {
  /** Per view position: iteration count (loops) or fill tile in values (holders). */
  readonly amount: T[];
  /** Per holder: reservation tile (values) and loops above it. */
  readonly reservation: Map<PHolder, { tile: T; depth: number }>;
}

/** Records of one tensor along its view (see tensor-view.ts), innermost first. */
export function analyzeTensor<T>(
  info: EinsumInfo,
  pm: PMapping,
  view: readonly PNode[],
  values: LoopValues<T>,
  tensor: number,
): BuffetRecord<T>[] {
  const top = topDown(info, view, values, tensor);
  const records: BuffetRecord<T>[] = [];
  const firstHolder = view.find((node) => node.kind === 'holder');
  for (let i = view.length - 1; i >= 0; i--) {
    const node = view[i]!;
    const amount = top.amount[i]!;
    if (node.kind === 'compute') records.push(computeRecord(info, node.leaf, tensor, values));
    else if (node.kind === 'loop') applyLoop(info, node, amount, records, tensor);
    else if (node.kind === 'holder') {
      const child = records[records.length - 1]!;
      const rec = holderRecord(info, pm, node, amount, child, node !== firstHolder);
      const res = top.reservation.get(node);
      if (res && !node.toll) {
        rec.occ = values.arith.scale(res.tile, bitsPerValueIn(info.einsum.arch[node.leaf]!, info.einsum.tensors[tensor]!));
        rec.depth = node.persistent ? -1 : res.depth;
      }
      records.push(rec);
    }
  }
  return records;
}

function topDown<T>(info: EinsumInfo, view: readonly PNode[], values: LoopValues<T>, t: number): TopDown<T> {
  const { arith } = values;
  const amount: T[] = new Array<T>(view.length).fill(arith.zero);
  const reservation = new Map<PHolder, { tile: T; depth: number }>();
  const shape = Array.from(info.bounds, (_, r) => values.bound(r));
  let loopsAbove = 0;
  view.forEach((node, i) => {
    if (node.kind === 'loop') {
      amount[i] = node.rv < 0 ? arith.one : values.count(node.loopIndex, info.relevancy[t]![node.rv] === IRRELEVANT);
      if (node.rv >= 0) shape[node.rv] = values.tile(node.loopIndex);
      loopsAbove++;
    } else if (node.kind === 'holder') {
      amount[i] = tileValues(info, t, shape, arith);
    } else if (node.kind === 'reservation') {
      reservation.set(node.holder, { tile: tileValues(info, t, shape, arith), depth: loopsAbove });
    }
  });
  return { amount, reservation };
}

function applyLoop<T>(info: EinsumInfo, loop: PLoop, k: T, records: readonly BuffetRecord<T>[], t: number): void {
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

function computeRecord<T>(info: EinsumInfo, leaf: number, t: number, values: LoopValues<T>): BuffetRecord<T> {
  const one = values.arith.one;
  const rec = new BuffetRecord(leaf, t, -1, values.arith);
  const copy = info.einsum.isCopyOperation;
  const output = info.einsum.tensors[t]!.output;
  if (!(copy && output)) rec.r2p = rec.mr2p = one;
  if (output) {
    rec.w2p = rec.mw2p = one;
    if (info.einsum.arch[leaf]!.skipInitialOutputWrite && !copy) rec.sk2p = rec.msk2p = one;
  }
  return rec;
}

function holderRecord<T>(
  info: EinsumInfo,
  pm: PMapping,
  holder: PHolder,
  fill: T,
  child: BuffetRecord<T>,
  parentExists: boolean,
): BuffetRecord<T> {
  const a = child.arith;
  const rec = new BuffetRecord(holder.leaf, holder.tensor, pm.holders.indexOf(holder), a);
  rec.persistent = holder.persistent;
  const leaf = info.einsum.arch[holder.leaf]!;
  const tensor = info.einsum.tensors[holder.tensor]!;
  const copy = info.einsum.isCopyOperation;
  const rs = 1 / valuesPerAction(leaf, 'read', tensor);
  const reads = (x: T): T => a.scale(x, rs);
  if (holder.toll) {
    const direction = ownValue(leaf.tollDirection, tensor.name) ?? 'up_and_down';
    if (parentExists) inheritParentTraffic(rec, child, tensor.output);
    if (direction !== 'up') {
      rec.rd = a.add(rec.rd, reads(child.r2p));
      rec.urd = a.add(rec.urd, reads(child.mr2p));
      rec.rdSkip = a.add(rec.rdSkip, reads(child.sk2p));
      rec.urdSkip = a.add(rec.urdSkip, reads(child.msk2p));
    }
    if (direction !== 'down') {
      rec.rd = a.add(rec.rd, reads(rec.w2p));
      rec.urd = a.add(rec.urd, reads(rec.w2p));
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
  const writes = (x: T): T => a.scale(x, ws);
  rec.wr = a.add(rec.wr, a.add(writes(rec.r2p), writes(child.w2p)));
  rec.uwr = a.add(rec.uwr, a.add(writes(rec.r2p), writes(child.mw2p)));
  rec.wrSkip = a.add(rec.wrSkip, writes(rec.sk2p));
  rec.uwrSkip = a.add(rec.uwrSkip, writes(rec.msk2p));
  rec.rd = a.add(rec.rd, a.add(reads(rec.w2p), reads(child.r2p)));
  rec.urd = a.add(rec.urd, a.add(reads(rec.w2p), reads(child.mr2p)));
  if (skip) {
    rec.rdSkip = a.add(rec.rdSkip, reads(child.sk2p));
    rec.urdSkip = a.add(rec.urdSkip, reads(child.msk2p));
  }
  return rec;
}

function inheritParentTraffic<T>(rec: BuffetRecord<T>, child: BuffetRecord<T>, output: boolean): void {
  rec.r2p = child.r2p;
  rec.mr2p = child.mr2p;
  if (!output) return;
  rec.w2p = child.w2p;
  rec.mw2p = child.mw2p;
  rec.sk2p = child.sk2p;
  rec.msk2p = child.msk2p;
}
