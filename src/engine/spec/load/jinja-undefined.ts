/**
 * Jinja2's StrictUndefined for nunjucks: a lookup of an unknown name yields a sentinel that
 * fails as soon as it is used (output, arithmetic, comparison, attribute access, truth test),
 * while `| default(x)` and `is defined` can still inspect it.
 */
const sentinels = new WeakSet<object>();

export function isJinjaUndefined(value: unknown): boolean {
  return typeof value === 'object' && value !== null && sentinels.has(value);
}

/** An undefined value named `name`; `fail` raises the user-facing error when it is used. */
export function makeJinjaUndefined(name: string, fail: (name: string) => never): object {
  const sentinel = new Proxy(
    {},
    {
      get(_target, key) {
        if (key === Symbol.toPrimitive || key === 'toString' || key === 'valueOf') {
          return () => fail(name);
        }
        if (typeof key === 'symbol') return undefined;
        return fail(name);
      },
    },
  );
  sentinels.add(sentinel);
  return sentinel;
}

/** Undefined-or-missing, the way Jinja's `default` filter and `defined` test see it. */
export function isMissing(value: unknown): boolean {
  return value === undefined || isJinjaUndefined(value);
}
