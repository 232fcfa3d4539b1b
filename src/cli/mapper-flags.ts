/** The mapper flags `map` and `sweep` share: metric, fusion and the time and memory limits. */
import { METRIC_NAMES, type MapperMetric } from '../engine/mapper/index.js';
import type { MapSettings } from '../engine/sweep/index.js';
import { UsageError, type OptionSpec, type ParsedCommand } from './args.js';

const METRICS: readonly MapperMetric[] = ['energy', 'latency', 'edp'];
const MEBIBYTE = 1024 * 1024;

export const MAPPER_OPTIONS = {
  metric: { type: 'string' },
  metrics: { type: 'string' },
  unfused: { type: 'boolean', default: false },
  'time-limit': { type: 'string' },
  'memory-limit': { type: 'string' },
} as const satisfies OptionSpec;

function parseMetric(value: unknown): MapperMetric | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (METRICS as readonly string[]).includes(value)) return value as MapperMetric;
  throw new UsageError(`--metric must be one of ${METRICS.join(', ')}, got '${String(value)}'`);
}

/** `--metrics energy,latency,resource_usage` as a `mapper.metrics` bitmask. */
function parseMetricSet(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const names = String(value).split(',').map((name) => name.trim().toLowerCase());
  let bits = 0;
  for (const name of names) {
    const bit = METRIC_NAMES[name];
    if (bit === undefined) throw new UsageError(`--metrics takes a comma-separated list of ${Object.keys(METRIC_NAMES).join(', ')}; got '${name}'`);
    bits |= bit;
  }
  return bits;
}

function parsePositive(value: unknown, flag: string, unit: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} expects a positive number of ${unit}, got '${String(value)}'`);
  return n;
}

/** Mapper settings from MAPPER_OPTIONS; `--memory-limit` is in MiB, the mapper's limit in bytes. */
export function parseMapperSettings(values: ParsedCommand['values']): MapSettings {
  const metric = parseMetric(values.metric);
  const metrics = parseMetricSet(values.metrics);
  if (metric && metrics !== undefined) throw new UsageError('use either --metric or --metrics, not both');
  const timeLimitSeconds = parsePositive(values['time-limit'], '--time-limit', 'seconds');
  const memoryMiB = parsePositive(values['memory-limit'], '--memory-limit', 'MB');
  return {
    ...(metric ? { metric } : {}),
    ...(metrics !== undefined ? { metrics } : {}),
    unfused: values.unfused === true,
    ...(timeLimitSeconds !== undefined ? { timeLimitSeconds } : {}),
    ...(memoryMiB !== undefined ? { memoryLimitBytes: memoryMiB * MEBIBYTE } : {}),
  };
}
