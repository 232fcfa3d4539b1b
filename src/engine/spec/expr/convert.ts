/** Conversions between plain JS data and Python values. */
import { InvertibleSet } from './invertible-set.js';
import { isPyObject, PyCallable, PyDict, PyFloat, pyFloat, PyTuple, type PyObject, type PyValue } from './values.js';

/** A plain JS value leaving the evaluator: numbers, booleans, strings, null, arrays, objects. */
export type JsValue =
  | null
  | boolean
  | number
  | string
  | JsValue[]
  | { [key: string]: JsValue }
  | InvertibleSet
  | PyCallable
  | PyObject;

/** Python value → plain JS: ints and floats become numbers, lists and tuples arrays, dicts objects. */
export function toJs(value: PyValue): JsValue {
  if (value instanceof PyFloat) return value.value;
  if (Array.isArray(value)) return value.map(toJs);
  if (value instanceof PyTuple) return value.items.map(toJs);
  if (value instanceof PyDict) {
    const out: Record<string, JsValue> = {};
    for (const [key, item] of value.items()) out[String(toJs(key))] = toJs(item);
    return out;
  }
  return value;
}

/**
 * Plain JS → Python value: integral numbers become ints, others floats, arrays lists, plain
 * objects dicts. Python values (sets, objects, callables) pass through.
 */
export function fromJs(value: unknown): PyValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? (value === 0 ? 0 : value) : pyFloat(value);
  if (Array.isArray(value)) return value.map(fromJs);
  if (value instanceof PyFloat || value instanceof PyTuple || value instanceof PyDict) return value;
  if (value instanceof PyCallable || value instanceof InvertibleSet) return value;
  if (typeof value === 'object' && isPyObject(value as PyValue)) return value as PyValue;
  if (typeof value === 'object') {
    return new PyDict(Object.entries(value).map(([k, v]) => [k, fromJs(v)] as const));
  }
  return null;
}
