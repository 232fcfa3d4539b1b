/**
 * Records keyed by names the user chose (tensors, Einsums, ranks, components). They have no
 * prototype, so a tensor called `toString`, `constructor` or `__proto__` is an ordinary key:
 * looking up a missing name gives undefined, never an inherited function.
 */

export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export function recordFrom<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const record = emptyRecord<T>();
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/**
 * `record[key]` when the record itself holds the key. Records may arrive from a worker
 * (structured cloning gives them back a prototype), so lookups by a user's name use this.
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
