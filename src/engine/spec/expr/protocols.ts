/** Python's object protocols: truthiness, equality, ordering, iteration, len, [] and `.`. */
import { simpleFunction } from './args.js';
import { didYouMean, fail, typeError } from './errors.js';
import { InvertibleSet } from './invertible-set.js';
import {
  isPyNumber,
  isPyObject,
  numberOf,
  PyCallable,
  PyDict,
  PyTuple,
  pyTypeName,
  type PyValue,
} from './values.js';

/** Python's bool(value). */
export function truthy(value: PyValue): boolean {
  if (value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value.length > 0;
  if (isPyNumber(value)) return numberOf(value) !== 0;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof PyTuple) return value.items.length > 0;
  if (value instanceof PyDict) return value.size > 0;
  if (value instanceof InvertibleSet) return value.size > 0;
  if (value instanceof PyCallable) return true;
  if (value.truthy) return value.truthy();
  return value.length ? value.length() > 0 : true;
}

/** Python's `==` (1 == 1.0 == True; sets by elements; objects by identity). */
export function pyEquals(a: PyValue, b: PyValue): boolean {
  if (isPyNumber(a) && isPyNumber(b)) return numberOf(a) === numberOf(b);
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (Array.isArray(a) && Array.isArray(b)) return sequenceEquals(a, b);
  if (a instanceof PyTuple && b instanceof PyTuple) return sequenceEquals(a.items, b.items);
  if (a instanceof PyDict && b instanceof PyDict) {
    return a.size === b.size && a.items().every(([k, v]) => b.has(k) && pyEquals(v, b.get(k) ?? null));
  }
  if (a instanceof InvertibleSet && b instanceof InvertibleSet) return a.equals(b);
  return a === b;
}

function sequenceEquals(a: readonly PyValue[], b: readonly PyValue[]): boolean {
  // Items identical to each other are equal without a look inside, as in Python (this also
  // keeps comparisons of lists that nest one list many times linear).
  return a.length === b.length && a.every((item, i) => item === b[i] || pyEquals(item, b[i] ?? null));
}

