import { describe, expect, it } from 'vitest';
import { NodeFileSystem } from '../../../src/cli/node-file-system.js';
import {
  makeKnob, makeShardFile, mergeShards, readShardFile, resolveShard, runSweep, runSweepPoint, shardPointIndices, sweepToCsv,
  type NamedShard, type ShardChoice, type SweepIdentity, type SweepResult, type SweepSpec,
} from '../../../src/engine/sweep/index.js';

const EXAMPLES = new URL('../../../src/examples/', import.meta.url).pathname;
const fs = new NodeFileSystem();

/** Seven points of a tiny matmul on simple.yaml (a fraction of a second each). */
const SWEEP: SweepSpec = {
  specFiles: [EXAMPLES + 'arches/simple.yaml', EXAMPLES + 'workloads/basic/matmuls.yaml'],
  variables: { N_EINSUMS: 1, M: 8, KN: 8, MainMemoryEnergy: 2 },
  knobs: [makeKnob('GlobalBufferSize', [128, 256, 512, 1024, 2048, 4096, 8192])],
  settings: { metric: 'energy' },
};
const IDENTITY: SweepIdentity = { specHash: 'h1', knobs: SWEEP.knobs, totalPoints: 7 };

/** A clock that never moves: per-point seconds are 0 in every run, so CSVs can be compared byte for byte. */
const frozen = { runPoint: (p: Parameters<typeof runSweepPoint>[1]) => Promise.resolve(runSweepPoint(fs, p, undefined, () => 0)) };

function shardOf(index: number, count: number): ShardChoice {
  return { index, count, source: `--shard ${index}/${count}` };
}

/** A shard file as `sweep` writes it and `sweep-merge` reads it back (through JSON, infinities as strings). */
async function shardFile(index: number, count: number, identity = IDENTITY): Promise<NamedShard> {
  const result = await runSweep(fs, { ...SWEEP, shard: { index, count } }, frozen);
  const text = JSON.stringify(makeShardFile(result, identity, shardOf(index, count)), (_k, v: unknown) => (v === Infinity ? 'Infinity' : v));
  const read = readShardFile(`shard-${index}-of-${count}.json`, JSON.parse(text));
  if (!read.ok) throw new Error(read.errors[0]!.message);
  return { name: `shard-${index}-of-${count}.json`, file: read.value };
}

describe('which points a shard maps', () => {
  it('deals grid points round-robin: shard K of N maps the indices i with i mod N = K - 1', () => {
    expect(shardPointIndices(7, { index: 1, count: 3 })).toEqual([0, 3, 6]);
    expect(shardPointIndices(7, { index: 2, count: 3 })).toEqual([1, 4]);
    expect(shardPointIndices(7, { index: 3, count: 3 })).toEqual([2, 5]);
    expect(shardPointIndices(2, { index: 4, count: 5 })).toEqual([]);
  });

  it('takes --shard K/N before any job array variable and says where the choice came from', () => {
    const env = { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '4', JOB_COMPLETION_INDEX: '1' };
    expect(resolveShard(' 2/3 ', undefined, env)).toEqual({ ok: true, value: { index: 2, count: 3, source: '--shard 2/3' } });
    expect(resolveShard(undefined, undefined, {})).toEqual({ ok: true, value: null });
  });

  it('reads a Slurm array task, offset by SLURM_ARRAY_TASK_MIN and divided by the step', () => {
    const slurm = (env: Record<string, string>) => {
      const r = resolveShard(undefined, undefined, env);
      return r.ok ? r.value && `${r.value.index}/${r.value.count}` : r.errors[0]!.message;
    };
    expect(slurm({ SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '3', SLURM_ARRAY_TASK_MIN: '0' })).toBe('1/3');
    expect(slurm({ SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_COUNT: '3', SLURM_ARRAY_TASK_MIN: '5' })).toBe('3/3');
    expect(slurm({ SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_COUNT: '3', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_STEP: '2' })).toBe('3/3');
    expect(slurm({ SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '4', JOB_COMPLETION_INDEX: '0', ACCELFORGE_SHARD_COUNT: '9' })).toBe('3/4');
    expect(slurm({ SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '3' })).toMatch(/SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_COUNT=3: shard 4 of 3 does not exist/);
    expect(slurm({ SLURM_ARRAY_TASK_ID: 'x' })).toMatch(/must be whole numbers/);
  });

  it('reads a Kubernetes Indexed Job with its count from --shard-count or ACCELFORGE_SHARD_COUNT', () => {
    const k8s = (count: string | undefined, env: Record<string, string>) => {
      const r = resolveShard(undefined, count, env);
      return r.ok ? r.value && `${r.value.index}/${r.value.count} from ${r.value.source}` : `${r.errors[0]!.message} | ${r.errors[0]!.hint}`;
    };
    expect(k8s('4', { JOB_COMPLETION_INDEX: '3' })).toBe('4/4 from JOB_COMPLETION_INDEX=3 with --shard-count 4');
    expect(k8s(undefined, { JOB_COMPLETION_INDEX: '0', ACCELFORGE_SHARD_COUNT: '2' })).toBe('1/2 from JOB_COMPLETION_INDEX=0 with ACCELFORGE_SHARD_COUNT=2');
    expect(k8s(undefined, { JOB_COMPLETION_INDEX: '0' })).toMatch(/the shard count is unknown \| Set ACCELFORGE_SHARD_COUNT/);
  });

  it('refuses malformed or impossible --shard values with a hint', () => {
    for (const [text, message] of [['3', /expects K\/N/], ['0/3', /shard 0 of 3 does not exist/], ['4/3', /shard 4 of 3 does not exist/], ['1/0', /count must be between 1 and 100,000/], ['-1/3', /expects K\/N/]] as const) {
      const r = resolveShard(text, undefined, {});
      expect(r.ok ? 'accepted' : r.errors[0]!.message).toMatch(message);
      expect(r.ok ? '' : r.errors[0]!.hint).toMatch(/--shard K\/N/);
    }
  });
});

