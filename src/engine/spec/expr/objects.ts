/** Helpers to expose spec data to expressions as Python objects. */
import { getItem } from './protocols.js';
import type { PyKwargs, PyObject, PyValue } from './values.js';

/** Optional behaviour of objects made by pyObject. */
export interface PyObjectOptions {
  /** Makes the object callable. */
  readonly call?: (args: readonly PyValue[], kwargs: PyKwargs) => PyValue;
}

/**
 * An object whose attributes are the entries of `attrs` (a record, or a lookup function with
 * the list of names for hints).
 */
export function pyObject(
  pyType: string,
  attrs: Readonly<Record<string, PyValue>> | ((name: string) => PyValue | undefined),
  options: PyObjectOptions & { readonly names?: () => Iterable<string> } = {},
): PyObject {
  const lookup =
    typeof attrs === 'function'
      ? attrs
      : (name: string): PyValue | undefined => (Object.hasOwn(attrs, name) ? attrs[name] : undefined);
  const names = typeof attrs === 'function' ? (options.names ?? ((): string[] => [])) : (): string[] => Object.keys(attrs);
  return {
    pyType,
    getAttr: lookup,
    attrNames: names,
    ...(options.call ? { call: options.call } : {}),
  };
}

/**
 * A list whose items can also be fetched by name, like AccelForge's `actions['hop']`;
 * iterating yields the items, integer subscripts index them.
 */
export function namedList(items: readonly PyValue[], nameOf: (item: PyValue, index: number) => string): PyObject {
  const byName = new Map<string, PyValue>();
  items.forEach((item, i) => byName.set(nameOf(item, i), item));
  return {
    pyType: 'list',
    getAttr: () => undefined,
    attrNames: () => byName.keys(),
    getItem: (key) => (typeof key === 'string' ? byName.get(key) : getItem(items as PyValue[], key)),
    iterate: () => items,
    length: () => items.length,
  };
}
