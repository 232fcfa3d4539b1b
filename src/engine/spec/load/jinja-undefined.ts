/**
 * Jinja2's StrictUndefined, as messages: a template that uses a name, attribute or key that does
 * not exist fails where it uses it (`| default(x)` and `is defined` may still look at it; the
 * interpreter handles that).
 */
import type { UndefinedError } from '../expr/index.js';

/** The user-facing message and hint for an undefined value. */
export function describeUndefined(error: UndefinedError): { message: string; hint: string } {
  const name = error.missing;
  if (error.owner === undefined) {
    return {
      message: `Jinja variable '${name}' is undefined`,
      hint: `Define it with --set ${name}=VALUE, or give it a default: {{ ${name} | default(VALUE) }}.`,
    };
  }
  return {
    message: `Jinja expression is undefined: '${error.owner}' object has no attribute or key '${name}'`,
    hint: 'Check the attribute or key name, or add | default(VALUE).',
  };
}
