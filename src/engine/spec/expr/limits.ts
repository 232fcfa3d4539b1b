import { fail } from './errors.js';

/** Most items a range, repetition or comprehension may produce in one evaluation. */
export const MAX_ITEMS = 10_000_000;

/** Fails when an operation would produce more items than the limit. */
export function checkItemCount(count: number, what: string, limit = MAX_ITEMS): void {
  if (count > limit) {
    fail(
      `${what} would produce ${count.toLocaleString('en-US')} items, over the limit of ${limit.toLocaleString('en-US')}.`,
      'Expressions are meant for small computations; simplify this one.',
    );
  }
}
