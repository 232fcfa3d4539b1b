/** Python's rules for reading numbers from literals and strings. */

const DIGITS = '\\d(?:_?\\d)*';
const INT_STRING = new RegExp(`^[+-]?${DIGITS}$`);
const FLOAT_STRING = new RegExp(`^[+-]?(?:(?:${DIGITS})?\\.${DIGITS}|${DIGITS}\\.?)(?:[eE][+-]?${DIGITS})?$`);
const SPECIAL_FLOAT = /^([+-]?)(inf|infinity|nan)$/i;

/** The value of an int literal token (decimal, 0x, 0o, 0b, with underscores). */
export function parseIntLiteral(text: string): number {
  const clean = text.replace(/_/g, '').toLowerCase();
  if (clean.startsWith('0x')) return parseInt(clean.slice(2), 16);
  if (clean.startsWith('0o')) return parseInt(clean.slice(2), 8);
  if (clean.startsWith('0b')) return parseInt(clean.slice(2), 2);
  return Number(clean);
}

/** Python's int(str) in base 10, or undefined when Python would raise. */
export function intFromString(text: string): number | undefined {
  const trimmed = text.trim();
  if (!INT_STRING.test(trimmed)) return undefined;
  const value = Number(trimmed.replace(/_/g, ''));
  return value === 0 ? 0 : value;
}

/** Python's float(str), or undefined when Python would raise. */
export function floatFromString(text: string): number | undefined {
  const trimmed = text.trim();
  const special = SPECIAL_FLOAT.exec(trimmed);
  if (special) {
    const magnitude = (special[2] ?? '').toLowerCase() === 'nan' ? NaN : Infinity;
    return special[1] === '-' ? -magnitude : magnitude;
  }
  if (!FLOAT_STRING.test(trimmed)) return undefined;
  return Number(trimmed.replace(/_/g, ''));
}

/** Python's floor division of two floats (also used for ints). */
export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** Python's modulo: the result takes the sign of the divisor. */
export function floorMod(a: number, b: number): number {
  const remainder = a % b;
  if (remainder !== 0 && remainder < 0 !== b < 0) return remainder + b;
  return remainder === 0 ? (b < 0 ? -0 : 0) : remainder;
}

/** Round half to even (Python's round with no ndigits), for finite values. */
export function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * Python's round(x, ndigits) for a float: correctly rounded on the exact binary value, ties to
 * even. toFixed also works on the exact value but breaks ties upward, so ties are detected first.
 */
export function roundFloatToDigits(value: number, ndigits: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  if (ndigits < 0) {
    const scale = 10 ** -ndigits;
    return roundHalfEven(value / scale) * scale;
  }
  if (Math.abs(value) >= 1e21 || ndigits > 100) return value;
  const rounded = Number(value.toFixed(ndigits));
  const exact = value.toFixed(Math.min(ndigits + 30, 100));
  const tail = exact.slice(exact.indexOf('.') + 1 + ndigits);
  if (!/^50*$/.test(tail)) return rounded;
  const scale = 10 ** ndigits;
  const truncated = Math.trunc(Math.abs(value) * scale);
  const even = truncated % 2 === 0 ? truncated : truncated + 1;
  return (Math.sign(value) * even) / scale;
}
