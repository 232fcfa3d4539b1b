/**
 * A cap on how many files one load may include or render. Each include() reads and renders its
 * file again, so an include in a loop, or a few files that each include the next one twice
 * (2^depth renders), can keep the loader busy for minutes while every single render stays small
 * (the per-load tag and character caps then trip far too late).
 */
import { SpecErrorException, specError, type SpecError } from '../../base/errors.js';
import type { LoadSession } from './load-session.js';

/** Most include()/include_all()/include_text() file loads in one load of a spec. */
export const MAX_INCLUDES_PER_LOAD = 256;

const HINT =
  'Include each file once and reuse the result ({% set arch = include("arch.yaml") %} outside the loop), ' +
  'or check for files that include the same file several times at every level.';

/**
 * The include cap was crossed. Each enclosing include() call re-places it at its own line, so it
 * ends up at the outermost file's include, where the user can act on it.
 */
export class IncludeBudgetExceeded extends SpecErrorException {
  constructor(found: SpecError) {
    super(found);
    this.name = 'IncludeBudgetExceeded';
  }
}

/** Counts one included file; throws (without a position: the include call places it) past the cap. */
export function countInclude(session: LoadSession, path: string): void {
  session.includesLoaded += 1;
  if (session.includesLoaded <= MAX_INCLUDES_PER_LOAD) return;
  throw new IncludeBudgetExceeded(
    specError(
      'jinja',
      `Too many includes: this spec loads more than ${MAX_INCLUDES_PER_LOAD.toLocaleString('en-US')} included files in one load ` +
        `(the limit was crossed including ${session.displayName(path)})`,
      { hint: HINT },
    ),
  );
}
