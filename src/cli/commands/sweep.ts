import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { SpecErrorException } from '../../engine/base/errors.js';
import type { FileSystem } from '../../engine/io/file-system.js';
import {
  checkSweepSize, makeShardFile, parseKnob, resolveShard, runSweep, sweepToCsv,
  type MapSettings, type ShardChoice, type SweepIdentity, type SweepKnob, type SweepPointResult, type SweepResult,
} from '../../engine/sweep/index.js';
import { stringList, UsageError } from '../args.js';
import { formatCount, printErrors } from '../format.js';
import { formatSI } from '../format-results.js';
import { toJsonText, writeJson } from '../json-output.js';
import { MAPPER_OPTIONS, parseMapperSettings } from '../mapper-flags.js';
import { parseSpecCommand } from '../spec-input.js';
import type { CommandRunner } from './command.js';

function parseKnobs(entries: readonly string[]): SweepKnob[] {
  if (entries.length < 1 || entries.length > 2) throw new UsageError('give one or two --vary KEY=VALUES');
  try {
    const knobs = entries.map(parseKnob);
    checkSweepSize(knobs);
    return knobs;
  } catch (error) {
    if (error instanceof SpecErrorException) throw new UsageError(`${error.specError.message}\n  hint: ${error.specError.hint ?? ''}`);
    throw error;
  }
}

function knobText(value: unknown): string {
  return typeof value === 'number' ? formatCount(value) : String(value);
}

/** Square metres → mm² (an SI prefix on m² would scale the metre, not the area). */
function formatArea(squareMetres: number): string {
  return squareMetres === 0 ? '0 mm²' : `${(squareMetres * 1e6).toPrecision(4)} mm²`;
}

function pointRow(knobs: readonly SweepKnob[], p: SweepPointResult): string[] {
  const m = p.metrics;
  const knobCells = knobs.map((k) => knobText(p.knobs[k.key]));
  if (!m) return [...knobCells, 'failed', '', '', '', '', '', `${p.seconds.toFixed(2)} s`];
  return [
    ...knobCells,
    formatSI(m.energy, 'J'),
    formatSI(m.latency, 's'),
    formatSI(m.edp, 'J·s'),
    formatSI(m.energyPerCompute, 'J/op'),
    formatArea(m.area),
    formatCount(m.offChipAccesses),
    `${p.seconds.toFixed(2)} s`,
  ];
}

export function formatTable(sweep: SweepResult): string {
  const headers = [...sweep.knobs.map((k) => k.key), 'energy', 'latency', 'EDP', 'energy/op', 'area', 'off-chip r+w', 'time'];
  const rows = sweep.points.map((p) => pointRow(sweep.knobs, p));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const out = [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  if (sweep.cancelled) out.push('(cancelled)');
  return `${out.join('\n')}\n`;
}

/** JSON with object keys sorted, so the order of `--set` flags does not change a hash. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * What shards of one sweep share: the spec files' text (not their paths, which differ between
 * machines), the `--set` variables and the mapper settings, hashed; the knobs; the point count.
 * Files the spec includes are not hashed.
 */
function sweepIdentity(fs: FileSystem, specFiles: readonly string[], variables: unknown, settings: MapSettings, knobs: readonly SweepKnob[]): SweepIdentity {
  const texts = specFiles.map((file) => {
    try {
      return fs.readText(file);
    } catch {
      return `(unreadable) ${file}`; // each point reports the read error itself
    }
  });
  const specHash = createHash('sha256').update(canonicalJson({ texts, variables, settings })).digest('hex');
  return { specHash, knobs, totalPoints: knobs.reduce((n, k) => n * k.values.length, 1) };
}

/** `--shard K/N`, else the job array's environment; says on stderr which one chose the shard. */
function chooseShard(values: Record<string, unknown>): ShardChoice | null {
  const text = (name: string): string | undefined => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const shard = resolveShard(text('shard'), text('shard-count'), process.env);
  if (!shard.ok) throw new UsageError(`${shard.errors[0]!.message}\n  hint: ${shard.errors[0]!.hint ?? ''}`);
  return shard.value;
}

export const sweepCommand: CommandRunner = {
  async run(args, usage) {
    const { values, input } = parseSpecCommand(
      args,
      {
        ...MAPPER_OPTIONS, vary: { type: 'string', multiple: true }, csv: { type: 'string' }, json: { type: 'boolean', default: false },
        shard: { type: 'string' }, 'shard-count': { type: 'string' }, out: { type: 'string' },
      },
      usage,
    );
    const knobs = parseKnobs(stringList(values.vary));
    const settings = parseMapperSettings(values);
    const shard = chooseShard(values);
    if (!shard && typeof values.out === 'string') throw new UsageError('--out writes a shard file; give --shard K/N (or run inside a Slurm or Kubernetes job array)');
    const identity = sweepIdentity(input.fs, input.specFiles, input.variables, settings, knobs);
    if (shard) process.stderr.write(`shard ${shard.index}/${shard.count} (from ${shard.source}): grid points i with i mod ${shard.count} = ${shard.index - 1}, of ${identity.totalPoints}\n`);
    const controller = new AbortController();
    process.once('SIGINT', () => controller.abort());
    const result = await runSweep(
      input.fs,
      { specFiles: input.specFiles, variables: input.variables, knobs, settings, ...(shard ? { shard } : {}) },
      {
        signal: controller.signal,
        onPoint: ({ point }, done, total) => process.stderr.write(`point ${done}/${total}: ${point.ok ? 'ok' : 'failed'} in ${point.seconds.toFixed(2)} s\n`),
      },
    );
    if (shard) {
      const out = typeof values.out === 'string' ? values.out : `shard-${shard.index}-of-${shard.count}.json`;
      writeFileSync(out, `${toJsonText(makeShardFile(result, identity, shard))}\n`);
      process.stderr.write(`wrote ${out} (${result.points.length} points); join the shards with: accelforge-web sweep-merge <shard files...> --csv out.csv\n`);
    }
    if (typeof values.csv === 'string') writeFileSync(values.csv, sweepToCsv(result));
    const failed = result.points.filter((p) => !p.ok);
    if (values.json) return Math.max(writeJson(result), failed.length > 0 || result.cancelled ? 1 : 0);
    process.stdout.write(formatTable(result));
    if (failed.length > 0) printErrors(failed[0]!.errors);
    return failed.length > 0 || result.cancelled ? 1 : 0;
  },
};
