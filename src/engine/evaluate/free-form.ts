/**
 * Free-form dicts (`variables`, `arch.variables`, `extra_attributes_*`): every top-level entry is
 * evaluated in dependency order and bound for the entries after it. Quoted YAML strings are
 * literals; nested lists and dicts are taken as data, never evaluated.
 */
import type { SpecPath } from '../base/errors.js';
import { castLiteral, evaluateExpression, fromJs, orderByReferences, type PyValue, type Scope } from '../spec/expr/index.js';
import { atField } from './fields.js';

/** Tells whether an entry was a quoted YAML scalar (a literal string). */
export type LiteralTest = (dict: object, key: string) => boolean;

export function evaluateFreeForm(
  dict: Readonly<Record<string, unknown>>,
  scope: Scope,
  path: SpecPath,
  isLiteral: LiteralTest,
): Map<string, PyValue> {
  const entries = new Map(Object.entries(dict));
  const order = atField(path, () => orderByReferences(entries));
  const layer = scope.child();
  const result = new Map<string, PyValue>();
  for (const key of order) {
    const raw = entries.get(key);
    const value = atField([...path, key], () => evaluateEntry(raw, layer, isLiteral(dict, key)));
    layer.set(key, value);
    result.set(key, value);
  }
  return result;
}

function evaluateEntry(raw: unknown, scope: Scope, literal: boolean): PyValue {
  if (typeof raw === 'string' && literal) return raw;
  const cast = castLiteral(raw);
  if (cast.kind === 'cast') return cast.value;
  if (cast.kind === 'unchanged') return fromJs(cast.value);
  return evaluateExpression(cast.source, scope);
}
