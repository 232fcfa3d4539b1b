/**
 * Cases that fail on the current tree, each with the cause that must be fixed (issue 13). They
 * run as `it.fails`: when a fix lands the case passes, its `it.fails` fails, and the entry must
 * be removed here. Never add a case here to hide a regression; the cause must name the fix.
 * `FUZZ_STRICT=1 npx vitest run test/fuzz/` runs them as plain tests to see what is still open.
 */
// Empty: every known failure of the corpus has been fixed.
const BY_CAUSE: Readonly<Record<string, readonly string[]>> = {};

/** Case name → the cause it waits on. */
export const KNOWN_FAILURES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(BY_CAUSE).flatMap(([cause, names]) => names.map((name) => [name, cause])),
);
