/** A value or the errors that prevented it. Engine boundaries return this instead of throwing. */
export type Result<T, E = SpecError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly E[] };

import type { SpecError } from './errors.js';

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

export function err<E = SpecError>(...errors: E[]): Result<never, E> {
  return { ok: false, errors };
}
