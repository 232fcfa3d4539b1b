/** The builtin table every expression sees underneath its scope (docs/spec-format.md §7.5). */
import { coreBuiltins } from './builtins-core.js';
import { mathBuiltins } from './builtins-math.js';
import type { PyValue } from './values.js';

let table: ReadonlyMap<string, PyValue> | undefined;

/** Builtins by name, built once. */
export function builtins(): ReadonlyMap<string, PyValue> {
  table ??= new Map<string, PyValue>([...mathBuiltins(), ...coreBuiltins()]);
  return table;
}
