/** Python's str() and repr() of values, for str(), messages and hints. */
import { InvertibleSet } from './invertible-set.js';
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
  if (typeof value === 'string') return stringRepr(value);
  return pyStrOrRepr(value, pyRepr);
}

/** Python's str(). */
export function pyStr(value: PyValue): string {
  if (typeof value === 'string') return value;
  return pyStrOrRepr(value, pyRepr);
}

function pyStrOrRepr(value: PyValue, inner: (v: PyValue) => string): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (value instanceof PyFloat) return floatRepr(value.value);
  if (Array.isArray(value)) return `[${value.map(inner).join(', ')}]`;
  if (value instanceof PyTuple) {
    const items = value.items.map(inner);
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  }
  if (value instanceof PyDict) {
    return `{${value.items().map(([k, v]) => `${inner(k)}: ${inner(v)}`).join(', ')}}`;
  }
  if (value instanceof PyCallable) return `<function ${value.name}>`;
  if (value instanceof InvertibleSet) return value.toString();
  return `<${value.pyType} object>`;
}

/** repr shortened for messages. */
export function shortRepr(value: PyValue, limit = 100): string {
  const text = pyRepr(value);
  return text.length > limit ? `${text.slice(0, limit - 3)}...` : text;
}
