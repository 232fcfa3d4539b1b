/** Argument binding and coercion helpers for native functions. */
import { typeError } from './errors.js';
import { isPyNumber, numberOf, PyCallable, PyFloat, pyTypeName, type PyKwargs, type PyValue } from './values.js';

/** Parameter names of a native function. */
export interface Signature {
  readonly required?: readonly string[];
  readonly optional?: readonly string[];
  /** Extra positional arguments are collected instead of rejected. */
  readonly varargs?: boolean;
}

/** Arguments bound to parameter names, plus extra positionals for varargs. */
export interface BoundArgs {
  readonly values: ReadonlyMap<string, PyValue>;
  readonly rest: readonly PyValue[];
}

/** Binds positional and keyword arguments to parameter names like Python does. */
export function bindArgs(fn: string, signature: Signature, args: readonly PyValue[], kwargs: PyKwargs): BoundArgs {
  const required = signature.required ?? [];
  const names = [...required, ...(signature.optional ?? [])];
  const values = new Map<string, PyValue>();
  const positional = signature.varargs ? args.slice(0, required.length) : args;
  if (positional.length > names.length) {
    typeError(`${fn}() takes at most ${names.length} argument${names.length === 1 ? '' : 's'} (${args.length} given)`);
  }
  positional.forEach((value, i) => values.set(names[i] as string, value));
  for (const [name, value] of kwargs) {
    if (!names.includes(name)) typeError(`${fn}() got an unexpected keyword argument '${name}'`);
    if (values.has(name)) typeError(`${fn}() got multiple values for argument '${name}'`);
    values.set(name, value);
  }
  const missing = required.filter((name) => !values.has(name));
  if (missing.length > 0) typeError(`${fn}() missing required argument: '${missing[0]}'`);
  return { values, rest: signature.varargs ? args.slice(required.length) : [] };
}

/** A native function with a fixed signature; `body` receives the bound arguments. */
export function nativeFunction(
  name: string,
  signature: Signature,
  body: (args: BoundArgs) => PyValue,
): PyCallable {
  return new PyCallable(name, (args, kwargs) => body(bindArgs(name, signature, args, kwargs)));
}

/** Wraps a JS function of plain positional arguments (no keywords). */
export function simpleFunction(name: string, body: (...args: PyValue[]) => PyValue): PyCallable {
  return new PyCallable(name, (args, kwargs) => {
    if (kwargs.size > 0) typeError(`${name}() takes no keyword arguments`);
    return body(...args);
  });
}

/** An int, float or bool argument as a JS number. */
export function requireNumber(fn: string, value: PyValue | undefined): number {
  if (value === undefined || !isPyNumber(value)) {
    return typeError(`${fn}() needs a number, not '${pyTypeName(value ?? null)}'`);
  }
  return numberOf(value);
}

/** An int argument (bools pass); floats are rejected as in Python. */
export function requireInt(fn: string, value: PyValue | undefined): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof PyFloat) return typeError(`'float' object cannot be interpreted as an integer (in ${fn}())`);
  return typeError(`${fn}() needs an integer, not '${pyTypeName(value ?? null)}'`);
}
