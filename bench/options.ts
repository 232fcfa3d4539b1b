/** `npm run bench -- [--cases A,B] [--no-accelforge] [--timeout S] [--warm-pool] [--workers N] [--list]`. */
import { defaultWorkerCount } from '../src/cli/mapper-pool.js';

export interface BenchOptions {
  /** Substrings; a case runs when its key contains any of them. Empty: every case. */
  readonly cases: readonly string[];
  readonly accelForge: boolean;
  /** Per process (and per AccelForge run of the warm-pool bench). */
  readonly timeoutSeconds: number;
  /** Also run the old "one process against a warm pool" figure (slow: AccelForge runs again). */
  readonly warmPool: boolean;
  readonly workers: number;
  /** Print the case list and exit. */
  readonly list: boolean;
}

const DEFAULT_TIMEOUT_SECONDS = 1200;

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
  };
  // Case keys contain commas (`KN=64,M=64`): only a comma not followed by `NAME=` separates filters.
  const cases = value('--cases')?.split(/,(?![^|,]*=)/).filter((s) => s.length > 0) ?? [];
  const timeoutSeconds = Number(value('--timeout') ?? DEFAULT_TIMEOUT_SECONDS);
  if (!(timeoutSeconds > 0)) throw new Error(`--timeout expects a positive number of seconds, got '${value('--timeout')}'`);
  return {
    cases,
    accelForge: !argv.includes('--no-accelforge'),
    timeoutSeconds,
    warmPool: argv.includes('--warm-pool'),
    workers: Math.max(1, Number(value('--workers') ?? defaultWorkerCount())),
    list: argv.includes('--list'),
  };
}
