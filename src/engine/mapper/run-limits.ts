/**
 * Limits of one mapper run: its time limit (the search stops at it; the join of what was found
 * gets a short grace), and the rank sizes the mapper's 32-bit tile tables can hold.
 */
import { specError, SpecErrorException, type SpecError } from '../base/errors.js';
import type { StopSignal } from './stop-check.js';
import { usageCap } from './tile-enumerate.js';
import type { TemplateJob } from './types.js';

/** Tiles and trip counts live in Int32Arrays, so no rank variable may have more values. */
export const MAX_MAPPER_RANK_SIZE = 2 ** 31 - 1;

/** After the time limit, running jobs may hand back their rows, and the join may run, this long each. */
export const JOIN_GRACE_SECONDS = 1;

/** The run's clock: when the search must stop, and when the join of its results must. */
export interface RunClock {
  readonly now: () => number;
  /** Start of the run (ms on `now`'s clock). */
  readonly start: number;
  readonly limitSeconds: number;
  /** True once the caller cancels. */
  readonly cancelled: () => boolean;
  /** True once cancelled or past the time limit. */
  readonly search: StopSignal;
  /** True once cancelled or past the time limit plus JOIN_GRACE_SECONDS: job executors stop waiting for running jobs. */
  readonly drain: StopSignal;
  /** A signal for a join starting now: true once cancelled or JOIN_GRACE_SECONDS past the later of now and the limit. */
  readonly join: () => StopSignal;
  /** The time limit as a `Date.now()` time, for workers; absent without a limit or with a custom clock. */
  readonly deadline?: number;
}

export interface ClockOptions {
  readonly signal?: StopSignal;
  /** Default: `mapper.time_limit`. */
  readonly timeLimitSeconds?: number;
  /** Clock in milliseconds; `Date.now` by default. */
  readonly now?: () => number;
  /** When the limit starts counting, on `now`'s clock (e.g. when the process started); default: now. */
  readonly startedAt?: number;
}

export function runClock(options: ClockOptions, specLimitSeconds: number): RunClock {
  const now = options.now ?? (() => Date.now());
  const start = now();
  const limitSeconds = options.timeLimitSeconds ?? specLimitSeconds;
  // An infinite limit stays infinite; a finite one is counted from when the caller says.
  const deadline = (options.startedAt ?? start) + Math.min(limitSeconds, 1e9) * 1000;
  const cancelled = (): boolean => options.signal?.aborted ?? false;
  const passed = (ms: number): StopSignal => ({ get aborted(): boolean { return cancelled() || now() > ms; } });
  const wallDeadline = options.now === undefined && Number.isFinite(limitSeconds) ? { deadline } : {};
  const grace = JOIN_GRACE_SECONDS * 1000;
  const join = (): StopSignal => passed(Math.max(deadline, now()) + grace);
  return { now, start, limitSeconds, cancelled, search: passed(deadline), drain: passed(deadline + grace), join, ...wallDeadline };
}

/** The warning of a run whose search the time limit cut short. */
export function timeLimitWarning(limitSeconds: number): string {
  return `stopped at the time limit (${limitSeconds} s); results may not be optimal`;
}

const TIME_LIMIT_HINT = 'Raise mapper.time_limit (or --time-limit), or shrink the search: fewer may_keep choices, loop_bounds, max_fused_loops, or --unfused.';

/** The error of a run stopped by its caller, or by its time limit before any complete mapping (`what` says where). */
export function stoppedError(cancelled: boolean, limitSeconds?: number, what = 'before finishing'): SpecError {
  if (cancelled) return specError('mapper', 'mapping was cancelled');
  const limit = limitSeconds === undefined ? 'its time limit' : `its time limit of ${limitSeconds} s`;
  return specError('mapper', `the mapper hit ${limit} ${what}`, { path: ['mapper', 'time_limit'], hint: TIME_LIMIT_HINT });
}

/** Throws a clear error for a rank variable too large for the mapper's 32-bit tile tables. */
export function checkRankSizes(einsums: readonly { readonly name: string; readonly index: number; readonly bounds: Readonly<Record<string, number>> }[]): void {
  for (const einsum of einsums) {
    for (const [variable, size] of Object.entries(einsum.bounds)) {
      if (size <= MAX_MAPPER_RANK_SIZE) continue;
      throw new SpecErrorException(
        specError('mapper', `rank variable \`${variable}\` of Einsum ${einsum.name} has ${size} values (${powerOfTwo(size)}); the mapper holds tile shapes as 32-bit integers, so a rank variable may have at most ${MAX_MAPPER_RANK_SIZE} (2^31 - 1)`, {
          path: ['workload', 'einsums', einsum.index],
          hint: `Split \`${variable}\` into two rank variables (an outer and an inner one, each at most 2^31 - 1), or map a smaller instance; \`evaluate\` takes ranks this large with a given mapping.`,
        }),
      );
    }
  }
}

/**
 * Throws a clear error when a template's min_usage levels cannot be ranked exactly: usageKey packs
 * them into one number, which must stay below 2^53.
 */
export function checkUsageLevels(jobs: readonly TemplateJob[]): void {
  for (const job of jobs) {
    const levels = job.minUsage.reduce((product, check) => product * (usageCap(check) + 1), 1);
    if (levels <= 2 ** 53) continue;
    throw new SpecErrorException(
      specError('mapper', `Einsum ${job.einsum} on ${job.compute} has ${job.minUsage.length} min_usage targets with about ${levels.toPrecision(3)} combined usage levels, more than the 2^53 the mapper ranks exactly`, {
        path: ['arch'],
        hint: 'Put min_usage on fewer spatial dimensions, or lower it on the largest fanouts.',
      }),
    );
  }
}

/** `2^40` for exact powers of two, else `about 2^40.3`. */
function powerOfTwo(n: number): string {
  const exponent = Math.log2(n);
  return Number.isInteger(exponent) ? `2^${exponent}` : `about 2^${exponent.toFixed(1)}`;
}