/** -1, 0 or 1 for `<`-style comparisons; TypeError for unordered types. */
export function pyCompare(a: PyValue, b: PyValue, op: string): number {
  if (isPyNumber(a) && isPyNumber(b)) return Math.sign(numberOf(a) - numberOf(b));
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  const sequences = sequencePair(a, b);
  if (sequences) return compareSequences(sequences[0], sequences[1], op);
  return typeError(`'${op}' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

function sequencePair(a: PyValue, b: PyValue): [readonly PyValue[], readonly PyValue[]] | undefined {
  if (Array.isArray(a) && Array.isArray(b)) return [a, b];
  if (a instanceof PyTuple && b instanceof PyTuple) return [a.items, b.items];
  return undefined;
}

function compareSequences(a: readonly PyValue[], b: readonly PyValue[], op: string): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (!pyEquals(x, y)) return pyCompare(x, y, op);
  }
  return Math.sign(a.length - b.length);
}

/** Comparisons where NaN makes every ordering false, as in Python. */
export function orderedCompare(a: PyValue, b: PyValue, op: '<' | '<=' | '>' | '>='): boolean {
  if (isPyNumber(a) && isPyNumber(b) && (Number.isNaN(numberOf(a)) || Number.isNaN(numberOf(b)))) return false;
  const sign = pyCompare(a, b, op);
  if (op === '<') return sign < 0;
  if (op === '<=') return sign <= 0;
  if (op === '>') return sign > 0;
  return sign >= 0;
}

/** Python's `item in container`. */
export function contains(container: PyValue, item: PyValue): boolean {
  if (typeof container === 'string') {
    if (typeof item !== 'string') typeError(`'in <string>' requires string as left operand, not ${pyTypeName(item)}`);
    return container.includes(item);
  }
  if (container instanceof InvertibleSet) return typeof item === 'string' && container.has(item);
  if (container instanceof PyDict) return container.has(item);
  for (const element of iterate(container)) if (pyEquals(element, item)) return true;
  return false;
}

/** The items of an iterable value; sets iterate in sorted order. */
export function iterate(value: PyValue): Iterable<PyValue> {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return [...value];
  if (value instanceof PyTuple) return value.items;
  if (value instanceof PyDict) return value.keys();
  if (value instanceof InvertibleSet) return value.elements;
  if (isPyObject(value) && value.iterate) return value.iterate();
  return typeError(`'${pyTypeName(value)}' object is not iterable`);
}

/** Python's len(). */
export function pyLen(value: PyValue): number {
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'string') return [...value].length;
  if (value instanceof PyTuple) return value.items.length;
  if (value instanceof PyDict) return value.size;
  if (value instanceof InvertibleSet) return value.size;
  if (isPyObject(value) && value.length) return value.length();
  return typeError(`object of type '${pyTypeName(value)}' has no len()`);
}

/** `container[key]` for a non-slice key. */
export function getItem(container: PyValue, key: PyValue): PyValue {
  const value = lookupItem(container, key);
  if (value !== undefined) return value;
  if (container instanceof PyDict) return missingKey(key, container.keys());
  if (isPyObject(container) && !(container instanceof InvertibleSet) && container.getItem) {
    return missingKey(key, [...iterateNames(container)]);
  }
  const what = Array.isArray(container) ? 'list' : container instanceof PyTuple ? 'tuple' : 'string';
  const length = pyLen(container);
  return fail(`IndexError: ${what} index out of range`, `Valid indices are 0..${length - 1}.`);
}

/**
 * `container[key]`, or undefined when the key or index is missing (Jinja turns that into an
 * undefined value). Wrong key types and unsubscriptable values are still errors.
 */
export function lookupItem(container: PyValue, key: PyValue): PyValue | undefined {
  if (Array.isArray(container)) return sequenceItem(container, key, 'list');
  if (container instanceof PyTuple) return sequenceItem(container.items, key, 'tuple');
  if (typeof container === 'string') return sequenceItem([...container], key, 'string');
  if (container instanceof PyDict) return container.get(key);
  if (isPyObject(container) && !(container instanceof InvertibleSet) && container.getItem) {
    return container.getItem(key);
  }
  return typeError(`'${pyTypeName(container)}' object is not subscriptable`);
}

function iterateNames(container: { attrNames?(): Iterable<string> }): Iterable<string> {
  return container.attrNames ? container.attrNames() : [];
}

function missingKey(key: PyValue, keys: readonly PyValue[]): never {
  const names = keys.filter((k): k is string => typeof k === 'string');
  const label = typeof key === 'string' ? `'${key}'` : String(key);
  const hint = typeof key === 'string' ? didYouMean(key, names) : undefined;
  return fail(`KeyError: ${label}`, hint ?? (names.length > 0 ? `Known keys: ${names.join(', ')}.` : undefined));
}

function sequenceItem(items: readonly PyValue[], key: PyValue, what: string): PyValue | undefined {
  if (typeof key !== 'number' && typeof key !== 'boolean') {
    return typeError(`${what} indices must be integers or slices, not ${pyTypeName(key)}`);
  }
  const index = numberOf(key);
  return items[index < 0 ? index + items.length : index];
}

/** `value.name`. Dicts have only their methods (use `x['y']` for entries); dunder names are blocked. */
export function getAttr(value: PyValue, name: string): PyValue {
  const result = lookupAttr(value, name);
  if (result !== undefined) return result;
  const names = isPyObject(value) && value.attrNames ? value.attrNames() : value instanceof PyDict ? DICT_METHODS : [];
  const hint =
    didYouMean(name, names) ?? (value instanceof PyDict ? `Dicts have no attributes; use ['${name}'] to read an entry.` : undefined);
  return fail(`AttributeError: '${pyTypeName(value)}' object has no attribute '${name}'`, hint);
}

/**
 * `value.name`, or undefined when there is no such attribute. Only attributes the interpreter
 * defines exist (PyObject.getAttr and dict methods): nothing of the JavaScript objects behind
 * the values is reachable, and names starting with `__` are refused outright.
 */
export function lookupAttr(value: PyValue, name: string): PyValue | undefined {
  if (name.startsWith('__')) fail(`Access to attribute '${name}' is not allowed in expressions.`);
  if (isPyObject(value)) return value.getAttr(name);
  if (value instanceof PyDict) return dictMethod(value, name);
  return undefined;
}

const DICT_METHODS = ['items', 'keys', 'values', 'get'];

function dictMethod(dict: PyDict, name: string): PyCallable | undefined {
  switch (name) {
    case 'items':
      return simpleFunction('items', () => dict.items().map(([k, v]) => new PyTuple([k, v])));
    case 'keys':
      return simpleFunction('keys', () => dict.keys());
    case 'values':
      return simpleFunction('values', () => dict.items().map(([, v]) => v));
    case 'get':
      return simpleFunction('get', (...args) => {
        if (args.length < 1 || args.length > 2) typeError(`get expected 1 or 2 arguments, got ${args.length}`);
        return dict.get(args[0] ?? null) ?? args[1] ?? null;
      });
    default:
      return undefined;
  }
}

/** Python slicing on lists, tuples and strings. */
export function sliceItems<T>(items: readonly T[], lower: number | null, upper: number | null, step: number | null): T[] {
  const stride = step ?? 1;
  if (stride === 0) fail('ValueError: slice step cannot be zero');
  const length = items.length;
  const clamp = (bound: number | null, fallback: number, low: number, high: number): number => {
    if (bound === null) return fallback;
    const absolute = bound < 0 ? bound + length : bound;
    return Math.min(Math.max(absolute, low), high);
  };
  const result: T[] = [];
  if (stride > 0) {
    const stop = clamp(upper, length, 0, length);
    for (let i = clamp(lower, 0, 0, length); i < stop; i += stride) result.push(items[i] as T);
  } else {
    const stop = clamp(upper, -1, -1, length - 1);
    for (let i = clamp(lower, length - 1, -1, length - 1); i > stop; i += stride) result.push(items[i] as T);
  }
  return result;
}

/** Calls a function, a callable object or a set (`Inputs()` returns the set). */
export function callValue(callee: PyValue, args: readonly PyValue[], kwargs: ReadonlyMap<string, PyValue>): PyValue {
  if (callee instanceof PyCallable) return callee.invoke(args, kwargs);
  if (callee instanceof InvertibleSet) return callee.call(args, kwargs);
  if (isPyObject(callee) && callee.call) return callee.call(args, kwargs);
  return typeError(`'${pyTypeName(callee)}' object is not callable`);
}
