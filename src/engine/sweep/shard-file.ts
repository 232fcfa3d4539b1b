/**
 * A shard's result file and the merge of several into the result of one whole run. The file is
 * plain JSON as the CLI's one JSON writer prints it (infinite numbers as "Infinity"), and it is
 * read back as untrusted input: every field is checked, and a merge refuses shards of different
 * sweeps, missing points and duplicated points with an error that names the files.
 */
import { z } from 'zod';
import { specError, type SpecError } from '../base/errors.js';
import { err, ok, type Result } from '../base/result.js';
import type { SweepKnob } from './knobs.js';
import type { PointMetrics } from './metrics.js';
import type { SweepPointResult } from './point.js';
import { inShard, MAX_SHARDS, type ShardChoice } from './shard.js';
import type { SweepResult } from './sweep.js';
import { MAX_SWEEP_POINTS } from './values.js';

export const SHARD_FORMAT = 'accelforge-web sweep shard';
export const SHARD_FORMAT_VERSION = 1;

/** What makes two shards parts of the same sweep. */
export interface SweepIdentity {
  /** Hash of the spec files' text, the `--set` variables and the mapper settings (the CLI computes it). */
  readonly specHash: string;
  readonly knobs: readonly SweepKnob[];
  readonly totalPoints: number;
}

export interface SweepShardFile {
  readonly format: typeof SHARD_FORMAT;
  readonly version: typeof SHARD_FORMAT_VERSION;
  readonly sweep: SweepIdentity;
  readonly shard: ShardChoice;
  readonly cancelled: boolean;
  /** This shard's points, ascending by grid index. */
  readonly points: readonly SweepPointResult[];
}

export function makeShardFile(result: SweepResult, identity: SweepIdentity, shard: ShardChoice): SweepShardFile {
  return { format: SHARD_FORMAT, version: SHARD_FORMAT_VERSION, sweep: identity, shard, cancelled: result.cancelled, points: result.points };
}

/** A number as the JSON writer prints it: infinities are the strings "Infinity" / "-Infinity". */
const figure = z.union([z.number(), z.literal('Infinity').transform(() => Infinity), z.literal('-Infinity').transform(() => -Infinity)]);
const knobValue = z.union([z.number(), z.string(), z.boolean()]);

const metricsSchema = z.strictObject({
  energy: figure, latency: figure, edp: figure, computeOps: figure, energyPerCompute: figure, area: figure, leakPower: figure,
  energyByComponent: z.record(z.string(), figure),
  offChipMemory: z.string().nullable(),
  offChipAccesses: figure,
});

const errorSchema = z.object({
  kind: z.string(), message: z.string(), path: z.array(z.union([z.string(), z.number()])),
  pos: z.object({ file: z.string(), line: z.number(), col: z.number() }).optional(),
  hint: z.string().optional(),
});

const pointSchema = z.strictObject({
  index: z.number().int().min(0),
  knobs: z.record(z.string(), knobValue),
  ok: z.boolean(),
  errors: z.array(errorSchema),
  metrics: metricsSchema.nullable(),
  mappingYaml: z.string().nullable(),
  seconds: z.number().min(0),
});

const fileSchema = z.strictObject({
  format: z.literal(SHARD_FORMAT),
  version: z.literal(SHARD_FORMAT_VERSION),
  sweep: z.strictObject({
    specHash: z.string(),
    knobs: z.array(z.strictObject({ key: z.string(), kind: z.enum(['variable', 'field']), values: z.array(knobValue) })).min(1).max(2),
    totalPoints: z.number().int().min(1).max(MAX_SWEEP_POINTS),
  }),
  shard: z.strictObject({ index: z.number().int().min(1), count: z.number().int().min(1).max(MAX_SHARDS), source: z.string() }),
  cancelled: z.boolean(),
  points: z.array(pointSchema),
});

function fileError(name: string, message: string, hint: string): SpecError {
  return specError('io', `${name}: ${message}`, { hint });
}

/** Checks a parsed shard file (plain JSON data). */
export function readShardFile(name: string, data: unknown): Result<SweepShardFile> {
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return err(fileError(name, `is not a sweep shard file${where}: ${issue.message}`, 'Give the files that `sweep --shard K/N --out FILE` wrote.'));
  }
  const file = parsed.data as SweepShardFile;
  const damaged = 'The file was edited or damaged; run that shard again.';
  if (file.shard.index > file.shard.count) return err(fileError(name, `claims shard ${file.shard.index} of ${file.shard.count}`, damaged));
  const gridSize = file.sweep.knobs.reduce((n, k) => n * k.values.length, 1);
  if (gridSize !== file.sweep.totalPoints) return err(fileError(name, `says the sweep has ${file.sweep.totalPoints} points, but its --vary lists make ${gridSize}`, damaged));
  const wrong = file.points.find((p) => p.index < gridSize && JSON.stringify(p.knobs) !== JSON.stringify(gridKnobs(file.sweep.knobs, p.index)));
  if (wrong) return err(fileError(name, `point ${wrong.index} has knob values ${JSON.stringify(wrong.knobs)}, but the sweep's point ${wrong.index} is ${JSON.stringify(gridKnobs(file.sweep.knobs, wrong.index))}`, damaged));
  return ok({ ...file, points: file.points.map((p) => ({ ...p, metrics: p.metrics as PointMetrics | null })) });
}

