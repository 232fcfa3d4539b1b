/** Dicts whose keys must follow a naming rule: rank sizes (uppercase) and iteration spaces (lowercase). */
import { z } from 'zod';
import { customIssue, startsLowercase, startsUppercase } from './common.js';

/** A dict keyed by ranks (`M`, `N0`): keys must start uppercase. */
export function rankKeyed<V extends z.ZodType>(value: V) {
  return z.record(z.string(), value).check(
    z.superRefine((dict, ctx) => {
      for (const key of Object.keys(dict)) {
        if (startsUppercase(key)) continue;
        ctx.addIssue(
          customIssue(
            `rank "${key}" must start with an uppercase letter`,
            [key],
            `ranks are uppercase (\`${key.toUpperCase()}\`); rank variables are lowercase`,
          ),
        );
      }
    }),
  );
}

/** A dict keyed by rank variables (`m`, `n0`): keys must start lowercase. */
export function rankVariableKeyed<V extends z.ZodType>(value: V) {
  return z.record(z.string(), value).check(
    z.superRefine((dict, ctx) => {
      for (const key of Object.keys(dict)) {
        if (startsLowercase(key)) continue;
        ctx.addIssue(
          customIssue(
            `rank variable "${key}" must start with a lowercase letter`,
            [key],
            `rank variables are lowercase (\`${key.toLowerCase()}\`); ranks are uppercase`,
          ),
        );
      }
    }),
  );
}
