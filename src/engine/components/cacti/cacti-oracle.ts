/**
 * A source of raw CACTI results. The SRAM wrapper only ever asks for CACTI-supported nodes
 * (22–90 nm), a block of at least 4 bytes and at least 64 rows per bank.
 */

/** One CACTI query: technology, capacity and block size in bytes, read/write ports, banks (a power of two). */
export interface CactiQuery {
  readonly techNm: number;
  readonly capacityBytes: number;
  readonly blockBytes: number;
  readonly ports: number;
  readonly banks: number;
}

/** How a result was obtained. */
export type CactiExactness = 'exact' | 'interpolated' | 'extrapolated';

/** Raw CACTI outputs in SI units. Leakage is per bank, as CACTI reports it. */
export interface CactiResult {
  readonly readEnergy: number;
  readonly writeEnergy: number;
  readonly leakPowerPerBank: number;
  readonly area: number;
  readonly cycleTime: number;
  readonly accessTime: number;
  readonly exactness: CactiExactness;
  /** Human-readable provenance for the modeling log. */
  readonly note: string;
}

/** Answers CACTI queries; throws a `ModelRejection` when it cannot. */
export interface CactiOracle {
  query(q: CactiQuery): CactiResult;
}

export function describeCactiQuery(q: CactiQuery): string {
  return `${q.techNm} nm, ${q.capacityBytes} B, block ${q.blockBytes} B, ${q.ports} port(s), ${q.banks} bank(s)`;
}
