/** One analysis record ("buffet"): traffic of one tensor at one level, in values or actions. */
export class BuffetRecord {
  // Parent-facing traffic in values: fills, write-backs, elidable first fills; m* per parent.
  r2p = 0;
  w2p = 0;
  sk2p = 0;
  mr2p = 0;
  mw2p = 0;
  msk2p = 0;
  // Actions of this level (totals, elided parts, per-unit versions).
  rd = 0;
  wr = 0;
  rdSkip = 0;
  wrSkip = 0;
  urd = 0;
  uwr = 0;
  urdSkip = 0;
  uwrSkip = 0;
  /** Occupancy in bits at the reservation. */
  occ = 0;
  /** Loops above the reservation; -1 when persistent. */
  depth = 0;
  persistent = false;

  constructor(
    /** Arch leaf index of the level. */
    readonly leaf: number,
    readonly tensor: number,
    /** Index of the holder in the path's holders; -1 for the compute record. */
    readonly holderIndex: number,
  ) {}

  /** A temporal loop of k iterations; elided first fills repeat only over relevant loops. */
  scaleTemporal(k: number, relevant: boolean): void {
    this.r2p *= k;
    this.w2p *= k;
    this.mr2p *= k;
    this.mw2p *= k;
    this.rd *= k;
    this.wr *= k;
    this.urd *= k;
    this.uwr *= k;
    if (!relevant) return;
    this.sk2p *= k;
    this.msk2p *= k;
    this.rdSkip *= k;
    this.wrSkip *= k;
    this.urdSkip *= k;
    this.uwrSkip *= k;
  }

  /** A spatial loop of k instances; with reuse the parent sees one transfer for all k. */
  scaleSpatial(k: number, reuse: boolean): void {
    if (!reuse) {
      this.r2p *= k;
      this.w2p *= k;
      this.sk2p *= k;
      this.mr2p *= k;
      this.mw2p *= k;
      this.msk2p *= k;
    }
    this.rd *= k;
    this.wr *= k;
    this.rdSkip *= k;
    this.wrSkip *= k;
  }

  /** Net read actions (total), i.e. reads minus elided reads. */
  get reads(): number {
    return this.rd - this.rdSkip;
  }

  get writes(): number {
    return this.wr - this.wrSkip;
  }

  get unitReads(): number {
    return this.urd - this.urdSkip;
  }

  get unitWrites(): number {
    return this.uwr - this.uwrSkip;
  }
}
