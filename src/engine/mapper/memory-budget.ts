/**
 * `mapper.memory_limit`: the mapper estimates the bytes of the rows it holds (tile choices being
 * searched, template fronts, joined rows) and stops with a clear error before passing the limit,
 * instead of letting the process run out of memory. Estimates count the tables' numbers and a
 * typical per-object overhead; they are meant to be within a small factor of the real heap.
 */
import { specError, type SpecError } from '../base/errors.js';
import type { FrontRow } from './types.js';

/**
 * Used when the spec sets no limit (AccelForge's default is unlimited). It keeps the estimate
 * well under what a default Node or browser heap can hold, so a run ends with an error instead
 * of crashing the process or the tab.
 */
export const DEFAULT_MEMORY_LIMIT_BYTES = 3 * 2 ** 30;

/** Thrown when a run would pass its memory limit; the caller turns it into `memoryLimitError`. */
export class MemoryLimitExceeded extends Error {
  constructor(readonly limitBytes: number, readonly neededBytes: number, readonly what: string) {
    super(`memory limit exceeded by ${what}`);
    this.name = 'MemoryLimitExceeded';
  }
}

/** The limit in force: the caller's, else the spec's, else the default. */
export function effectiveMemoryLimit(optionBytes: number | undefined, specBytes: number): number {
  const limit = optionBytes ?? specBytes;
  return Number.isFinite(limit) ? limit : DEFAULT_MEMORY_LIMIT_BYTES;
}

/** Bytes a run holds for good (template fronts, joined rows) against its limit. */
export class MemoryBudget {
  private retained = 0;

  constructor(readonly limitBytes: number) {}

  /** Adds bytes held until the run ends; throws MemoryLimitExceeded past the limit. */
  retain(bytes: number, what: string): void {
    this.retained += bytes;
    this.check(0, what);
  }

  /** Throws MemoryLimitExceeded when the held bytes plus `workingBytes` pass the limit. */
  check(workingBytes: number, what: string): void {
    const needed = this.retained + workingBytes;
    if (needed > this.limitBytes) throw new MemoryLimitExceeded(this.limitBytes, needed, what);
  }
}

/** Rough bytes of one joined row: the object, its picks, its key, its reservations. */
export function frontRowBytes(row: FrontRow): number {
  const res = row.res ? 64 + 8 * (row.res.spine.length + row.res.side.length) + 96 * row.res.tensors.size : 0;
  return 96 + 48 * row.picks.length + 2 * row.compat.length + res;
}

/** Rough bytes of a template front with `rows` rows of `nLoops` tiles (plus each row's key). */
export function templateFrontBytes(rows: number, nLoops: number, keyLength: number): number {
  return rows * (16 + 4 * nLoops + 32 + 2 * keyLength);
}

export function memoryLimitError({ limitBytes, neededBytes, what }: MemoryLimitExceeded): SpecError {
  return specError('mapper', `the mapper would need more than its memory limit of ${formatBytes(limitBytes)} (about ${formatBytes(neededBytes)} for ${what})`, {
    path: ['mapper', 'memory_limit'],
    hint: 'Raise mapper.memory_limit (bytes) or --memory-limit, or shrink the search: fewer may_keep choices, loop_bounds, max_fused_loops, or --unfused.',
  });
}

function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
  if (bytes >= 2 ** 20) return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  return `${Math.round(bytes)} bytes`;
}
