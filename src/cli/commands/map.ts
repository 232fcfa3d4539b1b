import type { MapResult } from '../../engine/mapper/index.js';
import { UsageError } from '../args.js';
import { printErrors } from '../format.js';
import { formatEvaluation } from '../format-results.js';
import { writeJson } from '../json-output.js';
import { MAPPER_OPTIONS, parseMapperSettings } from '../mapper-flags.js';
import { defaultWorkerCount, mapOnNodePool } from '../mapper-pool.js';
import { parseSpecCommand } from '../spec-input.js';
import type { CommandRunner } from './command.js';

function parseCount(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} expects a non-negative integer, got '${String(value)}'`);
  return n;
}

/** Each worker is a thread with its own heap; thousands of them exhaust memory before they help. */
export const MAX_WORKERS = 64;

function parseWorkerCount(value: unknown): number | undefined {
  const n = parseCount(value, '--workers');
  if (n !== undefined && n > MAX_WORKERS) throw new UsageError(`--workers is ${n}, but at most ${MAX_WORKERS} worker threads are allowed; use a smaller count (the default is one per core)`);
  return n;
}

function cliJson(mapped: MapResult) {
  return {
    ...mapped.result.toCliJson(),
    n_mappings: mapped.pareto.length,
    pareto: mapped.pareto,
    mapping: mapped.mappingYaml,
    stats: mapped.stats,
    warnings: mapped.warnings,
  };
}

function formatMapped(mapped: MapResult): string {
  const { stats } = mapped;
  const kept = Object.entries(stats.keptPerEinsum).map(([e, n]) => `${e} ${n}`).join(', ');
  return [
    formatEvaluation(mapped.result.toCliJson()).trimEnd(),
    '',
    `mapper: ${stats.templates} templates, ${stats.evaluated} pmappings evaluated, Pareto sizes: ${kept}; ${stats.seconds.toFixed(2)} s`,
    '',
    mapped.mappingYaml.trimEnd(),
    '',
  ].join('\n');
}

export const mapCommand: CommandRunner = {
  async run(args, usage) {
    const { values, input } = parseSpecCommand(
      args,
      { ...MAPPER_OPTIONS, 'max-fused-loops': { type: 'string' }, workers: { type: 'string' }, json: { type: 'boolean', default: false } },
      usage,
    );
    const settings = parseMapperSettings(values);
    const maxFusedLoops = parseCount(values['max-fused-loops'], '--max-fused-loops');
    const workers = Math.max(1, parseWorkerCount(values.workers) ?? defaultWorkerCount());
    const cancel = new AbortController();
    const onInterrupt = (): void => cancel.abort();
    process.once('SIGINT', onInterrupt);
    const result = await mapOnNodePool(
      input,
      // The time limit counts from the process start, so it bounds the whole command.
      { ...settings, ...(maxFusedLoops !== undefined ? { maxFusedLoops } : {}), signal: cancel.signal, startedAt: performance.timeOrigin },
      workers,
      { onWorkerCrash: (message) => process.stderr.write(`warning: ${message}; retrying its job on another worker\n`) },
    ).finally(() => process.off('SIGINT', onInterrupt));
    if (!result.ok) {
      printErrors(result.errors);
      return 1;
    }
    for (const warning of result.value.warnings) process.stderr.write(`warning: ${warning}\n`);
    if (values.json) return writeJson(cliJson(result.value));
    process.stdout.write(formatMapped(result.value));
    return 0;
  },
};
