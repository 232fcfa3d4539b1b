/**
 * CACTI oracle backed by a precomputed table: exact at tabulated queries; elsewhere
 * bilinear in log(block) × log(rows) on the grid of the same tech/ports/banks, done on the
 * logarithms of the outputs (so results stay positive). Outside the grid it extrapolates
 * from the outermost cell.
 */
import type { CactiTableRow } from '../data/cacti-table.js';
import { ModelRejection } from '../types.js';
import type { CactiExactness, CactiOracle, CactiQuery, CactiResult } from './cacti-oracle.js';
import { describeCactiQuery } from './cacti-oracle.js';

/** The axes the table's grid spans, per (tech, ports, banks). */
export interface CactiGrid {
  readonly techNm: readonly number[];
  readonly ports: readonly number[];
  readonly banks: readonly number[];
  readonly blockBytes: readonly number[];
  readonly depths: readonly number[];
}

type Outputs = readonly [number, number, number, number, number, number];

function keyOf(tech: number, capacity: number, block: number, ports: number, banks: number): string {
  return `${tech}|${capacity}|${block}|${ports}|${banks}`;
}

function toResult(out: Outputs, exactness: CactiExactness, note: string): CactiResult {
  const [readNj, writeNj, leakMw, areaMm2, cycleNs, accessNs] = out;
  return {
    readEnergy: readNj * 1e-9,
    writeEnergy: writeNj * 1e-9,
    leakPowerPerBank: leakMw * 1e-3,
    area: areaMm2 * 1e-6,
    cycleTime: cycleNs * 1e-9,
    accessTime: accessNs * 1e-9,
    exactness,
    note,
  };
}

/** Index of the lower end of the grid cell used for `value` (edge cells when outside). */
function cellIndex(axis: readonly number[], value: number): number {
  let i = 0;
  while (i < axis.length - 2 && value >= (axis[i + 1] as number)) i++;
  return i;
}

/**
 * Weights of the corners of one grid cell at fractional position (fb, fd). With all four
 * corners: bilinear. The grid stops at a maximum capacity, so the large-block, many-row
 * corner may be missing; then the plane through the other three is used. A negative
 * weight means the point lies outside the corners it was computed from (extrapolation).
 */
function cellWeights(
  fb: number,
  fd: number,
  c00: Outputs | undefined,
  c01: Outputs | undefined,
  c10: Outputs | undefined,
  c11: Outputs | undefined,
): [number, Outputs][] | undefined {
  if (!c00 || !c01 || !c10) return undefined;
  if (c11) {
    return [
      [(1 - fb) * (1 - fd), c00],
      [(1 - fb) * fd, c01],
      [fb * (1 - fd), c10],
      [fb * fd, c11],
    ];
  }
  return [
    [1 - fb - fd, c00],
    [fd, c01],
    [fb, c10],
  ];
}

export class TableCactiOracle implements CactiOracle {
  private readonly rows = new Map<string, Outputs>();
  private readonly failed = new Set<string>();

  constructor(
    rows: readonly CactiTableRow[],
    failed: readonly (readonly number[])[],
    private readonly grid: CactiGrid,
  ) {
    for (const r of rows) this.rows.set(keyOf(r[0], r[1], r[2], r[3], r[4]), [r[5], r[6], r[7], r[8], r[9], r[10]]);
    for (const f of failed) this.failed.add(f.join('|'));
  }

  query(q: CactiQuery): CactiResult {
    const key = keyOf(q.techNm, q.capacityBytes, q.blockBytes, q.ports, q.banks);
    const exact = this.rows.get(key);
    if (exact) return toResult(exact, 'exact', `CACTI table, exact (${describeCactiQuery(q)})`);
    if (this.failed.has(key)) throw new ModelRejection(`CACTI gives no result for ${describeCactiQuery(q)}`);
    return this.interpolate(q);
  }

  private interpolate(q: CactiQuery): CactiResult {
    this.checkOnGridAxes(q);
    const depth = q.capacityBytes / q.blockBytes;
    const depths = this.grid.depths.filter((d) => d >= 64 * q.banks);
    const bi = cellIndex(this.grid.blockBytes, q.blockBytes);
    const di = cellIndex(depths, depth);
    const [b0, b1] = [this.grid.blockBytes[bi] as number, this.grid.blockBytes[bi + 1] as number];
    const [d0, d1] = [depths[di] as number, depths[di + 1] as number];
    const at = (b: number, d: number): Outputs | undefined => this.rows.get(keyOf(q.techNm, b * d, b, q.ports, q.banks));
    const fb = Math.log(q.blockBytes / b0) / Math.log(b1 / b0);
    const fd = Math.log(depth / d0) / Math.log(d1 / d0);
    const weighted = cellWeights(fb, fd, at(b0, d0), at(b0, d1), at(b1, d0), at(b1, d1));
    if (!weighted) {
      throw new ModelRejection(`no CACTI table data around ${describeCactiQuery(q)} (grid cell ${b0}–${b1} B × ${d0}–${d1} rows)`);
    }
    const out = [0, 1, 2, 3, 4, 5].map((k) =>
      Math.exp(weighted.reduce((sum, [w, c]) => sum + w * Math.log(c[k] as number), 0)),
    ) as unknown as Outputs;
    const exactness: CactiExactness = weighted.some(([w]) => w < -1e-12) ? 'extrapolated' : 'interpolated';
    const between = `blocks ${b0}–${b1} B and ${d0}–${d1} rows`;
    const note = `CACTI table, approximate: ${exactness} log-log between ${between} (${describeCactiQuery(q)})`;
    return toResult(out, exactness, note);
  }

  private checkOnGridAxes(q: CactiQuery): void {
    const { techNm, ports, banks } = this.grid;
    if (!techNm.includes(q.techNm)) throw new ModelRejection(`no CACTI table data at ${q.techNm} nm`);
    if (!ports.includes(q.ports)) {
      throw new ModelRejection(`no CACTI table data for ${q.ports} read/write ports (table has ${ports.join(', ')})`);
    }
    if (!banks.includes(q.banks)) {
      throw new ModelRejection(`no CACTI table data for ${q.banks} banks (table has ${banks.join(', ')})`);
    }
  }
}
