/** Index-based views of one Einsum: rank variables, relevancy and tile sizes. */
import type { Arith } from './arith.js';
import type { ModelEinsum, ModelTensor } from './types.js';

export const IRRELEVANT = 0;
export const RELEVANT = 1;
export const PARTIALLY_RELEVANT = 2;
export type Relevancy = typeof IRRELEVANT | typeof RELEVANT | typeof PARTIALLY_RELEVANT;

interface CompiledRank {
  /** Rank-variable indices and coefficients of the terms. */
  readonly vars: Int32Array;
  readonly coeffs: Float64Array;
  readonly constant: number;
}

export interface EinsumInfo {
  readonly einsum: ModelEinsum;
  readonly rankVars: readonly string[];
  readonly rankIndex: ReadonlyMap<string, number>;
  readonly bounds: Float64Array;
  readonly tensorIndex: ReadonlyMap<string, number>;
  /** relevancy[t][r] */
  readonly relevancy: readonly Uint8Array[];
  /** A rank variable that only ever appears alone in a rank expression. */
  readonly simple: readonly boolean[];
  readonly ranks: readonly (readonly CompiledRank[])[];
}

export function compileEinsum(einsum: ModelEinsum): EinsumInfo {
  const rankVars = Object.keys(einsum.rankBounds);
  const rankIndex = new Map(rankVars.map((v, i) => [v, i]));
  const bounds = Float64Array.from(rankVars, (v) => einsum.rankBounds[v] ?? 1);
  const ranks = einsum.tensors.map((t) => compileRanks(t, rankIndex));
  const relevancy = ranks.map((rs) => relevancyOf(rs, rankVars.length));
  const simple = rankVars.map((_, r) =>
    ranks.every((rs) => rs.every((rank) => rank.vars.length < 2 || !rank.vars.includes(r))),
  );
  const tensorIndex = new Map(einsum.tensors.map((t, i) => [t.name, i]));
  return { einsum, rankVars, rankIndex, bounds, tensorIndex, relevancy, simple, ranks };
}

function compileRanks(tensor: ModelTensor, rankIndex: ReadonlyMap<string, number>): CompiledRank[] {
  return tensor.projection.map((rank) => {
    const terms = rank.terms.filter((term) => rankIndex.has(term.var) && term.coeff !== 0);
    return {
      vars: Int32Array.from(terms, (term) => rankIndex.get(term.var)!),
      coeffs: Float64Array.from(terms, (term) => term.coeff),
      constant: rank.constant,
    };
  });
}

/** The first rank containing r decides: one term → relevant, several → partially relevant. */
function relevancyOf(ranks: readonly CompiledRank[], nVars: number): Uint8Array {
  const out = new Uint8Array(nVars);
  for (let r = 0; r < nVars; r++) {
    const rank = ranks.find((rk) => rk.vars.includes(r));
    if (rank) out[r] = rank.vars.length === 1 ? RELEVANT : PARTIALLY_RELEVANT;
  }
  return out;
}

/** Values in a tile of tensor t when rank variable r spans shape[r] indices. */
export function tileValues<T>(info: EinsumInfo, t: number, shape: readonly T[], arith: Arith<T>): T {
  let product = arith.one;
  for (const rank of info.ranks[t]!) {
    let offset = rank.constant + 1;
    for (let i = 0; i < rank.vars.length; i++) offset -= rank.coeffs[i]!;
    let extent = arith.constant(offset);
    for (let i = 0; i < rank.vars.length; i++) {
      extent = arith.add(extent, arith.scale(shape[rank.vars[i]!]!, rank.coeffs[i]!));
    }
    product = arith.mul(product, extent);
  }
  return product;
}
