/**
 * The caller's Jinja data (plain JS values from `--set`, the UI or the API) as values of the
 * expression interpreter: integral numbers are ints, other numbers floats (wrap a float that
 * must render as `2.0` in PyFloat), arrays lists, plain objects dicts. Functions the caller
 * passes (AccelForge lets Python callers pass callables) become interpreter functions that
 * receive and return plain values; a template still reaches nothing of them but the call.
 */
import {
  ExpressionError,
  floatRepr,
  fromJs,
  PyCallable,
  PyDict,
  pyRepr as reprOf,
  pyStr as strOf,
  toJs,
  truthy,
  typeError,
  type PyValue,
} from '../expr/index.js';

export { PyFloat } from '../expr/index.js';

/** Python's repr() of a float. */
export const formatPyFloat = floatRepr;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function callerFunction(name: string, fn: (...args: unknown[]) => unknown): PyCallable {
  return new PyCallable(name, (args, kwargs) => {
    if (kwargs.size > 0) typeError(`${name}() takes no keyword arguments`);
    let result: unknown;
    try {
      result = fn(...args.map(toJs));
    } catch (error) {
      throw new ExpressionError(`${name}() failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return toJinjaValue(result);
  });
}

/** A caller's value as an interpreter value (interpreter values pass through). */
export function toJinjaValue(value: unknown, name = 'function'): PyValue {
  if (typeof value === 'function') return callerFunction(name, value as (...args: unknown[]) => unknown);
  if (Array.isArray(value)) return value.map((item) => toJinjaValue(item));
  if (isPlainObject(value)) return new PyDict(Object.entries(value).map(([k, v]) => [k, toJinjaValue(v, k)] as const));
  return fromJs(value);
}

/** Python's str() of a caller's value. */
export function pyStr(value: unknown): string {
  return strOf(toJinjaValue(value));
}

/** Python's repr() of a caller's value. */
export function pyRepr(value: unknown): string {
  return reprOf(toJinjaValue(value));
}

/** Python's truthiness of a caller's value (empty containers are false, unlike in JS). */
export function pyTruthy(value: unknown): boolean {
  return truthy(toJinjaValue(value));
}
