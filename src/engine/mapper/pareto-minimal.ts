/** k-dimensional Pareto filter (minimise every column) over selected rows of a row-major matrix. */

const MAX_FRONT = 1500;

/**
 * Rows of `members` not dominated by another member (≤ in every column, < in one); of equal
 * rows the first is kept. Sort-filter-skyline: after sorting by the column sum, a row can only
 * be dominated by rows before it. Gives up (keeps every member) when pruning proves futile.
 * `poll` is called once per member and per 64 comparisons (a StopCheck tick).
 */
export function paretoMinimal(values: Float64Array, width: number, members: readonly number[], poll?: () => void): number[] {
  if (width === 0) return members.length > 0 ? [members[0]!] : [];
  const sum = (r: number): number => {
    let s = 0;
    for (let j = 0; j < width; j++) s += values[r * width + j]!;
    return s;
  };
  const sums = new Map(members.map((r) => [r, sum(r)]));
  // Float sums are monotone, so a dominating row never sorts after the row it dominates, except
  // on equal sums (a tiny column lost against a large one): there columns decide, lexicographically.
  const order = [...members].sort((a, b) => sums.get(a)! - sums.get(b)! || lexicographic(values, width, a, b) || a - b);
  const front: number[] = [];
  for (let k = 0; k < order.length; k++) {
    // A large front makes the filter quadratic and rarely pays for itself: keep everything.
    if (front.length > MAX_FRONT) return [...members];
    poll?.();
    const r = order[k]!;
    let dominated = false;
    for (let j = 0; j < front.length; j++) {
      const f = front[j]!;
      // A row meets up to MAX_FRONT others: count every 64 comparisons as a step too.
      if ((j & 63) === 63) poll?.();
      if (weaklyDominates(values, width, f, r)) {
        dominated = true;
        break;
      }
    }
    if (!dominated) front.push(r);
  }
  return front;
}

function weaklyDominates(values: Float64Array, width: number, a: number, b: number): boolean {
  for (let j = 0; j < width; j++) if (values[a * width + j]! > values[b * width + j]!) return false;
  return true;
}

function lexicographic(values: Float64Array, width: number, a: number, b: number): number {
  for (let j = 0; j < width; j++) {
    const d = values[a * width + j]! - values[b * width + j]!;
    if (d !== 0) return d;
  }
  return 0;
}
