/**
 * The Python value model. ints are integral JS numbers, floats are PyFloat boxes, so `2048.0`
 * and `2048` stay apart; bools are JS booleans, None is null, lists are JS arrays.
 */
import { overflowError, typeError } from './errors.js';
import type { InvertibleSet } from './invertible-set.js';

/** A Python float; boxed so that integral floats are not mistaken for ints. */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** A Python tuple. */
export class PyTuple {
  constructor(readonly items: readonly PyValue[]) {}
}

/** Keyword arguments of a call, in call order. */
export type PyKwargs = ReadonlyMap<string, PyValue>;

/** A callable implemented in TypeScript (builtins, methods of spec objects). */
export class PyCallable {
  constructor(
    readonly name: string,
    readonly invoke: (args: readonly PyValue[], kwargs: PyKwargs) => PyValue,
  ) {}
}

/**
 * An object with attributes, e.g. a spec node or an action. Only getAttr is required; the
 * optional hooks make it subscriptable, iterable, sized or callable.
 */
export interface PyObject {
  readonly pyType: string;
  getAttr(name: string): PyValue | undefined;
  /** Attribute names, for "did you mean" hints. */
  attrNames?(): Iterable<string>;
  getItem?(key: PyValue): PyValue | undefined;
  iterate?(): Iterable<PyValue>;
  length?(): number;
  call?(args: readonly PyValue[], kwargs: PyKwargs): PyValue;
  truthy?(): boolean;
}

/** A Python list. */
export type PyList = PyValue[];

/** Any value an expression can produce or read. */
export type PyValue =
  | null
  | boolean
  | number
  | string
  | PyFloat
  | PyList
  | PyTuple
  | PyDict
  | PyCallable
  | InvertibleSet
  | PyObject;

/** A Python dict; keys are hashed so that 1, 1.0 and True collide as in Python. */
export class PyDict {
  private readonly entries = new Map<string, [PyValue, PyValue]>();

  constructor(pairs: Iterable<readonly [PyValue, PyValue]> = []) {
    for (const [key, value] of pairs) this.set(key, value);
  }

  set(key: PyValue, value: PyValue): void {
    const hash = hashKey(key);
    const existing = this.entries.get(hash);
    this.entries.set(hash, [existing ? existing[0] : key, value]);
  }

  get(key: PyValue): PyValue | undefined {
    return this.entries.get(hashKey(key))?.[1];
  }

  has(key: PyValue): boolean {
    return this.entries.has(hashKey(key));
  }

  get size(): number {
    return this.entries.size;
  }

  keys(): PyValue[] {
    return [...this.entries.values()].map(([key]) => key);
  }

  items(): [PyValue, PyValue][] {
    return [...this.entries.values()];
  }
}

const objectIds = new WeakMap<object, number>();
let nextObjectId = 1;

function hashKey(key: PyValue): string {
  if (key === null) return 'None';
  if (typeof key === 'boolean') return `n:${key ? 1 : 0}`;
  if (typeof key === 'number') return `n:${key}`;
  if (key instanceof PyFloat) return `n:${key.value}`;
  if (typeof key === 'string') return `s:${key}`;
  if (key instanceof PyTuple) return `t:(${key.items.map(hashKey).join(',')})`;
  if (Array.isArray(key) || key instanceof PyDict) {
    typeError(`unhashable type: '${pyTypeName(key)}'`);
  }
  let id = objectIds.get(key);
  if (id === undefined) {
    id = nextObjectId++;
    objectIds.set(key, id);
  }
  return `o:${id}`;
}

/** Python's type name of a value, as used in error messages. */
export function pyTypeName(value: PyValue): string {
  if (value === null) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'int';
  if (typeof value === 'string') return 'str';
  if (value instanceof PyFloat) return 'float';
  if (Array.isArray(value)) return 'list';
  if (value instanceof PyTuple) return 'tuple';
  if (value instanceof PyDict) return 'dict';
  if (value instanceof PyCallable) return 'function';
  return value.pyType;
}

/** True for Python ints, including bools (Python's isinstance(True, int) holds). */
export function isPyInt(value: unknown): value is number | boolean {
  return typeof value === 'number' || typeof value === 'boolean';
}

/** True for Python floats. */
export function isPyFloat(value: unknown): value is PyFloat {
  return value instanceof PyFloat;
}

/** int, float or bool. */
export function isPyNumber(value: PyValue): value is number | boolean | PyFloat {
  return typeof value === 'number' || typeof value === 'boolean' || value instanceof PyFloat;
}

/** The numeric value of an int, float or bool. */
export function numberOf(value: number | boolean | PyFloat): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value.value;
}

/** Boxes a JS number as a Python float. */
export function pyFloat(value: number): PyFloat {
  return new PyFloat(value);
}

/** A Python int from an integral JS number; overflow to infinity is an error in Python. */
export function pyInt(value: number): number {
  if (!Number.isFinite(value)) {
    overflowError('integer result is too large to represent');
  }
  return value === 0 ? 0 : value;
}

/** True for objects implementing PyObject (spec nodes, actions, sets). */
export function isPyObject(value: PyValue): value is PyObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    'getAttr' in value &&
    typeof value.getAttr === 'function' &&
    'pyType' in value
  );
}
