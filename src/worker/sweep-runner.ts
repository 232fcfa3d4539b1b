/**
 * The engine side of `runSweep`: expands the knobs, maps the points (several at once when point
 * workers are available) and streams each, with its best mapping evaluated, to the listener.
 */
import { MemoryFileSystem, specError, SpecErrorException, type DesignFiles, type EvaluationData, type MapDesignOptions, type SpecError } from '../engine/index.js';
import { mapSpec } from '../engine/mapper/index.js';
import { evaluationData } from '../engine/pipeline/design.js';
import {
  checkSweepSize,
  expandSweep,
  makeKnob,
  parseSweepValues,
  pointMetrics,
  prepareWithOverrides,
  type MapSettings,
  type SweepKnob,
  type SweepPointResult,
  type SweepPointSpec,
} from '../engine/sweep/index.js';
import type { SweepListener, SweepPointEvent, SweepRequest, SweepSummary } from './sweep-protocol.js';

/** A finished point without its place in the stream. */
export type PointOutcome = Omit<SweepPointEvent, 'kind' | 'done' | 'total'>;

/** Maps points somewhere (this thread or a worker); `size` points may run at once. */
export interface PointRunner {
  readonly size: number;
  run(design: DesignFiles, spec: SweepPointSpec): Promise<PointOutcome>;
  close(): void;
}

export const inThreadRunner: PointRunner = {
  size: 1,
  run: (design, spec) => Promise.resolve(runPointHere(design, spec)),
  close: () => undefined,
};

/** Runs the sweep; never throws: definition problems come back in `errors`, point problems in points. */
export async function runDesignSweep(request: SweepRequest, listener: SweepListener, runner: PointRunner = inThreadRunner): Promise<SweepSummary> {
  const knobs = resolveKnobs(request);
  if (!Array.isArray(knobs)) return { errors: [knobs.error], done: 0, total: 0, stopped: false };
  const points = expandSweep({ specFiles: request.design.specFiles, variables: request.design.variables, knobs, settings: mapSettings(request.settings) });
  const total = points.length;
  const start = { kind: 'start' as const, knobs: knobs.map((k) => ({ key: k.key, kind: k.kind, values: [...k.values] })), total };
  if ((await listener(start)) === false) return { errors: [], done: 0, total, stopped: true };
  let done = 0;
  let stopped = false;
  const queue = [...points];
  // Each lane takes the next point when its last one is reported, so points stream in grid order per lane.
  const lane = async (): Promise<void> => {
    for (let spec = queue.shift(); spec !== undefined && !stopped; spec = queue.shift()) {
      const outcome = await runner.run(request.design, spec);
      if (stopped) return;
      if ((await listener({ kind: 'point', ...outcome, done: ++done, total })) === false) stopped = true;
      // Let the thread breathe between points (messages out, cancels in).
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(runner.size, total)) }, lane));
  } finally {
    runner.close();
  }
  return { errors: [], done, total, stopped };
}

function resolveKnobs(request: SweepRequest): SweepKnob[] | { error: SpecError } {
  if (request.knobs.length < 1 || request.knobs.length > 2) {
    return { error: specError('schema', `a sweep takes one or two knobs, got ${request.knobs.length}`, { hint: 'Pick a variable or a field path for the first knob.' }) };
  }
  try {
    const knobs = request.knobs.map((k) => makeKnob(k.key.trim(), parseSweepValues(k.values)));
    checkSweepSize(knobs);
    return knobs;
  } catch (thrown) {
    if (thrown instanceof SpecErrorException) return { error: thrown.specError };
    throw thrown;
  }
}

function mapSettings(options: MapDesignOptions): MapSettings {
  return {
    ...(options.metric ? { metric: options.metric } : {}),
    ...(options.maxFusedLoops !== undefined ? { maxFusedLoops: options.maxFusedLoops } : {}),
    ...(options.unfused ? { unfused: true } : {}),
    ...(options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
  };
}

/** Maps one point on this thread; an exception becomes the point's error so one bad point never ends the sweep. */
export function runPointHere(design: DesignFiles, spec: SweepPointSpec): PointOutcome {
  const start = Date.now();
  const fields = Object.fromEntries(spec.fields.map((f) => [f.path, f.value]));
  const outcome = (point: Omit<SweepPointResult, 'index' | 'knobs' | 'seconds'>, evaluation: EvaluationData | null): PointOutcome => ({
    point: { index: spec.index, knobs: spec.knobs, seconds: (Date.now() - start) / 1000, ...point },
    variables: spec.variables,
    fields,
    evaluation,
  });
  const failed = (errors: readonly SpecError[]) => outcome({ ok: false, errors, metrics: null, mappingYaml: null }, null);
  try {
    const fs = new MemoryFileSystem({ ...design.files });
    const prepared = prepareWithOverrides({ fs, specFiles: spec.specFiles, variables: spec.variables }, spec.fields);
    if (!prepared.ok) return failed(prepared.errors);
    const mapped = mapSpec(prepared.value.input, spec.settings);
    if (!mapped.ok) return failed(mapped.errors);
    const { result, mapping, mappingYaml, prepared: used } = mapped.value;
    return outcome({ ok: true, errors: [], metrics: pointMetrics(result, used.evaluated), mappingYaml }, evaluationData(result, mapping));
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return failed([specError('model', `internal engine error: ${message}`, { hint: 'This is a bug in AccelForge Web; please report it with a share link.' })]);
  }
}
