/**
 * Memory reservations across joined Einsums (docs/mapper.md §5.5), used when RESOURCE_USAGE is a
 * metric. A joined prefix keeps, per memory and fused-loop level k (-1..), the bits reserved by
 * what is still open at depth ≤ k (the spine), and the peak reached inside finished subtrees that
 * hung at level k (the side). Reservations above loops that two Einsums share coexist with both;
 * a fusable tensor both sides reserve counts once; a tensor that outlives the next Einsum stays.
 */
import type { ReservationLayout } from './reservations.js';

/** The memories tracked in one run and the number of levels (-1..F) every state has. */
export interface ReservationSpace {
  readonly memories: readonly string[];
  readonly sizes: readonly number[];
  readonly levels: number;
}

interface TensorReservation {
  readonly memory: number;
  readonly level: number;
  readonly bits: number;
}

export interface ReservationState {
  /** memories × levels; cumulative, every level filled. */
  readonly spine: Float64Array;
  /** memories × levels; NONE where no finished subtree hangs. */
  readonly side: Float64Array;
  /** Backing reservations of the fusable tensors that are still live. */
  readonly tensors: ReadonlyMap<string, TensorReservation>;
}

const NONE = -1;
const SLACK = 1 + 1e-9;

/** Every finite memory any template tracks, with its size, and the deepest level count. */
export function reservationSpace(layouts: readonly ReservationLayout[], sizeOf: (memory: string) => number): ReservationSpace {
  const memories = [...new Set(layouts.flatMap((l) => l.memories))];
  const levels = layouts.reduce((max, l) => Math.max(max, l.levels), 2);
  return { memories, sizes: memories.map(sizeOf), levels };
}

/** One template row's reservations as a state (before it is joined to anything). */
export function rowState(space: ReservationSpace, layout: ReservationLayout, block: Float64Array, row: number): ReservationState {
  const L = space.levels;
  const spine = new Float64Array(space.memories.length * L);
  const offset = row * layout.width;
  layout.memories.forEach((name, lm) => {
    const m = space.memories.indexOf(name);
    for (let k = 0; k < L; k++) spine[m * L + k] = block[offset + lm * layout.levels + Math.min(k, layout.levels - 1)]!;
  });
  const tensors = new Map<string, TensorReservation>();
  const base = offset + layout.memories.length * layout.levels;
  layout.tensors.forEach(({ tensor, memory }, t) => {
    tensors.set(tensor, { memory: space.memories.indexOf(memory), bits: block[base + 2 * t]!, level: block[base + 2 * t + 1]! });
  });
  return { spine, side: new Float64Array(spine.length).fill(NONE), tensors };
}

/** Folds every level deeper than `level` (spine and side) into `level`. */
function collapse(space: ReservationSpace, spine: Float64Array, side: Float64Array, level: number): void {
  const L = space.levels;
  const from = level + 1;
  if (from >= L) return;
  for (let m = 0; m < space.memories.length; m++) {
    const base = m * L;
    let peak = spine[base + L - 1]!;
    for (let j = from; j < L; j++) {
      if (side[base + j]! !== NONE) peak = Math.max(peak, side[base + j]!);
      side[base + j] = NONE;
    }
    for (let j = from; j < L; j++) spine[base + j] = peak;
  }
}

/** Adds `bits` to the spine at levels ≥ `level` and to present side levels deeper than it. */
function shift(space: ReservationSpace, spine: Float64Array, side: Float64Array, memory: number, level: number, bits: number): void {
  const L = space.levels;
  const base = memory * L;
  for (let j = level + 1; j < L; j++) spine[base + j]! += bits;
  for (let j = level + 2; j < L; j++) if (side[base + j]! !== NONE) side[base + j]! += bits;
}

/** A prefix state readied for a right side sharing `shared` loops: its work below them is finished. */
export interface ReadiedLeft {
  readonly state: ReservationState;
  readonly shared: number;
  readonly spine: Float64Array;
  readonly side: Float64Array;
}

export function readyLeft(space: ReservationSpace, left: ReservationState, shared: number): ReadiedLeft {
  const L = space.levels;
  const spine = left.spine.slice();
  const side = left.side.slice();
  collapse(space, spine, side, shared);
  for (let m = 0; m < space.memories.length; m++) {
    const base = m * L;
    side[base + shared + 1] = spine[base + shared + 1]!;
    for (let j = shared + 1; j < L; j++) spine[base + j] = spine[base + shared]!;
  }
  return { state: left, shared, spine, side };
}

/**
 * The prefix `left` (undefined: nothing joined yet, else readied for `right`'s shared loops)
 * followed by `right`; `live` are the tensors used after `right`, which shares `sharedAfter`
 * loops with what follows. Null when some memory overflows.
 */
export function joinReservations(
  space: ReservationSpace,
  left: ReadiedLeft | undefined,
  right: ReservationState,
  live: ReadonlySet<string>,
  sharedAfter: number,
): ReservationState | null {
  const L = space.levels;
  const spine = right.spine.slice();
  const side = new Float64Array(spine.length).fill(NONE);
  if (left) {
    const { spine: ls, side: lp, shared } = left;
    for (let i = 0; i < spine.length; i++) {
      spine[i]! += ls[i]!;
      if (i % L > 0 && lp[i]! !== NONE) side[i] = lp[i]! + right.spine[i - 1]!;
    }
    for (const [tensor, r] of right.tensors) {
      const l = left.state.tensors.get(tensor);
      if (l && l.memory === r.memory && r.level < shared) shift(space, spine, side, r.memory, r.level, -r.bits);
    }
    for (const [tensor, l] of left.state.tensors) {
      if (!right.tensors.has(tensor) && live.has(tensor) && l.level === shared) shift(space, spine, side, l.memory, l.level, l.bits);
    }
  }
  const tensors = new Map<string, TensorReservation>();
  for (const source of left ? [left.state.tensors, right.tensors] : [right.tensors]) {
    for (const [tensor, r] of source) if (live.has(tensor)) tensors.set(tensor, r);
  }
  collapse(space, spine, side, sharedAfter);
  for (let m = 0; m < space.memories.length; m++) {
    const limit = space.sizes[m]! * SLACK;
    for (let j = 0; j < L; j++) {
      const i = m * L + j;
      if (spine[i]! > limit || side[i]! > limit) return null;
      if (side[i]! !== NONE) side[i] = Math.max(side[i]!, spine[i]!);
    }
  }
  return { spine, side, tensors };
}

/** Peak bits per memory of a completely joined mapping. */
export function peakUsage(space: ReservationSpace, state: ReservationState): number[] {
  const L = space.levels;
  return space.memories.map((_, m) => {
    let peak = state.spine[m * L + L - 1]!;
    for (let j = 0; j < L; j++) peak = Math.max(peak, state.side[m * L + j]!);
    return peak;
  });
}

/** The values the join's Pareto pruning minimises for a state (spine, then side). */
export function stateColumns(state: ReservationState): Float64Array {
  const out = new Float64Array(state.spine.length * 2);
  out.set(state.spine);
  out.set(state.side, state.spine.length);
  return out;
}
