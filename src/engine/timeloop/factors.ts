import type { Plain } from './source.js';

/** A factor directive entry: `D=n`, `D<=n`, `D>=n` (Timeloop `D0` and `D=0` mean the full dimension). */
export interface Factor {
  dim: string;
  op: '=' | '<=' | '>=';
  value: number;
}

const FACTOR_RE = /^([A-Za-z_][A-Za-z0-9_]*?)\s*(<=|>=|=)?\s*(\d+)$/;

/** Parse Timeloop factors: a string (`R=3 P=16`, `R=1,P=1`, legacy `N1 P1`) or a list of such entries. */
export function parseFactors(value: Plain | undefined): Factor[] {
  const parts = Array.isArray(value)
    ? value.flatMap((v) => splitFactorString(String(v)))
    : typeof value === 'string'
      ? splitFactorString(value)
      : [];
  const out: Factor[] = [];
  for (const part of parts) {
    const m = FACTOR_RE.exec(part.trim());
    if (!m) continue;
    out.push({ dim: m[1]!, op: (m[2] ?? '=') as Factor['op'], value: Number(m[3]) });
  }
  return out;
}

function splitFactorString(text: string): string[] {
  // `R = 3` with spaces around the operator must stay one entry.
  return text.replace(/\s*(<=|>=|=)\s*/g, '$1').split(/[\s,]+/).filter((s) => s !== '');
}

/**
 * Parse a permutation (listed inner → outer) into dimension names. Strings are one character
 * per dimension (whitespace and commas ignored); lists give one dimension per entry.
 */
export function parsePermutation(value: Plain | undefined, knownDims: readonly string[]): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v));
  if (typeof value !== 'string') return [];
  const compact = value.replace(/[\s,]/g, '');
  if (compact.includes('_')) {
    const [inner = '', outer = ''] = compact.split('_');
    const listed = new Set([...inner, ...outer]);
    const free = knownDims.filter((d) => !listed.has(d));
    return [...inner, ...free, ...outer];
  }
  return [...compact];
}
