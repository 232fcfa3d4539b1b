/** Shared pieces of node evaluation: set-valued fields, set-keyed dicts and field objects. */
import type { SpecPath } from '../../base/errors.js';
import {
  evaluateSetKeyedDict,
  ExpressionError,
  isPyFloat,
  PyDict,
  toJs,
  type JsValue,
  type PyValue,
  type Scope,
} from '../../spec/expr/index.js';
import type { RangedField } from '../../spec/schema/ranges.js';
import { emptyRecord, recordFrom } from '../../base/records.js';
import { atField, checkRange, evaluateTyped } from '../fields.js';

/**
 * An E dict keyed by set expressions whose values are number expressions
 * (`bits_per_value: {output: 3 * output.bits_per_value}`); returns tensor → number.
 */
export function evaluateNumberDict(
  raw: string | Readonly<Record<string, string | number>>,
  scope: Scope,
  path: SpecPath,
  range?: RangedField,
): Record<string, number> {
  if (typeof raw === 'string') {
    const value = evaluateTyped(raw, scope, path, 'any');
    return dictToNumbers(raw, value, path, range);
  }
  const byTensor = atField(path, () => evaluateSetKeyedDict(raw, scope, { field: String(path[path.length - 1]) }));
  const result = emptyRecord<number>();
  for (const [tensor, value] of byTensor) result[tensor] = evaluateTyped(value, scope, path, 'number', range);
  return result;
}

function dictToNumbers(raw: string, value: PyValue, path: SpecPath, range: RangedField | undefined): Record<string, number> {
  if (!(value instanceof PyDict)) {
    return atField(path, () => {
      throw new ExpressionError('expected a dict of tensor set expressions to numbers', 'Write e.g. `{All: 8}`.');
    });
  }
  const result = emptyRecord<number>();
  for (const [key, item] of value.items()) result[String(toJs(key))] = checkRange(raw, Number(toJs(item)), path, range);
  return result;
}

/** Component-model attributes with a meaning-given range (`tech_node`), checked where they are set. */
const RANGED_ATTRIBUTES: readonly RangedField[] = ['tech_node'];

export function checkRangedAttributes(values: ReadonlyMap<string, PyValue>, path: SpecPath): void {
  for (const field of RANGED_ATTRIBUTES) {
    const value = values.get(field);
    const number = typeof value === 'number' ? value : isPyFloat(value) ? value.value : undefined;
    if (number !== undefined) checkRange(number, number, [...path, field], field);
  }
}

/** Python view of a JS record (for binding an evaluated dict field). */
export function numberRecordToPy(record: Readonly<Record<string, number>>): PyDict {
  return new PyDict(Object.entries(record).map(([k, v]) => [k, v] as const));
}

export function toJsRecord(values: ReadonlyMap<string, PyValue>): Record<string, JsValue> {
  return recordFrom([...values].map(([key, value]) => [key, toJs(value)] as const));
}
