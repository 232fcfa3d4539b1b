/** Safe evaluator for the Python expression subset of specs, and set expressions (§6, §7). */
export type { Expr } from './ast.js';
export { parseExpression, evaluateExpression, evaluateSetExpression, type EvaluateOptions } from './evaluate.js';
export { evaluateSetKeyedDict, type SetKeyedDictOptions } from './set-keyed-dict.js';
export { castLiteral, type CastResult } from './literals.js';
export { orderByReferences } from './ordering.js';
export { InvertibleSet, type InvertibleSetInit, type SetKind } from './invertible-set.js';
export { Scope, checkGlobalRebinding, checkGlobalLayer } from './scope.js';
export { ExpressionError } from './errors.js';
export {
  PyFloat,
  PyTuple,
  PyDict,
  PyCallable,
  pyFloat,
  pyTypeName,
  isPyInt,
  isPyFloat,
  isPyNumber,
  isPyObject,
  numberOf,
  type PyValue,
  type PyObject,
  type PyKwargs,
  type PyList,
} from './values.js';
export { toJs, fromJs, type JsValue } from './convert.js';
export { pyObject, namedList, type PyObjectOptions } from './objects.js';
export { nativeFunction, simpleFunction, bindArgs, type Signature, type BoundArgs } from './args.js';
export { pyRepr, pyStr } from './format.js';
export { truthy, pyEquals } from './protocols.js';
export { builtins } from './builtins.js';
