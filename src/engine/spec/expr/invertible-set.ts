/**
 * AccelForge's set value (docs/spec-format.md §6.1): a set of tensor or rank-variable names with a universe for
 * `~`. Operations keep the left operand's universe and context.
 */
import { fail, typeError } from './errors.js';
import { pyFloat, type PyKwargs, type PyValue } from './values.js';

/** Whether a set holds tensor names or rank-variable names. */
export type SetKind = 'tensor' | 'rank_variable';

/** Everything needed to build an InvertibleSet. */
export interface InvertibleSetInit {
  readonly elements: Iterable<string>;
  /** The universe `~` is taken against; defaults to the elements. */
  readonly universe?: Iterable<string>;
  readonly kind: SetKind;
  /** Tensor sets: tensor → the rank variables that index it. */
  readonly rankVariables?: ReadonlyMap<string, Iterable<string>>;
  /** Tensor sets: universe of `.rank_variables` (all rank variables of the Einsum). */
  readonly allRankVariables?: Iterable<string>;
  /** Tensor sets: known bits per value of each tensor. */
  readonly bitsPerValue?: ReadonlyMap<string, number>;
}

function sortedUnique(names: Iterable<string>): readonly string[] {
  // Code-point order, as Python sorts str.
  return [...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A set of tensors or rank variables with a universe, iterated in code-point order. */
export class InvertibleSet {
  readonly pyType = 'InvertibleSet';
  readonly kind: SetKind;
  /** Sorted elements. */
  readonly elements: readonly string[];
  readonly universe: readonly string[];
  readonly rankVariables: ReadonlyMap<string, readonly string[]>;
  readonly allRankVariables: readonly string[];
  readonly bitsPerValue: ReadonlyMap<string, number>;
  private readonly members: ReadonlySet<string>;

  constructor(init: InvertibleSetInit) {
    this.kind = init.kind;
    this.elements = sortedUnique(init.elements);
    this.members = new Set(this.elements);
    this.universe = init.universe === undefined ? this.elements : sortedUnique(init.universe);
    const rankVariables = new Map<string, readonly string[]>();
    for (const [tensor, names] of init.rankVariables ?? []) rankVariables.set(tensor, sortedUnique(names));
    this.rankVariables = rankVariables;
    this.allRankVariables = sortedUnique(init.allRankVariables ?? [...rankVariables.values()].flat());
    this.bitsPerValue = init.bitsPerValue ?? new Map();
  }

  get size(): number {
    return this.elements.length;
  }

  has(name: string): boolean {
    return this.members.has(name);
  }

  /** A set with other elements and this set's universe and context. */
  withElements(elements: Iterable<string>): InvertibleSet {
    return new InvertibleSet({
      elements,
      universe: this.universe,
      kind: this.kind,
      rankVariables: this.rankVariables,
      allRankVariables: this.allRankVariables,
      bitsPerValue: this.bitsPerValue,
    });
  }

  union(other: InvertibleSet): InvertibleSet {
    return this.withElements([...this.elements, ...other.elements]).withContextOf(other);
  }

  intersection(other: InvertibleSet): InvertibleSet {
    return this.withElements(this.elements.filter((e) => other.has(e))).withContextOf(other);
  }

  difference(other: InvertibleSet): InvertibleSet {
    return this.withElements(this.elements.filter((e) => !other.has(e))).withContextOf(other);
  }

  symmetricDifference(other: InvertibleSet): InvertibleSet {
    const left = this.elements.filter((e) => !other.has(e));
    const right = other.elements.filter((e) => !this.has(e));
    return this.withElements([...left, ...right]).withContextOf(other);
  }

  complement(): InvertibleSet {
    return this.withElements(this.universe.filter((e) => !this.has(e)));
  }

  equals(other: InvertibleSet): boolean {
    return this.size === other.size && this.elements.every((e) => other.has(e));
  }

  /** Fills in rank variables and bits per value known only to `other` (left wins). */
  private withContextOf(other: InvertibleSet): InvertibleSet {
    if (other.rankVariables.size === 0 && other.bitsPerValue.size === 0) return this;
    const rankVariables = new Map([...other.rankVariables, ...this.rankVariables]);
    const bitsPerValue = new Map([...other.bitsPerValue, ...this.bitsPerValue]);
    return new InvertibleSet({
      elements: this.elements,
      universe: this.universe,
      kind: this.kind,
      rankVariables,
      allRankVariables: this.allRankVariables.length > 0 ? this.allRankVariables : other.allRankVariables,
      bitsPerValue,
    });
  }

  /** `.tensors`, `.rank_variables`, `.bits_per_value`. */
  getAttr(name: string): PyValue | undefined {
    if (name === 'tensors') return this.tensorsAttr();
    if (name === 'rank_variables') return this.rankVariablesAttr();
    if (name === 'bits_per_value') return this.bitsPerValueAttr();
    return undefined;
  }

  attrNames(): string[] {
    return ['tensors', 'rank_variables', 'bits_per_value'];
  }

  /** Calling a set returns itself, so `Inputs()` works. */
  call(args: readonly PyValue[], kwargs: PyKwargs): PyValue {
    if (args.length > 0 || kwargs.size > 0) typeError('calling a set takes no arguments');
    return this;
  }

  private tensorsAttr(): InvertibleSet {
    if (this.kind !== 'tensor') {
      fail("'.tensors' is only available on sets of tensors, not on rank variables.");
    }
    return this;
  }

  private rankVariablesAttr(): InvertibleSet {
    if (this.kind !== 'tensor') {
      fail("'.rank_variables' is only available on sets of tensors; this set already holds rank variables.");
    }
    const names = this.elements.flatMap((tensor) => this.rankVariables.get(tensor) ?? []);
    return new InvertibleSet({ elements: names, universe: this.allRankVariables, kind: 'rank_variable' });
  }

  private bitsPerValueAttr(): PyValue {
    const only = this.elements.length === 1 ? this.elements[0] : undefined;
    const bits = only === undefined ? undefined : this.bitsPerValue.get(only);
    if (only === undefined || bits === undefined) {
      const what =
        only === undefined ? `${this.size} tensors (${this.toString()})` : `tensor '${only}' with unknown bits per value`;
      fail(
        `'.bits_per_value' needs a set of exactly one tensor with a known bits_per_value; got ${what}.`,
        'Select one tensor, e.g. `weight.bits_per_value`, and set bits_per_value for it in the workload.',
      );
    }
    return Number.isInteger(bits) ? bits : pyFloat(bits);
  }

  toString(): string {
    return this.elements.length === 0 ? 'set()' : `{${this.elements.map((e) => `'${e}'`).join(', ')}}`;
  }
}

