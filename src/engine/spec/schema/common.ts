/**
 * Field kinds shared by every spec section. `E<T>` and `TE<T>` fields keep expression strings
 * verbatim (they are evaluated later); plain fields are validated here and never evaluated.
 */
import { z } from 'zod';
import { isRawMap, type RawMap } from '../raw.js';

/**
 * YAML `.inf` loads as Infinity, which zod numbers refuse; as the expression `inf` it means the
 * same and is held to the field's range like any other value.
 */
const infinityAsExpression = (value: unknown): unknown => (value === Infinity ? 'inf' : value === -Infinity ? '-inf' : value);

/** E<number>: a number or an expression string such as `"8 * 614e9"` or `"inf"`. */
export const evalNumber = () => z.preprocess(infinityAsExpression, z.union([z.string(), z.number()]));

/** E<number | null>: like evalNumber, but null means "ask the component model". */
export const evalNumberOrNull = () => z.preprocess(infinityAsExpression, z.union([z.string(), z.number(), z.null()]));

/** E<int>: an integer or an expression string. */
export const evalInt = () => z.union([z.string(), z.number().int()]);

/** E<bool> / TE<bool>: a boolean or an expression string such as `len(All) == 3`. */
export const evalBool = () => z.union([z.string(), z.boolean()]);

/** TE<set>: a set expression such as `~Intermediates` or `input | output`. */
export const setExpr = () => z.string();

/** E<dict> keyed by set expressions, e.g. `{output: 3 * output.bits_per_value}`. */
export const evalSetDict = () =>
  z.union([z.string(), z.record(z.string(), z.union([z.string(), z.number()]))]);

/**
 * A free-form dict (`variables`, `extra_attributes_*`). Passed through by reference so the
 * SourceIndex still knows which of its scalars were quoted (quoted means literal).
 */
export const openDict = () =>
  z
    .custom<RawMap>((value) => isRawMap(value), {
      message: 'expected a mapping of names to values',
      params: { hint: 'write e.g. `{X: 1, label: "quoted text stays a literal"}`' },
    })
    .nullish()
    .transform((value): RawMap => value ?? {});

const INFINITY_SPELLINGS: ReadonlySet<string> = new Set(['inf', '+inf', 'infinity', '+infinity']);

/** Parses the number spellings a lax float field accepts (`inf`, `1e3`, `-inf`). */
export function parseLaxNumber(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (INFINITY_SPELLINGS.has(t)) return Infinity;
  if (t === '-inf' || t === '-infinity') return -Infinity;
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(t.replace(/_/g, ''))) return undefined;
  return Number(t.replace(/_/g, ''));
}

/** Plain float|int field (never evaluated); accepts `inf` and numeric strings like pydantic. */
export const laxNumber = () =>
  z.union([z.number(), z.string()]).transform((value, ctx): number => {
    if (typeof value === 'number') return value;
    const parsed = parseLaxNumber(value);
    if (parsed !== undefined) return parsed;
    ctx.addIssue({
      code: 'custom',
      message: `expected a number, got the string "${value}"`,
      params: { hint: 'write a plain number such as `1000`, or `inf` for no limit' },
    });
    return z.NEVER;
  });

/** Name-like identifiers in projections: `[A-Za-z#$@][A-Za-z0-9_]*` (AccelForge's regex). */
export const RANK_IDENTIFIER = /^[A-Za-z#$@][A-Za-z0-9_]*/;

/** Python identifier (ASCII subset), used for projection dict keys. */
export const PY_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function startsUppercase(text: string): boolean {
  const first = text.charAt(0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

export function startsLowercase(text: string): boolean {
  const first = text.charAt(0);
  return first !== first.toUpperCase() && first === first.toLowerCase();
}

/** A custom zod issue with a hint for the SpecError. */
export function customIssue(
  message: string,
  path: (string | number)[],
  hint?: string,
): { code: 'custom'; message: string; path: (string | number)[]; params?: { hint: string } } {
  return { code: 'custom', message, path, ...(hint ? { params: { hint } } : {}) };
}
