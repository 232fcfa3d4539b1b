/** One analysis record ("buffet"): traffic of one tensor at one level, in values or actions. */
import { NUMBERS, type Arith } from './arith.js';

export class BuffetRecord<T = number> {
  // Parent-facing traffic in values: fills, write-backs, elidable first fills; m* per parent.
  r2p: T;
  w2p: T;
  sk2p: T;
  mr2p: T;
  mw2p: T;
  msk2p: T;
  // Actions of this level (totals, elided parts, per-unit versions).
  rd: T;
  wr: T;
  rdSkip: T;
  wrSkip: T;
  urd: T;
  uwr: T;
  urdSkip: T;
  uwrSkip: T;
  /** Occupancy in bits at the reservation. */
  occ: T;
  /** Loops above the reservation; -1 when persistent. */
  depth = 0;
  persistent = false;

  constructor(
    /** Arch leaf index of the level. */
    readonly leaf: number,
    readonly tensor: number,
    /** Index of the holder in the path's holders; -1 for the compute record. */
    readonly holderIndex: number,
    readonly arith: Arith<T>,
  ) {
    const zero = arith.zero;
    this.r2p = this.w2p = this.sk2p = this.mr2p = this.mw2p = this.msk2p = zero;
    this.rd = this.wr = this.rdSkip = this.wrSkip = zero;
    this.urd = this.uwr = this.urdSkip = this.uwrSkip = zero;
    this.occ = zero;
  }

  /** A temporal loop of k iterations; elided first fills repeat only over relevant loops. */
  scaleTemporal(k: T, relevant: boolean): void {
    const a = this.arith;
    this.r2p = a.mul(this.r2p, k);
    this.w2p = a.mul(this.w2p, k);
    this.mr2p = a.mul(this.mr2p, k);
    this.mw2p = a.mul(this.mw2p, k);
    this.rd = a.mul(this.rd, k);
    this.wr = a.mul(this.wr, k);
    this.urd = a.mul(this.urd, k);
    this.uwr = a.mul(this.uwr, k);
    if (!relevant) return;
    this.sk2p = a.mul(this.sk2p, k);
    this.msk2p = a.mul(this.msk2p, k);
    this.rdSkip = a.mul(this.rdSkip, k);
    this.wrSkip = a.mul(this.wrSkip, k);
    this.urdSkip = a.mul(this.urdSkip, k);
    this.uwrSkip = a.mul(this.uwrSkip, k);
  }

  /** A spatial loop of k instances; with reuse the parent sees one transfer for all k. */
  scaleSpatial(k: T, reuse: boolean): void {
    const a = this.arith;
    if (!reuse) {
      this.r2p = a.mul(this.r2p, k);
      this.w2p = a.mul(this.w2p, k);
      this.sk2p = a.mul(this.sk2p, k);
      this.mr2p = a.mul(this.mr2p, k);
      this.mw2p = a.mul(this.mw2p, k);
      this.msk2p = a.mul(this.msk2p, k);
    }
    this.rd = a.mul(this.rd, k);
    this.wr = a.mul(this.wr, k);
    this.rdSkip = a.mul(this.rdSkip, k);
    this.wrSkip = a.mul(this.wrSkip, k);
  }

  /** Net read actions (total), i.e. reads minus elided reads. */
  get reads(): T {
    return this.arith.sub(this.rd, this.rdSkip);
  }

  get writes(): T {
    return this.arith.sub(this.wr, this.wrSkip);
  }

  get unitReads(): T {
    return this.arith.sub(this.urd, this.urdSkip);
  }

  get unitWrites(): T {
    return this.arith.sub(this.uwr, this.uwrSkip);
  }
}

/** A fresh numeric record (the model's own evaluation). */
export function numberRecord(leaf: number, tensor: number, holderIndex: number): BuffetRecord {
  return new BuffetRecord(leaf, tensor, holderIndex, NUMBERS);
}
