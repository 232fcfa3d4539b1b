/** Safe evaluator for the Python expression subset of specs, and set expressions (docs/spec-format.md §6, §7). */
export type { Expr, Target } from './ast.js';
export {
  parseExpression,
  evaluateExpression,
  evaluateParsed,
  evaluateSetExpression,
  type EvaluateOptions,
} from './evaluate.js';
export {
  parseJinjaAssert,
  parseJinjaExpression,
  parseJinjaFor,
  parseJinjaSet,
  type JinjaAssertHead,
  type JinjaForHead,
  type JinjaSetHead,
} from './jinja-parser.js';
export { UndefinedError, UndefinedValue, type JinjaDialect, type JinjaFunction } from './jinja-dialect.js';
export { bindTarget } from './interpreter.js';
export { checkItemCount, MAX_ITEMS } from './limits.js';
export { evaluateSetKeyedDict, type SetKeyedDictOptions } from './set-keyed-dict.js';
export { castLiteral, type CastResult } from './literals.js';
export { orderByReferences } from './ordering.js';
export { InvertibleSet, type InvertibleSetInit, type SetKind } from './invertible-set.js';
export { Scope, checkGlobalRebinding, checkGlobalLayer } from './scope.js';
export { ExpressionError, typeError } from './errors.js';
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
export { nativeFunction, simpleFunction, bindArgs, requireInt, type Signature, type BoundArgs } from './args.js';
export { floatRepr, pyRepr, pyStr, pyStrLimited } from './format.js';
export { truthy, pyEquals, iterate, callValue } from './protocols.js';
export { builtins } from './builtins.js';
