/**
 * The last rank variable of the rank-by-rank search. Once every other loop is chosen, each
 * polynomial is a sum of (a part in the chosen loops) × (a product of the last rank's trip
 * counts), so a row's figures for all of its chains cost a few multiply-adds per chain. Only the
 * chains that no other chain of the same row beats in every complete objective are visited:
 * with the rest of the mapping equal, a beaten chain gives no better energy or latency.
 */
import { CompiledPoly, loopProduct, type Poly, type TemplatePolys } from '../model/index.js';
import { foldRankProducts, rankProducts } from './partial-columns.js';
import type { RankChains } from './tile-shapes.js';
import type { TemplateJob } from './types.js';

const SLACK = 1 + 1e-9;

/** One polynomial split by the last rank's part of its monomials. */
interface SplitPoly {
  /** Row parts (in the chosen loops), one per distinct last-rank product. */
  readonly rowParts: readonly CompiledPoly[];
  /** Index of each row part's last-rank product in the chain table. */
  readonly products: Int32Array;
}

export class LastRankFigures {
  private readonly objectives: readonly SplitPoly[];
  private readonly capacity: readonly { readonly memory: string; readonly poly: SplitPoly; readonly size: number }[];
  /** Per chain: the value of each distinct last-rank product. */
  private readonly table: Float64Array;
  private readonly nProducts: number;
  /** Per chain: an id of the products the exact keys see (chains with different ids are not compared). */
  private readonly keyIds: Int32Array;
  /** Row parts of all split polynomials, objectives first, then capacities. */
  private readonly rowParts: readonly CompiledPoly[];
  /** Their values at the current row and the chain-table column each one multiplies. */
  private readonly rowValues: Float64Array;
  private readonly column: Int32Array;
  /** Poly p's terms are [start[p], start[p + 1]). */
  private readonly start: Int32Array;
  private readonly sizes: Float64Array;
  /** Objective values of the current row's front (then the chain on offer), `width` each. */
  private values = new Float64Array(0);
  private readonly front: number[] = [];
  /** The memory the last chain offered overflows (index for `memory`), or -1. */
  overflowMemory = -1;
  /** Chains that joined a front and were beaten later (the caller counts and resets them). */
  dropped = 0;
  readonly width: number;
  private readonly compare: boolean;

  constructor(job: TemplateJob, polys: TemplatePolys, rc: RankChains, exact: readonly (readonly number[])[], nLoops: number) {
    const ranks = rankProducts(job);
    let lastMask = 0;
    for (const i of rc.loops) lastMask |= 1 << i;
    const products = new Map<number, number>();
    const split = (poly: Poly): SplitPoly => splitPoly(foldRankProducts(poly, ranks), lastMask, products);
    const objectives: Poly[] = [polys.dynamicEnergy, ...polys.calls];
    if (polys.leaks) objectives.push(...spatialUse(job));
    // Memory usage as an objective also covers memories without a size (not among the
    // occupancy polynomials), so such rows are not compared at all.
    this.compare = !job.resourceUsage;
    // Zero polynomials (e.g. calls of actions without a throughput) compare nothing.
    this.objectives = objectives.filter((p) => p.size > 0).map(split);
    this.capacity = polys.occupancy.map((o) => ({ memory: o.memory, poly: split(o.poly), size: o.size }));
    this.width = this.objectives.length;
    this.nProducts = products.size;
    this.table = chainTable(job, rc, [...products.keys()], nLoops);
    const keys = chainKeys(job, rc, exact, nLoops);
    const ids = new Map<string, number>();
    this.keyIds = Int32Array.from(keys, (k) => ids.get(k) ?? ids.set(k, ids.size).get(k)!);
    const all = [...this.objectives, ...this.capacity.map((c) => c.poly)];
    this.rowParts = all.flatMap((p) => p.rowParts);
    this.rowValues = new Float64Array(this.rowParts.length);
    this.column = Int32Array.from(all.flatMap((p) => [...p.products]));
    this.start = Int32Array.from([0, ...all.map((p) => p.rowParts.length)].map((_, k, a) => a.slice(0, k + 1).reduce((x, y) => x + y, 0)));
    this.sizes = Float64Array.from(this.capacity, (c) => c.size * SLACK);
  }

  /** Evaluates the row parts at a row whose loops other than the last rank's are chosen. */
  setRow(bounds: Int32Array): void {
    for (let t = 0; t < this.rowParts.length; t++) this.rowValues[t] = this.rowParts[t]!.evaluate(bounds);
  }

  /** Bits of the last memory `overflow` found over its size. */
  overflowBits = 0;

  private overflow(j: number): number {
    for (let c = 0; c < this.sizes.length; c++) {
      const bits = this.value(this.width + c, j);
      if (bits > this.sizes[c]!) {
        this.overflowBits = bits;
        return c;
      }
    }
    return -1;
  }

  memory(c: number): { readonly memory: string; readonly size: number } {
    return this.capacity[c]!;
  }

