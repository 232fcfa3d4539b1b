/**
 * A cap on how many values one YAML file expands to. An alias (`*a`) stands for a whole copy of
 * its anchor, and aliases of aliases multiply, so a few lines can stand for billions of values
 * (the "billion laughs" attack). Later stages copy and walk the tree, so the expanded size is what
 * costs time and memory. Sizes are counted as the file is converted, each node once.
 */
import { failWith, type SourcePos } from '../../base/errors.js';
import { isRawMap, type RawValue } from '../raw.js';

/** Most values (scalars, mappings, lists) one file may expand to. */
export const MAX_EXPANDED_VALUES = 1_000_000;

const HINT =
  'An alias (*name) copies its anchor (&name) and aliases of aliases multiply. Write the data out, or use fewer nested aliases.';

export class ExpansionBudget {
  private used = 0;
  private readonly sizes = new Map<object, number>();
  private readonly open = new Set<object>();

  /** Counts one node and marks it open until `finish`; returns the count to pass to `finish`. */
  start(node: object, pos: () => SourcePos): number {
    this.open.add(node);
    this.spend(1, pos);
    return this.used - 1;
  }

  /** Records the expanded size of a node whose children have all been counted. */
  finish(node: object, startedAt: number): void {
    this.open.delete(node);
    this.sizes.set(node, this.used - startedAt);
  }

  /** Counts an alias as a full copy of its converted target. */
  alias(target: object, pos: () => SourcePos): void {
    if (this.open.has(target)) {
      failWith('yaml', 'A YAML alias refers to a mapping or list that contains it', {
        pos: pos(),
        hint: 'An alias cannot point at one of its own parents: the value would be infinite.',
      });
    }
    this.spend(this.sizes.get(target) ?? 1, pos);
  }

  /** Counts a value brought in by reference (an `!include_loaded` marker). */
  reference(value: RawValue, pos: () => SourcePos): void {
    this.spend(rawSize(value, MAX_EXPANDED_VALUES + 1 - this.used), pos);
  }

  private spend(count: number, pos: () => SourcePos): void {
    this.used += count;
    if (this.used <= MAX_EXPANDED_VALUES) return;
    failWith('yaml', `YAML aliases expand this file to more than ${MAX_EXPANDED_VALUES.toLocaleString('en-US')} values`, { pos: pos(), hint: HINT });
  }
}

/** Values in a raw tree counting shared parts at each use, stopping once `limit` is reached. */
function rawSize(value: RawValue, limit: number): number {
  let count = 0;
  const stack: RawValue[] = [value];
  while (stack.length > 0 && count < limit) {
    const next = stack.pop()!;
    count += 1;
    const children = Array.isArray(next) ? next : isRawMap(next) ? Object.values(next) : [];
    for (const child of children) stack.push(child);
  }
  return count;
}
