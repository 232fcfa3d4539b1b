import { describe, expect, it } from 'vitest';
import { TableCactiOracle } from '../../../src/engine/components/index.js';
import type { CactiTableRow } from '../../../src/engine/components/data/cacti-table.js';

const GRID = { techNm: [22], ports: [1], banks: [1, 2], blockBytes: [4, 8, 16], depths: [64, 128, 256] };

/** A power law in block and rows: log-bilinear interpolation reproduces it exactly. */
function powerLaw(block: number, rows: number): number {
  return 0.01 * block ** 0.5 * rows ** 1.5;
}

function syntheticRows(): CactiTableRow[] {
  const rows: CactiTableRow[] = [];
  for (const banks of GRID.banks) {
    for (const block of GRID.blockBytes) {
      for (const depth of GRID.depths.filter((d) => d >= 64 * banks)) {
        const v = powerLaw(block, depth);
        rows.push([22, block * depth, block, 1, banks, v, 2 * v, 3 * v, 4 * v, 5 * v, 6 * v]);
      }
    }
  }
  return rows;
}

const oracle = new TableCactiOracle(syntheticRows(), [[22, 512, 8, 1, 2]], GRID);

describe('TableCactiOracle', () => {
  it('returns tabulated rows exactly, converted to SI units', () => {
    const r = oracle.query({ techNm: 22, capacityBytes: 1024, blockBytes: 8, ports: 1, banks: 1 });
    expect(r.exactness).toBe('exact');
    expect(r.readEnergy).toBeCloseTo(powerLaw(8, 128) * 1e-9, 20);
    expect(r.leakPowerPerBank).toBeCloseTo(3 * powerLaw(8, 128) * 1e-3, 15);
    expect(r.area).toBeCloseTo(4 * powerLaw(8, 128) * 1e-6, 18);
    expect(r.note).toContain('exact');
  });

  it('interpolates log-log between grid points and marks the result approximate', () => {
    const r = oracle.query({ techNm: 22, capacityBytes: 6 * 100, blockBytes: 6, ports: 1, banks: 1 });
    expect(r.exactness).toBe('interpolated');
    expect(r.readEnergy / 1e-9).toBeCloseTo(powerLaw(6, 100), 9);
    expect(r.cycleTime / 1e-9).toBeCloseTo(5 * powerLaw(6, 100), 9);
    expect(r.note).toMatch(/^CACTI table, approximate: interpolated/);
  });

  it('extrapolates from the edge cell outside the grid', () => {
    const r = oracle.query({ techNm: 22, capacityBytes: 32 * 512, blockBytes: 32, ports: 1, banks: 1 });
    expect(r.exactness).toBe('extrapolated');
    expect(r.readEnergy / 1e-9).toBeCloseTo(powerLaw(32, 512), 6);
  });

  it('uses the plane through three corners where the capacity cap removed the fourth', () => {
    const capped = new TableCactiOracle(
      syntheticRows().filter((r) => !(r[2] === 16 && r[1] === 16 * 256 && r[4] === 1)),
      [],
      GRID,
    );
    const r = capped.query({ techNm: 22, capacityBytes: 12 * 150, blockBytes: 12, ports: 1, banks: 1 });
    expect(r.exactness).toBe('interpolated');
    expect(r.readEnergy / 1e-9).toBeCloseTo(powerLaw(12, 150), 9);
  });

  it('rejects queries CACTI failed on or that the grid does not cover', () => {
    expect(() => oracle.query({ techNm: 22, capacityBytes: 512, blockBytes: 8, ports: 1, banks: 2 })).toThrow('CACTI gives no result');
    const at45 = { techNm: 45, capacityBytes: 600, blockBytes: 6, ports: 1, banks: 1 };
    expect(() => oracle.query(at45)).toThrow('no CACTI table data at 45 nm');
    expect(() => oracle.query({ techNm: 22, capacityBytes: 600, blockBytes: 6, ports: 4, banks: 1 })).toThrow('4 read/write ports');
    expect(() => oracle.query({ techNm: 22, capacityBytes: 600, blockBytes: 6, ports: 1, banks: 8 })).toThrow('8 banks');
  });
});
