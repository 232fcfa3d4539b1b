/**
 * Sharding a sweep over several machines: which share of the points one run maps, chosen by a
 * `K/N` flag or by the job array's environment (Slurm, Kubernetes Indexed Jobs).
 *
 * Shard K of N (1-based K) maps the points whose grid index i has i mod N = K − 1: round-robin
 * rather than contiguous blocks, so a knob whose cost grows along its values (buffer sizes on a
 * log scale) spreads over every shard instead of loading the last one.
 */
import { specError, type SpecError } from '../base/errors.js';
import { err, ok, type Result } from '../base/result.js';

export interface ShardChoice {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
  /** Where the choice came from, for messages: `--shard 2/3`, `SLURM_ARRAY_TASK_ID=1 ...`. */
  readonly source: string;
}

/** The environment variables read, by name (a subset of process.env). */
export type ShardEnvironment = Readonly<Record<string, string | undefined>>;

/** The largest shard count accepted: more shards than sweep points is allowed, this is a typo guard. */
export const MAX_SHARDS = 100_000;

const HINT = 'Give --shard K/N with 1 <= K <= N, e.g. --shard 2/3 for the second of three shards.';

function shardError(message: string, hint = HINT): SpecError {
  return specError('schema', message, { hint });
}

function wholeNumber(text: string | undefined): number | null {
  return text !== undefined && /^\s*\d+\s*$/.test(text) ? Number(text) : null;
}

function checked(index: number, count: number, source: string): Result<ShardChoice> {
  if (count < 1 || count > MAX_SHARDS) return err(shardError(`${source}: the shard count must be between 1 and ${MAX_SHARDS.toLocaleString('en-US')}, got ${count}`));
  if (index < 1 || index > count) return err(shardError(`${source}: shard ${index} of ${count} does not exist (shards are numbered 1 to ${count})`));
  return ok({ index, count, source });
}

/** `--shard K/N`. */
export function parseShardFlag(text: string): Result<ShardChoice> {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return err(shardError(`--shard expects K/N (shard K of N, both whole numbers), got '${text}'`));
  return checked(Number(match[1]), Number(match[2]), `--shard ${text.trim()}`);
}

/**
 * A Slurm array task: K = (SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN) / SLURM_ARRAY_TASK_STEP + 1,
 * N = SLURM_ARRAY_TASK_COUNT (MIN defaults to 0, STEP to 1). Null outside an array job.
 */
function slurmShard(env: ShardEnvironment): Result<ShardChoice | null> {
  const id = env.SLURM_ARRAY_TASK_ID;
  if (id === undefined) return ok(null);
  const names = ['SLURM_ARRAY_TASK_ID', 'SLURM_ARRAY_TASK_COUNT', 'SLURM_ARRAY_TASK_MIN', 'SLURM_ARRAY_TASK_STEP'];
  const source = names.filter((n) => env[n] !== undefined).map((n) => `${n}=${env[n]}`).join(' ');
  const [task, count, min, step] = [wholeNumber(id), wholeNumber(env.SLURM_ARRAY_TASK_COUNT), wholeNumber(env.SLURM_ARRAY_TASK_MIN ?? '0'), wholeNumber(env.SLURM_ARRAY_TASK_STEP ?? '1')];
  if (task === null || count === null || min === null || step === null || step === 0) {
    return err(shardError(`${source}: the Slurm array variables must be whole numbers (and SLURM_ARRAY_TASK_COUNT set)`, 'Submit with sbatch --array=0-N (see docs/sweeps.md), or give --shard K/N.'));
  }
  if ((task - min) % step !== 0) return err(shardError(`${source}: the task id is not on the array's step`, 'Give --shard K/N explicitly.'));
  return checked((task - min) / step + 1, count, source);
}

/** A Kubernetes Indexed Job: K = JOB_COMPLETION_INDEX + 1; N from `--shard-count` or ACCELFORGE_SHARD_COUNT. */
function kubernetesShard(env: ShardEnvironment, countFlag: string | undefined): Result<ShardChoice | null> {
  const indexText = env.JOB_COMPLETION_INDEX;
  if (indexText === undefined) return ok(null);
  const countText = countFlag ?? env.ACCELFORGE_SHARD_COUNT;
  const source = `JOB_COMPLETION_INDEX=${indexText} with ${countFlag !== undefined ? `--shard-count ${countFlag}` : `ACCELFORGE_SHARD_COUNT=${countText ?? '(unset)'}`}`;
  const [index, count] = [wholeNumber(indexText), wholeNumber(countText)];
  if (index === null) return err(shardError(`${source}: JOB_COMPLETION_INDEX must be a whole number`));
  if (count === null) {
    return err(shardError(`${source}: the shard count is unknown`, "Set ACCELFORGE_SHARD_COUNT (or pass --shard-count) to the Job's completions."));
  }
  return checked(index + 1, count, source);
}

/**
 * The shard this run maps: the explicit flag wins, then a Slurm array task, then a Kubernetes
 * Indexed Job; null (every point) when none applies. `--shard 1/1` maps every point inside an array job.
 */
export function resolveShard(flag: string | undefined, countFlag: string | undefined, env: ShardEnvironment): Result<ShardChoice | null> {
  if (flag !== undefined) return parseShardFlag(flag);
  const slurm = slurmShard(env);
  if (!slurm.ok || slurm.value) return slurm;
  return kubernetesShard(env, countFlag);
}

/** True when grid point `pointIndex` (0-based) belongs to the shard. */
export function inShard(pointIndex: number, shard: Pick<ShardChoice, 'index' | 'count'>): boolean {
  return pointIndex % shard.count === shard.index - 1;
}

/** The grid indices of a sweep of `total` points that the shard maps, ascending. */
export function shardPointIndices(total: number, shard: Pick<ShardChoice, 'index' | 'count'>): number[] {
  const indices: number[] = [];
  for (let i = shard.index - 1; i < total; i += shard.count) indices.push(i);
  return indices;
}
