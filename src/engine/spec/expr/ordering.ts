/** docs/spec-format.md §7.2 rule 3: the order in which sibling expression fields are evaluated. */
import { fail } from './errors.js';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function rawText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value) ?? '';
  return String(value);
}

/** Lists and dicts are sub-models; scalars are evaluated before them when both are ready. */
function isSubModel(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

/**
 * Orders entries so that each comes after every sibling whose name appears as a whole word in
 * its raw text. Among ready entries, scalars go first, then alphabetical order.
 */
export function orderByReferences(entries: ReadonlyMap<string, unknown>): string[] {
  const names = [...entries.keys()];
  const dependencies = new Map<string, Set<string>>();
  for (const [name, value] of entries) {
    const text = rawText(value);
    const uses = names.filter((other) => other !== name && new RegExp(`\\b${escapeRegExp(other)}\\b`).test(text));
    dependencies.set(name, new Set(uses));
  }
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < names.length) {
    const ready = names.filter((n) => !done.has(n) && [...(dependencies.get(n) ?? [])].every((d) => done.has(d)));
    if (ready.length === 0) {
      const stuck = names.filter((n) => !done.has(n)).sort();
      fail(
        `Circular dependency detected in expressions. Fields: ${stuck.join(', ')}`,
        'Each of these refers to another by name; break the cycle by writing one of them as a value.',
      );
    }
    const rank = (name: string): number => Number(isSubModel(entries.get(name)));
    ready.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
    const next = ready[0] as string;
    order.push(next);
    done.add(next);
  }
  return order;
}
