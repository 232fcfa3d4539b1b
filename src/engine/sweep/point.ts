/**
 * One sweep point: plain data in, plain data out, independent of every other point, so a worker
 * pool can run points anywhere that has the spec's files.
 */
import type { SpecError } from '../base/errors.js';
import type { FileSystem } from '../io/file-system.js';
import { MemoryFileSystem } from '../io/memory-file-system.js';
import { mapSpec, type MapperMetric } from '../mapper/index.js';
import type { ModelResult } from '../model/index.js';
import { prepareWithOverrides, type FieldOverride } from './override.js';
import { pointMetrics, type PointMetrics } from './metrics.js';
import type { SweepValue } from './values.js';

export interface MapSettings {
  readonly metric?: MapperMetric;
  /** A `mapper.metrics` bitmask (`--metrics`); wins over `metric`. */
  readonly metrics?: number;
  readonly unfused?: boolean;
  readonly maxFusedLoops?: number;
  readonly timeLimitSeconds?: number;
  readonly memoryLimitBytes?: number;
}

/** Everything one point needs besides the file system; structured-cloneable. */
export interface SweepPointSpec {
  readonly index: number;
  readonly specFiles: readonly string[];
  /** Jinja variables: the base ones with this point's knob values applied. */
  readonly variables: Readonly<Record<string, unknown>>;
  readonly fields: readonly FieldOverride[];
  /** The knob values of this point, by knob key, for tables and CSV. */
  readonly knobs: Readonly<Record<string, SweepValue>>;
  readonly settings: MapSettings;
}

export interface SweepPointResult {
  readonly index: number;
  readonly knobs: Readonly<Record<string, SweepValue>>;
  readonly ok: boolean;
  readonly errors: readonly SpecError[];
  readonly metrics: PointMetrics | null;
  readonly mappingYaml: string | null;
  readonly seconds: number;
}

/** The full model result next to the plain point result, for in-process callers (roofline, breakdowns). */
export interface SweepPointRun {
  readonly point: SweepPointResult;
  readonly model: ModelResult | null;
}

/** Maps one point; never throws. */
export function runSweepPoint(
  fs: FileSystem,
  spec: SweepPointSpec,
  signal?: { readonly aborted: boolean },
  now: () => number = () => Date.now(),
): SweepPointRun {
  const start = now();
  const failed = (errors: readonly SpecError[]): SweepPointRun => ({
    point: { index: spec.index, knobs: spec.knobs, ok: false, errors, metrics: null, mappingYaml: null, seconds: (now() - start) / 1000 },
    model: null,
  });
  const prepared = prepareWithOverrides({ fs, specFiles: spec.specFiles, variables: spec.variables }, spec.fields);
  if (!prepared.ok) return failed(prepared.errors);
  const mapped = mapSpec(prepared.value.input, { ...spec.settings, ...(signal ? { signal } : {}), now });
  if (!mapped.ok) return failed(mapped.errors);
  const { result, mappingYaml, prepared: used } = mapped.value;
  return {
    point: {
      index: spec.index, knobs: spec.knobs, ok: true, errors: [],
      metrics: pointMetrics(result, used.evaluated), mappingYaml, seconds: (now() - start) / 1000,
    },
    model: result,
  };
}

/** One point over in-memory files (a worker's input: `DesignFiles.files`); plain data out. */
export function runDesignSweepPoint(
  files: Readonly<Record<string, string>>,
  spec: SweepPointSpec,
  signal?: { readonly aborted: boolean },
): SweepPointResult {
  return runSweepPoint(new MemoryFileSystem({ ...files }), spec, signal).point;
}