  /** Starts a row's front of unbeaten chains (after `setRow`). */
  clearFront(): void {
    this.front.length = 0;
  }

  /**
   * Offers chain `j` of the current row: 'beaten' when a fitting chain already in the front is
   * no worse in every objective (so equal chains keep the first), 'overflow' when it does not
   * fit (see `overflowMemory`), else it joins the front and drops the chains it beats.
   */
  offer(j: number): 'beaten' | 'overflow' | 'kept' {
    const w = this.width;
    const key = this.keyIds[j]!;
    const slot = this.front.length;
    this.ensure(slot + 1);
    for (let k = 0; k < w; k++) this.values[slot * w + k] = this.value(k, j);
    if (this.compare) for (let f = 0; f < slot; f++) if (this.keyIds[this.front[f]!] === key && this.weaklyBelow(f, slot)) return 'beaten';
    this.overflowMemory = this.overflow(j);
    if (this.overflowMemory >= 0) return 'overflow';
    let kept = 0;
    for (let f = 0; f < slot; f++) {
      if (this.compare && this.keyIds[this.front[f]!] === key && this.weaklyBelow(slot, f)) continue;
      if (kept !== f) this.values.copyWithin(kept * w, f * w, (f + 1) * w);
      this.front[kept++] = this.front[f]!;
    }
    if (kept !== slot) this.values.copyWithin(kept * w, slot * w, (slot + 1) * w);
    this.dropped += slot - kept;
    this.front.length = kept;
    this.front.push(j);
    return 'kept';
  }

  /** The current row's unbeaten chains, in the order they were offered. */
  get unbeaten(): readonly number[] {
    return this.front;
  }

  private ensure(slots: number): void {
    if (slots * this.width <= this.values.length) return;
    const grown = new Float64Array(Math.max(16, 2 * slots) * this.width);
    grown.set(this.values);
    this.values = grown;
  }

  private weaklyBelow(a: number, b: number): boolean {
    const v = this.values;
    for (let k = 0; k < this.width; k++) if (v[a * this.width + k]! > v[b * this.width + k]!) return false;
    return true;
  }

  /** Split polynomial `p` at the current row and chain `j`. */
  private value(p: number, j: number): number {
    let sum = 0;
    const base = j * this.nProducts;
    const end = this.start[p + 1]!;
    for (let t = this.start[p]!; t < end; t++) sum += this.rowValues[t]! * this.table[base + this.column[t]!]!;
    return sum;
  }
}

function splitPoly(poly: Poly, lastMask: number, products: Map<number, number>): SplitPoly {
  const parts = new Map<number, Map<number, number>>();
  for (const [mask, coeff] of poly) {
    const last = mask & lastMask;
    const part = parts.get(last) ?? new Map<number, number>();
    part.set(mask & ~lastMask, (part.get(mask & ~lastMask) ?? 0) + coeff);
    parts.set(last, part);
  }
  for (const last of parts.keys()) if (!products.has(last)) products.set(last, products.size);
  return {
    rowParts: [...parts.values()].map((p) => new CompiledPoly(p)),
    products: Int32Array.from(parts.keys(), (last) => products.get(last)!),
  };
}

function chainTable(job: TemplateJob, rc: RankChains, masks: readonly number[], nLoops: number): Float64Array {
  const table = new Float64Array(rc.chains.length * masks.length);
  const bounds = chainBounds(job, rc, nLoops);
  rc.chains.forEach((_, j) => {
    masks.forEach((mask, m) => {
      let product = 1;
      for (const i of rc.loops) if ((mask >>> i) & 1) product *= bounds[j]![i]!;
      table[j * masks.length + m] = product;
    });
  });
  return table;
}

function chainKeys(job: TemplateJob, rc: RankChains, exact: readonly (readonly number[])[], nLoops: number): string[] {
  const sets = exact.map((loops) => loops.filter((i) => rc.loops.includes(i))).filter((loops) => loops.length > 0);
  return chainBounds(job, rc, nLoops).map((b) => sets.map((loops) => loops.reduce((p, i) => p * b[i]!, 1)).join(','));
}

function chainBounds(job: TemplateJob, rc: RankChains, nLoops: number): Int32Array[] {
  const bound = job.modelEinsum.rankBounds[rc.rankVariable] ?? 1;
  return rc.chains.map((chain) => {
    const b = new Int32Array(nLoops);
    let outer = bound;
    rc.loops.forEach((loop, k) => {
      b[loop] = outer / chain[k]!;
      outer = chain[k]!;
    });
    return b;
  });
}

/** Instances used per spatial dimension: leakage grows with them (power gating). */
function spatialUse(job: TemplateJob): Poly[] {
  const dims = new Map<string, number[]>();
  let i = 0;
  for (const node of job.nodes) {
    if (node.kind === 'storage') continue;
    if (node.kind === 'spatial') dims.set(`${node.component}|${node.dim}`, [...(dims.get(`${node.component}|${node.dim}`) ?? []), i]);
    i++;
  }
  return [...dims.values()].map((loops) => loopProduct(loops));
}
