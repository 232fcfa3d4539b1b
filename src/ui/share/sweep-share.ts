/** The sweep part of a share link: only what differs from the default definition. */
import { DEFAULT_SWEEP, type SweepDefinition } from '../store/sweep-slice.js';
import type { SharePayload } from './schema.js';

type ShareSweep = NonNullable<SharePayload['sweep']>;

const VIEW_KEYS = ['metric', 'perCompute', 'breakdown'] as const;

/** Undefined when the sweep is untouched and closed, so links without sweeps stay as they were. */
export function shareSweep(sweep: SweepDefinition | undefined, shown: boolean | undefined): ShareSweep | undefined {
  const out: ShareSweep = {};
  if (sweep !== undefined) {
    if (sweep.knobs.some((k) => k.key !== '' || k.values !== '')) out.knobs = sweep.knobs.map((k) => ({ key: k.key, values: k.values }));
    for (const key of VIEW_KEYS) if (sweep[key] !== DEFAULT_SWEEP[key]) Object.assign(out, { [key]: sweep[key] });
  }
  if (shown === true) out.open = true;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Store data for a link's sweep (the defaults when the link has none). */
export function sweepFromShare(shared: ShareSweep | undefined): { sweep: SweepDefinition; sweepShown: boolean } {
  return {
    sweep: {
      knobs: shared?.knobs ?? DEFAULT_SWEEP.knobs,
      metric: shared?.metric ?? DEFAULT_SWEEP.metric,
      perCompute: shared?.perCompute ?? DEFAULT_SWEEP.perCompute,
      breakdown: shared?.breakdown ?? DEFAULT_SWEEP.breakdown,
    },
    sweepShown: shared?.open ?? false,
  };
}
