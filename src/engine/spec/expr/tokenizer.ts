/** Splits a Python expression into tokens with their character offsets. */
import { fail } from './errors.js';

/** Token categories. */
export type TokenKind = 'name' | 'int' | 'float' | 'string' | 'op' | 'end';

/** One token with its offset in the source. */
export interface Token {
  readonly kind: TokenKind;
  /** Operator or name text, the decoded string, or the numeric literal text. */
  readonly text: string;
  readonly offset: number;
}

const OPERATORS = [
  '**=', '//=', '>>=', '<<=', '...',
  '**', '//', '==', '!=', '<=', '>=', '<<', '>>', '->', ':=', '+=', '-=', '*=', '/=',
  '+', '-', '*', '/', '%', '<', '>', '(', ')', '[', ']', '{', '}', ',', ':', '.', '~', '&', '|', '^', '=', '@', ';',
];

const DIGITS = String.raw`\d(?:_?\d)*`;
const NUMBER = new RegExp(
  String.raw`(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|` +
    String.raw`(?:${DIGITS})?\.?(?:${DIGITS})?(?:[eE][+-]?${DIGITS})?)[jJ]?`,
  'y',
);
const NAME = /[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_\u00C0-\uFFFF]*/y;
const STRING_PREFIX = /(?:[rRbBuUfF]{1,2})?(?=['"])/y;

/** Tokenizes a whole expression; the last token is `end`. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] ?? '';
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f') {
      i++;
      continue;
    }
    if (ch === '\\' && (source[i + 1] === '\n' || source[i + 1] === '\r')) {
      i += 2;
      continue;
    }
    if (ch === '#') fail('SyntaxError: comments are not allowed in expressions', undefined, i);
    const next = readString(source, i) ?? readNumber(source, i) ?? readName(source, i) ?? readOperator(source, i);
    if (next === undefined) {
      fail(`SyntaxError: invalid character '${ch}'`, 'Expressions use Python syntax.', i);
    }
    tokens.push(next.token);
    i = next.end;
  }
  tokens.push({ kind: 'end', text: '', offset: source.length });
  return tokens;
}

interface Scanned {
  readonly token: Token;
  readonly end: number;
}

function readNumber(source: string, start: number): Scanned | undefined {
  const first = source[start] ?? '';
  if (!/[0-9]/.test(first) && !(first === '.' && /[0-9]/.test(source[start + 1] ?? ''))) return undefined;
  NUMBER.lastIndex = start;
  const match = NUMBER.exec(source);
  const text = match?.[0] ?? '';
  if (/[jJ]$/.test(text)) fail('complex numbers are not supported', undefined, start);
  if (/^[A-Za-z_0-9]/.test(source[start + text.length] ?? '')) {
    fail('SyntaxError: invalid number literal', undefined, start);
  }
  const isFloat = !/^0[xXoObB]/.test(text) && /[.eE]/.test(text);
  return { token: { kind: isFloat ? 'float' : 'int', text, offset: start }, end: start + text.length };
}

function readName(source: string, start: number): Scanned | undefined {
  NAME.lastIndex = start;
  const match = NAME.exec(source);
  if (!match) return undefined;
  return { token: { kind: 'name', text: match[0], offset: start }, end: start + match[0].length };
}

function readOperator(source: string, start: number): Scanned | undefined {
  const op = OPERATORS.find((candidate) => source.startsWith(candidate, start));
  if (op === undefined) return undefined;
  return { token: { kind: 'op', text: op, offset: start }, end: start + op.length };
}

function readString(source: string, start: number): Scanned | undefined {
  STRING_PREFIX.lastIndex = start;
  const prefixMatch = STRING_PREFIX.exec(source);
  if (!prefixMatch) return undefined;
  const prefix = prefixMatch[0].toLowerCase();
  if (prefix.includes('f')) fail('f-strings are not supported in expressions', undefined, start);
  if (prefix.includes('b')) fail('bytes literals are not supported in expressions', undefined, start);
  const raw = prefix.includes('r');
  let i = start + prefixMatch[0].length;
  const quote = source[i] ?? '';
  const triple = source.startsWith(quote.repeat(3), i);
  const closer = triple ? quote.repeat(3) : quote;
  i += closer.length;
  let text = '';
  while (!source.startsWith(closer, i)) {
    const ch = source[i];
    if (ch === undefined || (!triple && ch === '\n')) {
      fail('SyntaxError: unterminated string literal', `Close the string with ${quote}.`, start);
    }
    if (ch === '\\') {
      const escape = raw ? { text: source.slice(i, i + 2), length: 2 } : decodeEscape(source, i);
      text += escape.text;
      i += escape.length;
      continue;
    }
    text += ch;
    i++;
  }
  return { token: { kind: 'string', text, offset: start }, end: i + closer.length };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0', '\n': '',
};

function decodeEscape(source: string, at: number): { text: string; length: number } {
  const kind = source[at + 1] ?? '';
  const simple = SIMPLE_ESCAPES[kind];
  if (simple !== undefined) return { text: simple, length: 2 };
  const width = kind === 'x' ? 2 : kind === 'u' ? 4 : kind === 'U' ? 8 : 0;
  const hex = source.slice(at + 2, at + 2 + width);
  if (width > 0 && hex.length === width && /^[0-9a-fA-F]+$/.test(hex)) {
    return { text: String.fromCodePoint(parseInt(hex, 16)), length: 2 + width };
  }
  // Python keeps unknown escapes verbatim.
  return { text: `\\${kind}`, length: 2 };
}