describe('3 shards merged equal one run', () => {
  const whole = runSweep(fs, SWEEP, frozen);
  const shards = Promise.all([3, 1, 2].map((k) => shardFile(k, 3)));

  it('gives the byte-identical CSV and the same points, in grid order, whatever order the files come in', async () => {
    const merged = mergeShards(await shards);
    if (!merged.ok) throw new Error(merged.errors[0]!.message);
    const single: SweepResult = await whole;
    expect(merged.value.points.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(sweepToCsv(merged.value)).toBe(sweepToCsv(single));
    expect(merged.value).toEqual(single);
    // Not a trivially equal pair: the points differ (a bigger buffer changes the best energy).
    expect(new Set(single.points.map((p) => p.metrics!.energy)).size).toBeGreaterThan(1);
  });

  it('refuses a missing shard and names the --shard run that would fill the gap', async () => {
    const [three, one] = await shards;
    const merged = mergeShards([one!, three!]);
    expect(merged.ok ? 'merged' : merged.errors[0]).toMatchObject({ message: 'the shards do not cover the sweep: points 1, 4 of 0 to 6 are missing', hint: 'Run --shard 2/3 and merge again.' });
  });

  it('refuses the same shard given twice, and a shard of another N that overlaps', async () => {
    const [, one] = await shards;
    const twice = mergeShards([one!, one!]);
    expect(twice.ok ? 'merged' : twice.errors[0]!.message).toBe('shard-1-of-3.json: is shard 1/3, and so is shard-1-of-3.json');
    const overlap = mergeShards([one!, await shardFile(1, 2)]);
    expect(overlap.ok ? 'merged' : overlap.errors[0]!.message).toBe('shard-1-of-2.json: point 0 is also in shard-1-of-3.json');
  });

  it('refuses shards of another sweep: a different spec hash or different --vary lists', async () => {
    const [three, one] = await shards;
    const otherSpec = mergeShards([one!, { ...three!, file: { ...three!.file, sweep: { ...IDENTITY, specHash: 'h2' } } }]);
    expect(otherSpec.ok ? 'merged' : otherSpec.errors[0]!.message).toMatch(/^shard-3-of-3.json: comes from a different sweep than shard-1-of-3.json: the spec files, --set values or mapper settings differ/);
    const knobs = [makeKnob('GlobalBufferSize', [128, 256, 512, 1024, 2048, 4096, 16384])];
    const otherVary = mergeShards([one!, { ...three!, file: { ...three!.file, sweep: { ...IDENTITY, knobs } } }]);
    expect(otherVary.ok ? 'merged' : otherVary.errors[0]!.message).toContain('the --vary lists differ (--vary GlobalBufferSize=128,256,512,1024,2048,4096,16384 vs --vary GlobalBufferSize=128,256,512,1024,2048,4096,8192)');
  });

  it('refuses a file that is not a shard file, or whose points are not its shard', async () => {
    const bad = readShardFile('x.json', { format: 'something else' });
    expect(bad.ok ? 'read' : bad.errors[0]!.message).toMatch(/^x.json: is not a sweep shard file at format/);
    const [, one] = await shards;
    const wrong = mergeShards([{ ...one!, file: { ...one!.file, points: [{ ...one!.file.points[0]!, index: 1 }] } }]);
    expect(wrong.ok ? 'merged' : wrong.errors[0]!.message).toBe('shard-1-of-3.json: holds point 1, which is not in shard 1/3');
  });
});

describe('a damaged shard file', () => {
  it('is refused when its point count or a point\'s knob values do not match its --vary lists', async () => {
    const { file } = await shardFile(2, 3);
    const json = JSON.parse(JSON.stringify(file)) as { sweep: { totalPoints: number }; points: { knobs: Record<string, number> }[] };
    const countOff = readShardFile('a.json', { ...json, sweep: { ...json.sweep, totalPoints: 8 } });
    expect(countOff.ok ? 'read' : countOff.errors[0]!.message).toBe('a.json: says the sweep has 8 points, but its --vary lists make 7');
    json.points[1]!.knobs = { GlobalBufferSize: 999 };
    const knobOff = readShardFile('b.json', json);
    expect(knobOff.ok ? 'read' : knobOff.errors[0]!.message).toBe('b.json: point 4 has knob values {"GlobalBufferSize":999}, but the sweep\'s point 4 is {"GlobalBufferSize":2048}');
  });
});