/** The knob values of grid point `index` (first knob outermost, as expandSweep orders them). */
function gridKnobs(knobs: readonly SweepKnob[], index: number): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  let rest = index;
  for (let k = knobs.length - 1; k >= 0; k--) {
    const knob = knobs[k]!;
    values[knob.key] = knob.values[rest % knob.values.length];
    rest = Math.floor(rest / knob.values.length);
  }
  return Object.fromEntries(knobs.map((k) => [k.key, values[k.key]]));
}

export interface NamedShard {
  readonly name: string;
  readonly file: SweepShardFile;
}

function sameSweep(first: NamedShard, other: NamedShard): SpecError | null {
  const hint = 'Merge only the shards of one sweep: the same spec files, --set values, mapper flags and --vary lists.';
  if (other.file.sweep.specHash !== first.file.sweep.specHash) {
    return fileError(other.name, `comes from a different sweep than ${first.name}: the spec files, --set values or mapper settings differ (spec hash ${other.file.sweep.specHash.slice(0, 12)} vs ${first.file.sweep.specHash.slice(0, 12)})`, hint);
  }
  const knobs = (s: NamedShard): string => s.file.sweep.knobs.map((k) => `--vary ${k.key}=${k.values.map(String).join(',')}`).join(' ');
  if (JSON.stringify(other.file.sweep.knobs) !== JSON.stringify(first.file.sweep.knobs)) {
    return fileError(other.name, `comes from a different sweep than ${first.name}: the --vary lists differ (${knobs(other)} vs ${knobs(first)})`, hint);
  }
  return null;
}

/** Where each grid point came from; errors for points that two files hold or that lie outside the grid. */
function collectPoints(shards: readonly NamedShard[], total: number): Result<Map<number, SweepPointResult>> {
  const byShard = new Map<string, string>();
  for (const { name, file } of shards) {
    const shard = `${file.shard.index}/${file.shard.count}`;
    const earlier = byShard.get(shard);
    if (earlier !== undefined) return err(fileError(name, `is shard ${shard}, and so is ${earlier}`, 'Give each shard file once.'));
    byShard.set(shard, name);
  }
  const found = new Map<number, { point: SweepPointResult; name: string }>();
  for (const { name, file } of shards) {
    for (const point of file.points) {
      if (point.index >= total) return err(fileError(name, `holds point ${point.index}, but the sweep has ${total} points (0 to ${total - 1})`, 'The file was edited or damaged; run that shard again.'));
      const earlier = found.get(point.index);
      if (earlier) {
        return err(fileError(name, `point ${point.index} is also in ${earlier.name}`, 'Give each shard once; shards of different --shard counts overlap, so merge the shards of one count.'));
      }
      found.set(point.index, { point, name });
    }
  }
  return ok(new Map([...found].map(([i, f]) => [i, f.point])));
}

/** The shards (K/N) that would have mapped the missing points, for the hint. */
function missingHint(shards: readonly NamedShard[], missing: readonly number[]): string {
  const counts = new Set(shards.map((s) => s.file.shard.count));
  const cancelled = shards.filter((s) => s.file.cancelled).map((s) => s.name);
  const stopped = cancelled.length > 0 ? ` (${cancelled.join(', ')} stopped early)` : '';
  if (counts.size !== 1) return `Run the missing points again${stopped}.`;
  const count = [...counts][0]!;
  const needed = [...new Set(missing.map((i) => (i % count) + 1))].sort((a, b) => a - b);
  return `Run ${needed.map((k) => `--shard ${k}/${count}`).join(', ')} and merge again${stopped}.`;
}

/** Joins shard files into the result a single run of the whole sweep gives (points in grid order). */
export function mergeShards(shards: readonly NamedShard[]): Result<SweepResult> {
  const first = shards[0];
  if (!first) return err(specError('io', 'no shard files given', { hint: 'Give every shard file of the sweep: sweep-merge shard-*-of-N.json' }));
  for (const other of shards.slice(1)) {
    const mismatch = sameSweep(first, other);
    if (mismatch) return err(mismatch);
  }
  for (const { name, file } of shards) {
    const stray = file.points.find((p) => !inShard(p.index, file.shard));
    if (stray) return err(fileError(name, `holds point ${stray.index}, which is not in shard ${file.shard.index}/${file.shard.count}`, 'The file was edited or damaged; run that shard again.'));
  }
  const total = first.file.sweep.totalPoints;
  const collected = collectPoints(shards, total);
  if (!collected.ok) return collected;
  const missing = Array.from({ length: total }, (_, i) => i).filter((i) => !collected.value.has(i));
  if (missing.length > 0) {
    const listed = missing.slice(0, 10).join(', ') + (missing.length > 10 ? `, ... (${missing.length} in all)` : '');
    return err(specError('io', `the shards do not cover the sweep: point${missing.length > 1 ? 's' : ''} ${listed} of 0 to ${total - 1} ${missing.length > 1 ? 'are' : 'is'} missing`, { hint: missingHint(shards, missing) }));
  }
  const points = Array.from({ length: total }, (_, i) => collected.value.get(i)!);
  return ok({ knobs: first.file.sweep.knobs, points, cancelled: false });
}
