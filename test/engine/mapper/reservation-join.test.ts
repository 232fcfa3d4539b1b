/** The join's reservation arithmetic (docs/mapper.md §5.5) on hand-sized examples, one memory of 1000 bits. */
import { describe, expect, it } from 'vitest';
import { joinReservations, peakUsage, readyLeft, rowState, type ReservationSpace } from '../../../src/engine/mapper/reservation-join.js';
import type { ReservationLayout } from '../../../src/engine/mapper/reservations.js';

const space: ReservationSpace = { memories: ['GB'], sizes: [1000], levels: 3 };
/** Levels -1, 0, 1 (one fused loop); optional tensor T backed in GB. */
const layout: ReservationLayout = { memories: ['GB'], levels: 3, tensors: [{ tensor: 'T', memory: 'GB' }], width: 5 };
const plain: ReservationLayout = { memories: ['GB'], levels: 3, tensors: [], width: 3 };

/** One row: cumulative bits at levels -1, 0, 1, then T's bits and level. */
const row = (l: ReservationLayout, values: number[]) => rowState(space, l, Float64Array.from(values), 0);

describe('reservations across joined Einsums', () => {
  it('a whole tensor the producer keeps for a later consumer stays allocated during the Einsum between', () => {
    // Producer: T whole (400 bits, above every loop) plus 50 bits of its own tiles.
    const producer = joinReservations(space, undefined, row(layout, [0, 400, 450, 400, 0]), new Set(['T']), 0)!;
    // Middle Einsum shares no loop and does not use T: its 300 bits come on top of T's 400.
    const middle = joinReservations(space, readyLeft(space, producer, 0), row(plain, [0, 0, 300]), new Set(['T']), 0)!;
    expect(peakUsage(space, middle)).toEqual([700]);
    // Consumer reserves T too: counted once, 400 + its 20 bits; the peak stays the middle's 700.
    const consumer = joinReservations(space, readyLeft(space, middle, 0), row(layout, [0, 400, 420, 400, 0]), new Set(), -1)!;
    expect(peakUsage(space, consumer)).toEqual([700]);
  });

  it('an Einsum that would overflow the memory while T is held drops the row', () => {
    const producer = joinReservations(space, undefined, row(layout, [0, 400, 450, 400, 0]), new Set(['T']), 0)!;
    expect(joinReservations(space, readyLeft(space, producer, 0), row(plain, [0, 0, 700]), new Set(['T']), 0)).toBeNull();
  });

  it('without a later use, the producer\'s tensor is freed before the next Einsum', () => {
    const producer = joinReservations(space, undefined, row(layout, [0, 400, 450, 400, 0]), new Set(), 0)!;
    const next = joinReservations(space, readyLeft(space, producer, 0), row(plain, [0, 0, 300]), new Set(), -1)!;
    expect(peakUsage(space, next)).toEqual([450]);
  });
});
