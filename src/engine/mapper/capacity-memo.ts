/**
 * Occupancy grows with every tile size, so a tile vector that overflows some memory makes every
 * elementwise-larger vector overflow too. Keeps the minimal failing vectors to skip those.
 */
export class CapacityMemo {
  private readonly failures: Int32Array[] = [];

  /** True if a known failure is elementwise ≤ `tiles`. */
  dominated(tiles: ArrayLike<number>): boolean {
    outer: for (const f of this.failures) {
      for (let i = 0; i < f.length; i++) if (f[i]! > tiles[i]!) continue outer;
      return true;
    }
    return false;
  }

  add(tiles: Int32Array): void {
    for (let k = this.failures.length - 1; k >= 0; k--) {
      const f = this.failures[k]!;
      let dominatesNew = true;
      for (let i = 0; i < f.length; i++) if (tiles[i]! > f[i]!) dominatesNew = false;
      if (dominatesNew) this.failures.splice(k, 1);
    }
    this.failures.push(tiles.slice());
  }
}
