/** Python's arithmetic and bitwise operators with int/float semantics. */
import type { BinaryOperator } from './ast.js';
import { fail, overflowError, typeError, zeroDivision } from './errors.js';
import { InvertibleSet } from './invertible-set.js';
import { checkItemCount, MAX_ITEMS } from './limits.js';
import { pyStrLimited } from './format.js';
import { floorDiv, floorMod } from './numbers.js';
import { isPyNumber, numberOf, PyFloat, pyFloat, pyInt, PyTuple, pyTypeName, type PyValue } from './values.js';

type Num = number | boolean | PyFloat;

function unsupported(op: string, a: PyValue, b: PyValue): never {
  return typeError(`unsupported operand type(s) for ${op}: '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

function isIntLike(value: PyValue): value is number | boolean {
  return typeof value === 'number' || typeof value === 'boolean';
}

/** Python `a op b` for arithmetic, bitwise, sequence and set operators. */
export function binaryOp(op: BinaryOperator, a: PyValue, b: PyValue): PyValue {
  if (op === '~') return concatenate(pyStrLimited(a, MAX_ITEMS), pyStrLimited(b, MAX_ITEMS));
  if (isPyNumber(a) && isPyNumber(b)) return numericOp(op, a, b);
  if (a instanceof InvertibleSet && b instanceof InvertibleSet) return setOp(op, a, b) ?? unsupported(op, a, b);
  return sequenceOp(op, a, b) ?? unsupported(op, a, b);
}

function numericOp(op: BinaryOperator, a: Num, b: Num): PyValue {
  const x = numberOf(a);
  const y = numberOf(b);
  const ints = isIntLike(a) && isIntLike(b);
  switch (op) {
    case '+':
      return ints ? pyInt(x + y) : pyFloat(x + y);
    case '-':
      return ints ? pyInt(x - y) : pyFloat(x - y);
    case '*':
      return ints ? pyInt(x * y) : pyFloat(x * y);
    case '/':
      if (y === 0) zeroDivision(ints ? 'division by zero' : 'float division by zero');
      return pyFloat(x / y);
    case '//':
      if (y === 0) zeroDivision(ints ? 'integer division or modulo by zero' : 'float floor division by zero');
      return ints ? pyInt(floorDiv(x, y)) : pyFloat(floorDiv(x, y));
    case '%':
      if (y === 0) zeroDivision(ints ? 'integer modulo by zero' : 'float modulo');
      return ints ? pyInt(floorMod(x, y)) : pyFloat(floorMod(x, y));
    case '**':
      return power(x, y, ints);
    default:
      if (!ints) return unsupported(op, a, b);
      return bitwiseOp(op, x, y, typeof a === 'boolean' && typeof b === 'boolean');
  }
}

/** `x ** y`: int ** non-negative int stays int; a negative int exponent gives a float. */
export function power(x: number, y: number, ints: boolean): PyValue {
  if (x === 0 && y < 0) zeroDivision('0.0 cannot be raised to a negative power');
  if (ints && y >= 0) return pyInt(x ** y);
  if (x < 0 && !Number.isInteger(y)) {
    return fail('complex results are not supported', `(${x}) ** ${y} has no real value.`);
  }
  const result = x ** y;
  if (!Number.isFinite(result) && Number.isFinite(x) && Number.isFinite(y)) {
    overflowError('(34, \'Numerical result out of range\')');
  }
  return pyFloat(result);
}

function bitwiseOp(op: BinaryOperator, x: number, y: number, bools: boolean): PyValue {
  const big = (n: number): bigint => BigInt(n);
  let result: bigint;
  switch (op) {
    case '&':
      result = big(x) & big(y);
      break;
    case '|':
      result = big(x) | big(y);
      break;
    case '^':
      result = big(x) ^ big(y);
      break;
    case '<<':
    case '>>':
      if (y < 0) fail('ValueError: negative shift count');
      if (op === '<<' && y > 1100) overflowError('integer result is too large to represent');
      result = op === '<<' ? big(x) << big(y) : big(x) >> big(y);
      break;
    default:
      return typeError(`unsupported operand type(s) for ${op}: 'int' and 'int'`);
  }
  const value = pyInt(Number(result));
  return bools && (op === '&' || op === '|' || op === '^') ? value !== 0 : value;
}

function setOp(op: BinaryOperator, a: InvertibleSet, b: InvertibleSet): InvertibleSet | undefined {
  if (op === '&') return a.intersection(b);
  if (op === '|') return a.union(b);
  if (op === '-') return a.difference(b);
  if (op === '^') return a.symmetricDifference(b);
  return undefined;
}

function sequenceOp(op: BinaryOperator, a: PyValue, b: PyValue): PyValue | undefined {
  if (op === '+') {
    if (typeof a === 'string' && typeof b === 'string') return concatenate(a, b);
    if (Array.isArray(a) && Array.isArray(b)) {
      checkItemCount(a.length + b.length, 'List concatenation');
      return [...a, ...b];
    }
    if (a instanceof PyTuple && b instanceof PyTuple) {
      checkItemCount(a.items.length + b.items.length, 'Tuple concatenation');
      return new PyTuple([...a.items, ...b.items]);
    }
    return undefined;
  }
  if (op !== '*') return undefined;
  if (isIntLike(b) && !isPyNumber(a)) return repeat(a, numberOf(b));
  if (isIntLike(a) && !isPyNumber(b)) return repeat(b, numberOf(a));
  return undefined;
}

/** String `+` and Jinja's `~`, capped like repetition so doubling in a loop cannot exhaust memory. */
function concatenate(a: string, b: string): string {
  checkItemCount(a.length + b.length, 'String concatenation');
  return a + b;
}

function repeat(sequence: PyValue, times: number): PyValue | undefined {
  const count = Math.max(0, times);
  if (typeof sequence === 'string') {
    checkItemCount(sequence.length * count, 'String repetition');
    return sequence.repeat(count);
  }
  const items = Array.isArray(sequence) ? sequence : sequence instanceof PyTuple ? sequence.items : undefined;
  if (items === undefined) return undefined;
  checkItemCount(items.length * count, 'Repetition');
  const result: PyValue[] = new Array<PyValue>(items.length * count);
  for (let i = 0; i < result.length; i++) result[i] = items[i % items.length] as PyValue;
  return Array.isArray(sequence) ? result : new PyTuple(result);
}

/** Python unary `-x`, `+x`, `~x` (`~` complements sets). */
export function unaryOp(op: '-' | '+' | '~', value: PyValue): PyValue {
  if (op === '~' && value instanceof InvertibleSet) return value.complement();
  if (!isPyNumber(value)) return typeError(`bad operand type for unary ${op}: '${pyTypeName(value)}'`);
  const x = numberOf(value);
  if (value instanceof PyFloat) {
    if (op === '~') return typeError("bad operand type for unary ~: 'float'");
    return pyFloat(op === '-' ? -x : x);
  }
  if (op === '-') return pyInt(-x);
  if (op === '+') return x;
  return pyInt(-x - 1);
}
