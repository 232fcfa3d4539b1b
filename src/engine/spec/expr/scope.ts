/** Layered name scopes: each layer shadows its parents. */
import { fail } from './errors.js';
import { pyEquals } from './protocols.js';
import { shortRepr } from './format.js';
import type { PyValue } from './values.js';

/** A layer of names over an optional parent; lookups walk towards the root. */
export class Scope {
  private readonly vars: Map<string, PyValue>;

  constructor(
    vars: ReadonlyMap<string, PyValue> | Record<string, PyValue> = {},
    readonly parent?: Scope,
  ) {
    this.vars = vars instanceof Map ? new Map(vars) : new Map(Object.entries(vars));
  }

  /** A scope from a plain record, optionally over a parent. */
  static fromRecord(record: Record<string, PyValue>, parent?: Scope): Scope {
    return new Scope(record, parent);
  }

  /** A new layer on top of this one. */
  child(vars: ReadonlyMap<string, PyValue> | Record<string, PyValue> = {}): Scope {
    return new Scope(vars, this);
  }

  get(name: string): PyValue | undefined {
    for (let scope: Scope | undefined = this; scope !== undefined; scope = scope.parent) {
      const value = scope.vars.get(name);
      if (value !== undefined || scope.vars.has(name)) return value;
    }
    return undefined;
  }

  has(name: string): boolean {
    for (let scope: Scope | undefined = this; scope !== undefined; scope = scope.parent) {
      if (scope.vars.has(name)) return true;
    }
    return false;
  }

  /** Binds a name in this layer (used while fields are evaluated one by one). */
  set(name: string, value: PyValue): void {
    this.vars.set(name, value);
  }

  /** Every visible name, innermost first, without duplicates. */
  names(): string[] {
    const seen = new Set<string>();
    for (let scope: Scope | undefined = this; scope !== undefined; scope = scope.parent) {
      for (const name of scope.vars.keys()) seen.add(name);
    }
    return [...seen];
  }
}

/**
 * The `global_*` rule (docs/spec-format.md §7.2): a `global_` name already bound in `outer` may not be rebound to a
 * different value.
 */
export function checkGlobalRebinding(outer: Scope, name: string, value: PyValue): void {
  if (!name.startsWith('global_') || !outer.has(name)) return;
  const previous = outer.get(name) ?? null;
  if (pyEquals(previous, value)) return;
  fail(
    `Global variable '${name}' cannot be changed: it is ${shortRepr(previous)} in an outer scope, ` +
      `and ${shortRepr(value)} here.`,
    `Names starting with 'global_' keep one value everywhere; rename the inner one or remove the 'global_' prefix.`,
  );
}

/** Applies checkGlobalRebinding to every name of a layer about to be pushed over `outer`. */
export function checkGlobalLayer(outer: Scope, layer: ReadonlyMap<string, PyValue> | Record<string, PyValue>): void {
  const entries = layer instanceof Map ? [...layer] : Object.entries(layer);
  for (const [name, value] of entries) checkGlobalRebinding(outer, name, value);
}
