/** Dicts keyed by set expressions (docs/spec-format.md §6.4): `bits_per_value`, `values_per_action`, Toll `direction`. */
import { ExpressionError } from './errors.js';
import { evaluateSetExpression } from './evaluate.js';
import { InvertibleSet } from './invertible-set.js';
import type { Scope } from './scope.js';

/** How strictly a set-keyed dict is checked. */
export interface SetKeyedDictOptions {
  /** Allow one key mentioning `Other` (= All minus the other keys). Default true. */
  readonly allowOther?: boolean;
  /** Every element of `All` must be matched by some key (Toll `direction`). Default false. */
  readonly requireCover?: boolean;
  /** Field name for messages, e.g. 'bits_per_value'. */
  readonly field?: string;
}

const OTHER_WORD = /\bOther\b/;

function failWith(message: string, hint: string, source?: string): never {
  const error = new ExpressionError(message, hint);
  if (source !== undefined) error.source = source;
  throw error;
}

function universeOf(scope: Scope, field: string): InvertibleSet {
  const all = scope.get('All');
  if (all instanceof InvertibleSet) return all;
  return failWith(
    `${field}: the symbol 'All' is not a set here, so 'Other' cannot be resolved.`,
    'Evaluate this dict with an Einsum selected.',
  );
}

/**
 * Evaluates each key as a set expression and returns the value of every element it matches.
 * The `Other` key is evaluated last; keys must be pairwise disjoint.
 */
export function evaluateSetKeyedDict<V>(
  dict: ReadonlyMap<string, V> | Readonly<Record<string, V>>,
  scope: Scope,
  options: SetKeyedDictOptions = {},
): Map<string, V> {
  const field = options.field ?? 'set-keyed dict';
  const entries = dict instanceof Map ? [...dict] : Object.entries(dict);
  const otherKeys = entries.filter(([key]) => OTHER_WORD.test(key));
  if (otherKeys.length > 0 && options.allowOther === false) {
    const hint = 'List the tensors of every key explicitly.';
    failWith(`${field}: 'Other' is not allowed in these keys.`, hint, otherKeys[0]?.[0]);
  }
  if (otherKeys.length > 1) {
    failWith(
      `${field}: at most one key may use 'Other'; found ${otherKeys.map(([k]) => `'${k}'`).join(' and ')}.`,
      'Merge those keys into one.',
    );
  }
  const owners = new Map<string, string>();
  const result = new Map<string, V>();
  const assign = (key: string, set: InvertibleSet, value: V): void => {
    for (const element of set.elements) {
      const previous = owners.get(element);
      if (previous !== undefined) {
        failWith(
          `${field} keys '${previous}' and '${key}' overlap (both match '${element}').`,
          'Each tensor may be matched by only one key; make the keys disjoint.',
        );
      }
      owners.set(element, key);
      result.set(element, value);
    }
  };
  for (const [key, value] of entries) {
    if (!OTHER_WORD.test(key)) assign(key, evaluateSetExpression(key, scope), value);
  }
  const otherEntry = otherKeys[0];
  if (otherEntry !== undefined) {
    const all = universeOf(scope, field);
    const other = all.withElements(all.elements.filter((e) => !owners.has(e)));
    assign(otherEntry[0], evaluateSetExpression(otherEntry[0], scope.child({ Other: other })), otherEntry[1]);
  }
  if (options.requireCover) checkCover(universeOf(scope, field), owners, field);
  return result;
}

function checkCover(all: InvertibleSet, owners: ReadonlyMap<string, string>, field: string): void {
  const missing = all.elements.filter((e) => !owners.has(e));
  if (missing.length === 0) return;
  const names = missing.map((m) => `'${m}'`).join(', ');
  failWith(`${field}: no key matches ${names}.`, 'Every tensor must be matched by one key.');
}
