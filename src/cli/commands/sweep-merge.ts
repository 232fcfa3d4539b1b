/** `sweep-merge <shard files...> [--csv out.csv] [--json]`: the shards of a sweep as one run's table, CSV and JSON. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { SpecError } from '../../engine/base/errors.js';
import { mergeShards, readShardFile, sweepToCsv, type NamedShard } from '../../engine/sweep/index.js';
import { parseCommand, UsageError } from '../args.js';
import { printErrors } from '../format.js';
import { writeJson } from '../json-output.js';
import type { CommandRunner } from './command.js';
import { formatTable } from './sweep.js';

/** Far above a 10,000-point shard with its mappings; refuses a huge or endless file before reading it. */
const MAX_SHARD_FILE_BYTES = 256 * 1024 * 1024;

function readShard(path: string): { shard: NamedShard } | { errors: readonly SpecError[] } {
  const fail = (message: string, hint: string) => ({ errors: [{ kind: 'io' as const, message: `${path}: ${message}`, path: [], hint }] });
  const hint = 'Give the files that `sweep --shard K/N` wrote.';
  let text: string;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return fail('is not a regular file', hint);
    if (stat.size > MAX_SHARD_FILE_BYTES) return fail(`is ${stat.size} bytes, too large for a shard file (at most ${MAX_SHARD_FILE_BYTES})`, hint);
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return fail(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, hint);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`is not JSON (${(error as Error).message})`, 'The file is damaged or truncated; run that shard again.');
  }
  const file = readShardFile(path, data);
  return file.ok ? { shard: { name: path, file: file.value } } : { errors: file.errors };
}

export const sweepMergeCommand: CommandRunner = {
  async run(args, usage) {
    const { values, positionals } = parseCommand(args, { csv: { type: 'string' }, json: { type: 'boolean', default: false } });
    if (positionals.length === 0) throw new UsageError(`no shard files given\n${usage}`);
    const shards: NamedShard[] = [];
    for (const path of positionals) {
      const read = readShard(path);
      if ('errors' in read) {
        printErrors(read.errors);
        return 1;
      }
      shards.push(read.shard);
    }
    const merged = mergeShards(shards);
    if (!merged.ok) {
      printErrors(merged.errors);
      return 1;
    }
    const result = merged.value;
    if (typeof values.csv === 'string') writeFileSync(values.csv, sweepToCsv(result));
    const failed = result.points.some((p) => !p.ok) ? 1 : 0;
    if (values.json) return Math.max(writeJson(result), failed);
    process.stdout.write(formatTable(result));
    return failed;
  },
};
