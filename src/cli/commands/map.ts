import type { MapperMetric, MapResult } from '../../engine/mapper/index.js';
import { parseCommand, parseSetValues, stringList, UsageError } from '../args.js';
import { defaultWorkerCount, mapOnNodePool } from '../mapper-pool.js';
import { printErrors } from '../format.js';
import { formatEvaluation } from '../format-results.js';
import type { Command } from './command.js';

const METRICS: readonly MapperMetric[] = ['energy', 'latency', 'edp'];

function parseMetric(value: unknown): MapperMetric | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (METRICS as readonly string[]).includes(value)) return value as MapperMetric;
  throw new UsageError(`--metric must be one of ${METRICS.join(', ')}, got '${String(value)}'`);
}

function parseCount(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} expects a non-negative integer, got '${String(value)}'`);
  return n;
}

function cliJson(mapped: MapResult) {
  return {
    ...mapped.result.toCliJson(),
    n_mappings: mapped.pareto.length,
    pareto: mapped.pareto,
    mapping: mapped.mappingYaml,
    stats: mapped.stats,
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

export const mapCommand: Command = {
  summary: 'search for the best mapping of the spec (FFM mapper) and evaluate it',
  usage:
    'usage: npm run cli -- map <spec files> [--set KEY=VALUE ...] [--metric energy|latency|edp] [--max-fused-loops N] [--unfused] [--workers N (default: CPUs; 1 = in-process)] [--json]',
  async run(args) {
    const { positionals, values } = parseCommand(args, {
      set: { type: 'string', multiple: true },
      metric: { type: 'string' },
      'max-fused-loops': { type: 'string' },
      unfused: { type: 'boolean', default: false },
      workers: { type: 'string' },
      json: { type: 'boolean', default: false },
    });
    if (positionals.length === 0) throw new UsageError(`no spec files given\n${this.usage}`);
    const metric = parseMetric(values.metric);
    const maxFusedLoops = parseCount(values['max-fused-loops'], '--max-fused-loops');
    const workers = Math.max(1, parseCount(values.workers, '--workers') ?? defaultWorkerCount());
    const cancel = new AbortController();
    const onInterrupt = (): void => cancel.abort();
    process.once('SIGINT', onInterrupt);
    const result = await mapOnNodePool(
      { specFiles: positionals, variables: parseSetValues(stringList(values.set)) },
      { ...(metric ? { metric } : {}), ...(maxFusedLoops !== undefined ? { maxFusedLoops } : {}), unfused: values.unfused === true, signal: cancel.signal },
      workers,
      { onWorkerCrash: (message) => process.stderr.write(`warning: ${message}; retrying its job on another worker\n`) },
    ).finally(() => process.off('SIGINT', onInterrupt));
    if (!result.ok) {
      printErrors(result.errors);
      return 1;
    }
    process.stdout.write(values.json ? `${JSON.stringify(cliJson(result.value))}\n` : formatMapped(result.value));
    return 0;
  },
};
