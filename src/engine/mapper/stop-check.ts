/**
 * How long-running mapper loops stop: a cancel or the time limit. Reading a clock costs far more
 * than one step of a hot loop, so loops count their steps and read the signal once per stride.
 */

/** Any AbortSignal-like object; the mapper's own one also turns true at the time limit. */
export interface StopSignal {
  readonly aborted: boolean;
  /**
   * Job executors only: the time limit has passed, so start no new job, but let running ones
   * hand back what they found (they stop at `TemplateJob.deadline`) until `aborted`.
   */
  readonly draining?: boolean;
}

/** A signal that turns true once `Date.now()` passes `deadline` (how workers see the time limit). */
export function deadlineSignal(deadline: number): StopSignal {
  return { get aborted(): boolean { return Date.now() > deadline; } };
}

/** Thrown when the caller's signal (cancel or time limit) stops the search. */
export class MappingStopped extends Error {
  constructor() {
    super('mapping stopped');
    this.name = 'MappingStopped';
  }
}

/** Steps between two reads of the signal: a step is at most a few microseconds of work. */
const STRIDE = 1024;

/** A step counter for hot loops: `tick()` once per step; it throws MappingStopped once stopped. */
export class StopCheck {
  private countdown = STRIDE;

  constructor(private readonly signal: StopSignal | undefined) {}

  /** One step of work; reads the signal every STRIDE steps. */
  readonly tick = (): void => {
    if (--this.countdown > 0) return;
    this.countdown = STRIDE;
    if (this.signal?.aborted) throw new MappingStopped();
  };
}

/** No signal: the check never stops anything. */
export const NEVER_STOP = new StopCheck(undefined);
