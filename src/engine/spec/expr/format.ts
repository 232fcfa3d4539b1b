/** Python's str() and repr() of values, for str(), messages and hints. */
import { InvertibleSet } from './invertible-set.js';
import { checkItemCount } from './limits.js';
import { PyCallable, PyDict, PyFloat, PyTuple, type PyValue } from './values.js';

/** Python's repr of a float: shortest round-trip digits, `.0` on integral values. */
export function floatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exponent >= -4 && exponent < 16) return sign + fixedNotation(digits, exponent);
  const rest = digits.length > 1 ? `.${digits.slice(1)}` : '';
  const expSign = exponent < 0 ? '-' : '+';
  return `${sign}${digits[0]}${rest}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

function fixedNotation(digits: string, exponent: number): string {
  if (exponent < 0) return `0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${whole}.${fraction === '' ? '0' : fraction}`;
}

function stringRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/\r/g, '\\r');
  return quote + (quote === "'" ? escaped.replace(/'/g, "\\'") : escaped) + quote;
}

/** Python's repr(). */
export function pyRepr(value: PyValue): string {
  return writeValue(value, true, Infinity);
}

/** Python's str(). */
export function pyStr(value: PyValue): string {
  return writeValue(value, false, Infinity);
}

/**
 * Python's str(), failing once the text passes `limit` characters: a list that holds the same
 * list many times, nested, is small in memory but its text grows exponentially.
 */
export function pyStrLimited(value: PyValue, limit: number): string {
  return writeValue(value, false, limit);
}

function writeValue(value: PyValue, repr: boolean, limit: number): string {
  if (typeof value === 'string' && !repr) return value;
  const pieces: string[] = [];
  let length = 0;
  const push = (piece: string): void => {
    length += piece.length;
    if (length > limit) checkItemCount(length, 'Converting this value to text', limit);
    pieces.push(piece);
  };
  const write = (item: PyValue): void => {
    if (typeof item === 'string') push(stringRepr(item));
    else if (Array.isArray(item)) writeSequence(item, '[', ']');
    else if (item instanceof PyTuple) writeSequence(item.items, '(', item.items.length === 1 ? ',)' : ')');
    else if (item instanceof PyDict) writeDict(item);
    else push(scalarStr(item));
  };
  const writeSequence = (items: readonly PyValue[], open: string, close: string): void => {
    push(open);
    items.forEach((item, i) => {
      if (i > 0) push(', ');
      write(item);
    });
    push(close);
  };
  const writeDict = (dict: PyDict): void => {
    push('{');
    dict.items().forEach(([k, v], i) => {
      if (i > 0) push(', ');
      write(k);
      push(': ');
      write(v);
    });
    push('}');
  };
  write(value);
  return pieces.join('');
}

function scalarStr(value: Exclude<PyValue, string | PyValue[] | PyTuple | PyDict>): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (value instanceof PyFloat) return floatRepr(value.value);
  if (value instanceof PyCallable) return `<function ${value.name}>`;
  if (value instanceof InvertibleSet) return value.toString();
  return `<${value.pyType} object>`;
}

/** repr shortened for messages. */
export function shortRepr(value: PyValue, limit = 100): string {
  const text = pyRepr(value);
  return text.length > limit ? `${text.slice(0, limit - 3)}...` : text;
}
