/** The sweep driver: one or two knobs → a grid of independent points, mapped one by one and streamed. */
import { failWith, specError } from '../base/errors.js';
import type { FileSystem } from '../io/file-system.js';
import type { SweepKnob } from './knobs.js';
import { inShard, type ShardChoice } from './shard.js';
import { runSweepPoint, type MapSettings, type SweepPointResult, type SweepPointRun, type SweepPointSpec } from './point.js';
import { MAX_SWEEP_POINTS, type SweepValue } from './values.js';

export interface SweepSpec {
  readonly specFiles: readonly string[];
  /** Base Jinja variables (`--set`); a variable knob overrides its entry. */
  readonly variables: Readonly<Record<string, unknown>>;
  /** One or two knobs; with two, the first is the outer loop. */
  readonly knobs: readonly SweepKnob[];
  readonly settings: MapSettings;
  /** Map only this shard's points (shard.ts); every point when absent. */
  readonly shard?: Pick<ShardChoice, 'index' | 'count'>;
}

export interface SweepResult {
  readonly knobs: readonly SweepKnob[];
  /** In grid order; a cancelled sweep holds the points that finished. */
  readonly points: readonly SweepPointResult[];
  readonly cancelled: boolean;
}

export interface SweepHooks {
  /** Called as each point finishes (with the full model result when run in-process). */
  readonly onPoint?: (run: SweepPointRun, done: number, total: number) => void;
  readonly signal?: { readonly aborted: boolean };
  /** Runs one point; the default maps it in this thread. A worker pool can supply its own. */
  readonly runPoint?: (point: SweepPointSpec) => Promise<SweepPointRun>;
}

/** Refuses a grid of more than MAX_SWEEP_POINTS points before anything is expanded. */
export function checkSweepSize(knobs: readonly SweepKnob[]): void {
  const points = knobs.reduce((product, knob) => product * knob.values.length, 1);
  if (points <= MAX_SWEEP_POINTS) return;
  failWith('mapper', `the sweep has ${points.toLocaleString('en-US')} points; at most ${MAX_SWEEP_POINTS.toLocaleString('en-US')} are allowed`, {
    hint: 'Use fewer values per knob (each point is a full mapper run), or split the sweep into several runs.',
  });
}

/** The grid of point specs, first knob outermost. */
export function expandSweep(sweep: SweepSpec): SweepPointSpec[] {
  if (sweep.knobs.length < 1 || sweep.knobs.length > 2) throw new RangeError('a sweep has one or two knobs');
  checkSweepSize(sweep.knobs);
  let combos: Record<string, SweepValue>[] = [{}];
  for (const knob of sweep.knobs) combos = combos.flatMap((c) => knob.values.map((v) => ({ ...c, [knob.key]: v })));
  return combos.map((knobs, index) => pointSpec(sweep, knobs, index));
}

function pointSpec(sweep: SweepSpec, knobs: Record<string, SweepValue>, index: number): SweepPointSpec {
  const variables: Record<string, unknown> = { ...sweep.variables };
  const fields: { path: string; value: number }[] = [];
  for (const knob of sweep.knobs) {
    const value = knobs[knob.key]!;
    if (knob.kind === 'variable') variables[knob.key] = value;
    else fields.push({ path: knob.key, value: value as number });
  }
  return { index, specFiles: sweep.specFiles, variables, fields, knobs, settings: sweep.settings };
}

/** Runs every point (of the shard) in order, streaming each to `onPoint`; stops early when the signal aborts. */
export async function runSweep(fs: FileSystem, sweep: SweepSpec, hooks: SweepHooks = {}): Promise<SweepResult> {
  const shard = sweep.shard;
  const points = expandSweep(sweep).filter((p) => !shard || inShard(p.index, shard));
  const run = hooks.runPoint ?? ((p: SweepPointSpec) => Promise.resolve(runSweepPoint(fs, p, hooks.signal)));
  const done: SweepPointResult[] = [];
  for (const point of points) {
    if (hooks.signal?.aborted) return { knobs: sweep.knobs, points: done, cancelled: true };
    const result = await run(point);
    if (hooks.signal?.aborted && isCancellation(result.point)) return { knobs: sweep.knobs, points: done, cancelled: true };
    done.push(result.point);
    hooks.onPoint?.(result, done.length, points.length);
  }
  return { knobs: sweep.knobs, points: done, cancelled: false };
}

const CANCELLED = specError('mapper', 'mapping was cancelled').message;

function isCancellation(point: SweepPointResult): boolean {
  return !point.ok && point.errors.some((e) => e.message === CANCELLED);
}
