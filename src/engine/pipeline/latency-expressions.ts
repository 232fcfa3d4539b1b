/** Custom `total_latency` expressions (docs/spec-format.md §4.10), evaluated with the actions' call counts. */
import type { EvaluatedSpec } from '../evaluate/index.js';
import type { LatencyEvaluator } from '../model/index.js';
import { evaluateExpression, fromJs, isPyFloat, isPyInt, namedList, pyObject, type PyValue, type Scope } from '../spec/expr/index.js';
import { atField } from '../evaluate/fields.js';
import { failWith } from '../base/errors.js';
import { leavesOf } from './component-costs.js';

/**
 * The mapper calls this for every tile choice, so each component's field scope is built once per
 * (Einsum, component) and only the actions' call counts are bound per call.
 */
export function makeLatencyEvaluator(evaluated: EvaluatedSpec): LatencyEvaluator {
  const fieldScopes = new Map<string, Scope>();
  const fieldScope = (einsum: string, name: string): Scope => {
    const key = `${einsum}\u0000${name}`;
    let scope = fieldScopes.get(key);
    if (!scope) {
      const bindings: Record<string, PyValue> = {};
      for (const [field, value] of Object.entries(componentFields(evaluated, einsum, name))) bindings[field] = fromJs(value);
      scope = evaluated.scope.child(bindings);
      fieldScopes.set(key, scope);
    }
    return scope;
  };
  return (component, expression, actions, einsum) => {
    const actionObjects = actions.map((a) =>
      pyObject('Action', {
        name: a.name,
        n_calls: fromJs(a.nCalls),
        throughput: fromJs(a.throughput),
        energy: fromJs(a.energy),
        latency: fromJs(a.latency),
      }),
    );
    const scope = fieldScope(einsum, component.name).child({
      actions: namedList(actionObjects, (_item, i) => actions[i]!.name),
    });
    const path = ['arch', component.name, 'total_latency'];
    const value = atField(path, () => evaluateExpression(expression, scope));
    if (isPyInt(value)) return Number(value);
    if (isPyFloat(value)) return value.value;
    return failWith('expression', `total_latency of ${component.name} for ${einsum} evaluated to a non-number.`, {
      path,
      hint: 'total_latency must evaluate to a number of seconds (or cycles).',
    });
  };
}

/** The component's evaluated fields for this Einsum (they are symbols of its latency expression). */
function componentFields(evaluated: EvaluatedSpec, einsum: string, name: string): Readonly<Record<string, unknown>> {
  const arch = evaluated.arches.find((a) => a.einsum === einsum);
  const leaf = arch ? leavesOf(arch.tree).find((l) => l.name === name) : undefined;
  return leaf?.component ? { ...leaf.component.extraAttributes, ...leaf.component.fields } : {};
}
