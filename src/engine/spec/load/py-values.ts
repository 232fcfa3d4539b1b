/**
 * Jinja2 renders values with Python's str(); these helpers reproduce that for the values a
 * template can hold (JS numbers cannot tell 2 from 2.0, so floats that must keep their `.0`
 * are passed in wrapped as PyFloat).
 */

/** A number that renders as a Python float (`100000.0`) in Jinja output. */
export class PyFloat {
  constructor(readonly value: number) {}

  valueOf(): number {
    return this.value;
  }

  toString(): string {
    return formatPyFloat(this.value);
  }
}

/** Python's repr() of a float: shortest round-trip digits, exponent outside [1e-4, 1e16). */
export function formatPyFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa = '0', expText = '0'] = value.toExponential().split('e');
  const exponent = Number(expText);
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const fixed = plainDecimal(value);
  return fixed.includes('.') ? fixed : `${fixed}.0`;
}

function plainDecimal(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // String() switches to exponent form earlier than Python does (1e-7 vs 1e-05); rebuild it.
  const [mantissa = '0', expText = '0'] = value.toExponential().split('e');
  const exponent = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  if (exponent < 0) return `${negative ? '-' : ''}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const intPart = digits.padEnd(exponent + 1, '0');
  const frac = digits.slice(exponent + 1);
  return `${negative ? '-' : ''}${intPart.slice(0, exponent + 1)}${frac ? `.${frac}` : ''}`;
}

function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return String(value);
  return formatPyFloat(value);
}

/** Python's str(). */
export function pyStr(value: unknown): string {
  if (typeof value === 'string') return value;
  return pyRepr(value);
}

/** Python's repr(), as used for containers' elements. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return quotePyString(value);
  if (value instanceof PyFloat) return formatPyFloat(value.value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'function') return '<function>';
  if (typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${quotePyString(k)}: ${pyRepr(v)}`);
    return `{${entries.join(', ')}}`;
  }
  return String(value);
}

function quotePyString(text: string): string {
  const useDouble = text.includes("'") && !text.includes('"');
  const quote = useDouble ? '"' : "'";
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(new RegExp(quote, 'g'), `\\${quote}`);
  return `${quote}${escaped}${quote}`;
}

/** Jinja2/Python truthiness (empty containers are false, unlike in JS). */
export function pyTruthy(value: unknown): boolean {
  if (value instanceof PyFloat) return value.value !== 0;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return Boolean(value);
}

/**
 * Gives a plain object Python dict methods (`items`, `keys`, `values`, `get`) as
 * non-enumerable properties, so `{% for k, v in D.items() %}` works and iteration, `in` and
 * rendering still see only the real keys.
 */
export function withDictMethods<T extends object>(dict: T): T {
  const source = dict as Record<string, unknown>;
  const methods: Record<string, (...args: unknown[]) => unknown> = {
    items: () => Object.entries(source),
    keys: () => Object.keys(source),
    values: () => Object.values(source),
    get: (key: unknown, fallback: unknown = null) =>
      typeof key === 'string' && Object.hasOwn(source, key) ? source[key] : fallback,
  };
  for (const [name, fn] of Object.entries(methods)) {
    if (!Object.hasOwn(source, name)) {
      Object.defineProperty(source, name, { value: fn, enumerable: false, configurable: true });
    }
  }
  return dict;
}

/** Deep copy of caller data with dict methods on every plain object (callables kept). */
export function toJinjaValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJinjaValue);
  if (value instanceof PyFloat || typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toJinjaValue(v);
  return withDictMethods(out);
}
