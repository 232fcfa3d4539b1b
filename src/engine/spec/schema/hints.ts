/** Wording helpers for schema errors: near-miss names, expected types and example lines. */

/** Levenshtein distance (small strings only: field and tag names). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidate closest to `name`, if it is close enough to be a plausible typo. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const allowed = Math.max(2, Math.floor(name.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

const KIND_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
  null: 'null',
};

/** `['string', 'number']` → `a number or an expression string`. */
export function describeExpected(kinds: readonly string[]): string {
  const unique = [...new Set(kinds)];
  const hasString = unique.includes('string');
  const others = unique.filter((k) => k !== 'string').map((k) => KIND_WORDS[k] ?? k);
  if (hasString && others.length > 0) return `${others.join(' or ')} or an expression string`;
  return unique.map((k) => KIND_WORDS[k] ?? k).join(' or ');
}

/** Example values for required or frequently mistyped fields. */
const FIELD_EXAMPLES: Record<string, string> = {
  name: 'MyNode',
  size: '1024',
  direction: 'up',
  fanout: '4',
  expression: '~m',
  operator: "'=='",
  value: '1',
  source: 'Inputs',
  einsum: '"Z[m, n] = A[m, k] * B[k, n]"',
  tensor_accesses: '[{name: A, projection: [m, k]}]',
  projection: '[m, k]',
  rank_variable: 'm',
  component: 'GlobalBuffer',
  resource: 'GlobalBuffer',
  purposes: '[A]',
  text: 'label',
};

const KIND_EXAMPLES: Record<string, string> = {
  number: '1',
  int: '1',
  boolean: 'true',
  object: '{...}',
  record: '{...}',
  array: '[...]',
  string: '...',
};

/** An example YAML line for a field, e.g. `size: 1024`. */
export function exampleLine(field: string | number, kinds: readonly string[] = []): string {
  const key = String(field);
  // A typed example teaches more than an expression placeholder, so strings come last.
  const ordered = [...kinds.filter((k) => k !== 'string'), ...kinds.filter((k) => k === 'string')];
  const value = FIELD_EXAMPLES[key] ?? ordered.map((k) => KIND_EXAMPLES[k]).find((v) => v !== undefined) ?? '...';
  return `${key}: ${value}`;
}

/** Short description of a raw value for "got ..." phrases. */
export function describeRaw(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string "${value}"`;
  return `${typeof value} ${String(value)}`;
}
