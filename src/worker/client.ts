/**
 * The UI's only way to reach the engine. One interface over either transport; per channel the
 * newest request wins (older results come back as 'stale'), a crashed worker is restarted and
 * reported, a call past its channel's limit (a hung or silently exited worker) ends and its worker
 * is replaced, and cancel terminates the worker so even a long call stops at once.
 */
import type {
  AssistCompletion,
  AssistQuery,
  CheckResult,
  DesignFiles,
  EngineTransport,
  EvaluateDesignResult,
  MapDesignResult,
  MapRunListener,
  MapRunOptions,
  TimeloopFile,
  TimeloopImport,
  TransportFactory,
} from './protocol.js';
import { createLazyInProcessTransport, createWorkerOrFallback } from './transports.js';
import type { SweepEvent, SweepListener, SweepRequest, SweepSummary } from './sweep-protocol.js';

/**
 * Independent lanes: a long map on 'run' never delays the as-you-type check on 'check'; editor
 * hovers and completions use 'assist', Timeloop imports 'import'; opening a front point's
 * mapping uses 'point'.
 */
export type Channel = 'check' | 'run' | 'assist' | 'import' | 'sweep' | 'point';

/** A cursor for hover or completion; the client adds the design's last check for names. */
export type AssistCursor = Omit<AssistQuery, 'check'>;

export type CallOutcome<T> =
  | { readonly status: 'ok'; readonly value: T; readonly generation: number }
  | { readonly status: 'stale' }
  | { readonly status: 'cancelled' }
  | { readonly status: 'crashed'; readonly message: string }
  | { readonly status: 'failed'; readonly message: string };

export interface EngineClient {
  checkDesign(design: DesignFiles): Promise<CallOutcome<CheckResult>>;
  /** Evaluates the spec's mapping on the 'run' channel (cancel('run') stops it). */
  evaluateDesign(design: DesignFiles): Promise<CallOutcome<EvaluateDesignResult>>;
  /** Runs the mapper on the 'run' channel (cancel('run') stops it); progress goes to `onEvent` until the call settles. */
  mapDesign(design: DesignFiles, options: MapRunOptions, onEvent?: MapRunListener): Promise<CallOutcome<MapDesignResult>>;
  /** Evaluates one mapper front point's mapping on the 'point' channel (the newest request wins). */
  evaluatePoint(design: DesignFiles, mappingYaml: string): Promise<CallOutcome<EvaluateDesignResult>>;
  /** Hover markdown at a cursor. Assist calls never go stale; callers drop answers they no longer want. */
  hover(cursor: AssistCursor): Promise<CallOutcome<string | null>>;
  complete(cursor: AssistCursor): Promise<CallOutcome<AssistCompletion>>;
  convertTimeloop(files: readonly TimeloopFile[]): Promise<CallOutcome<TimeloopImport>>;
  /** Runs a sweep on the 'sweep' channel, events streamed to `onEvent` until cancel('sweep') or a newer sweep. */
  runSweep(request: SweepRequest, onEvent: (event: SweepEvent) => void): Promise<CallOutcome<SweepSummary>>;
  /** Drops the channel's calls in flight (they resolve 'cancelled') and restarts its worker. */
  cancel(channel: Channel): void;
  dispose(): void;
}

export interface ClientHooks {
  /** The engine restarted after a crash or a call past its limit, or fell back to in-process calls. */
  onNotice?(message: string): void;
  /** Overrides CALL_LIMITS_MS per channel (tests use short limits). */
  limitsMs?: Partial<Record<Channel, number | null>>;
  /** Overrides SUPERSEDE_AFTER_MS. */
  supersedeAfterMs?: number;
  /** Overrides MAP_GRACE_MS. */
  mapGraceMs?: number;
}

/**
 * How long one call may take before its worker counts as hung (or silently gone) and is replaced;
 * the call ends as 'crashed'. A check takes milliseconds, so these only catch real hangs. Runs and
 * sweeps have none: they carry the mapper's own time limit and a Cancel button.
 */
export const CALL_LIMITS_MS: Readonly<Record<Channel, number | null>> = {
  check: 30_000,
  assist: 15_000,
  point: 60_000,
  import: 60_000,
  run: null,
  sweep: null,
};

/**
 * On lanes where only the newest answer is used (check, point), a new call replaces the worker when
 * an older call has been running this long: its answer would be dropped anyway, and the new call
 * would otherwise wait behind it.
 */
export const SUPERSEDE_AFTER_MS = 1_500;

/**
 * A map carries its own time limit, which the engine checks inside every long loop; a map whose
 * worker has not answered this long after that limit is hung, and ends like any call past its limit.
 */
export const MAP_GRACE_MS = 60_000;
const SUPERSEDING: ReadonlySet<Channel> = new Set(['check', 'point']);

const CALL_NAMES: Readonly<Record<Channel, string>> = {
  check: 'a spec check',
  assist: 'an editor hint',
  point: 'a Pareto point evaluation',
  import: 'a Timeloop import',
  run: 'a mapper run',
  sweep: 'a sweep',
};

type Settle = (outcome: CallOutcome<never>) => void;

interface Lane {
  transport: EngineTransport | null;
  generation: number;
  /** Calls in flight and when each started. */
  readonly pending: Map<Settle, number>;
}

export function createEngineClient(factory: TransportFactory, hooks: ClientHooks = {}): EngineClient {
  const newLane = (): Lane => ({ transport: null, generation: 0, pending: new Map() });
  const limits = { ...CALL_LIMITS_MS, ...hooks.limitsMs };
  const supersedeAfterMs = hooks.supersedeAfterMs ?? SUPERSEDE_AFTER_MS;
  const lanes: Record<Channel, Lane> = { check: newLane(), run: newLane(), assist: newLane(), import: newLane(), sweep: newLane(), point: newLane() };
  // Names for completions come from the newest check that found any.
  let lastCheck: CheckResult | undefined;

  const settleAll = (lane: Lane, outcome: CallOutcome<never>) => {
    for (const settle of [...lane.pending.keys()]) settle(outcome);
    lane.pending.clear();
  };

  const stopLane = (lane: Lane) => {
    lane.transport?.terminate();
    lane.transport = null;
  };

  const transportFor = (channel: Channel): EngineTransport => {
    const lane = lanes[channel];
    if (lane.transport === null) {
      const transport = factory((message) => {
        if (lane.transport !== transport) return;
        stopLane(lane);
        settleAll(lane, { status: 'crashed', message });
        hooks.onNotice?.(`The engine stopped (${message}) and was restarted.`);
      });
      lane.transport = transport;
    }
    return lane.transport;
  };

  /** A call past its limit: the worker is replaced (its other calls end with it) and the user told. */
  const timeOut = (channel: Channel, settle: Settle, limitMs: number) => {
    const lane = lanes[channel];
    if (!lane.pending.has(settle)) return;
    const seconds = limitMs >= 1000 ? Math.round(limitMs / 1000) : limitMs / 1000;
    const outcome: CallOutcome<never> = { status: 'crashed', message: `the engine did not answer ${CALL_NAMES[channel]} within ${seconds} s` };
    if (lane.transport === null || lane.transport.inProcess) {
      settle(outcome);
      hooks.onNotice?.(`The engine did not answer ${CALL_NAMES[channel]} within ${seconds} s.`);
      return;
    }
    stopLane(lane);
    settleAll(lane, outcome);
    const resume = channel === 'check' ? ' Checking resumes with your next edit.' : '';
    hooks.onNotice?.(`The engine did not answer ${CALL_NAMES[channel]} within ${seconds} s and was restarted.${resume}`);
  };

  /** Replaces the lane's worker when an older call has run long enough that waiting behind it costs more than a restart. */
  const supersedeSlowCalls = (channel: Channel) => {
    const lane = lanes[channel];
    if (!SUPERSEDING.has(channel) || lane.transport === null || lane.transport.inProcess) return;
    const oldest = Math.min(...lane.pending.values());
    if (Date.now() - oldest < supersedeAfterMs) return;
    stopLane(lane);
    settleAll(lane, { status: 'stale' });
  };

  /** `newestWins` false: concurrent calls on the lane all deliver (hover and completion overlap). */
  function call<T>(channel: Channel, invoke: (t: EngineTransport) => Promise<T>, newestWins = true, limitMs = limits[channel]): Promise<CallOutcome<T>> {
    const lane = lanes[channel];
    if (newestWins) supersedeSlowCalls(channel);
    const generation = newestWins ? ++lane.generation : lane.generation;
    return new Promise<CallOutcome<T>>((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const settle = (outcome: CallOutcome<T>) => {
        if (!lane.pending.delete(settle)) return;
        clearTimeout(timer);
        resolve(outcome);
      };
      lane.pending.set(settle, Date.now());
      if (limitMs !== null) timer = setTimeout(() => timeOut(channel, settle, limitMs), limitMs);
      let promise: Promise<T>;
      try {
        promise = invoke(transportFor(channel));
      } catch (thrown) {
        settle({ status: 'failed', message: errorMessage(thrown) });
        return;
      }
      promise.then(
        (value) =>
          settle(generation === lane.generation ? { status: 'ok', value, generation } : { status: 'stale' }),
        (thrown: unknown) => settle({ status: 'failed', message: errorMessage(thrown) }),
      );
    });
  }

  return {
    checkDesign: async (design) => {
      const outcome = await call('check', (t) => t.api.checkDesign(design));
      if (outcome.status === 'ok' && (outcome.value.einsums.length > 0 || outcome.value.archPaths.length > 0)) lastCheck = outcome.value;
      return outcome;
    },
    evaluateDesign: (design) => call('run', (t) => t.api.evaluateDesign(design)),
    mapDesign: (design, options, onEvent) => {
      const seconds = options.timeLimitSeconds;
      const limitMs = seconds !== undefined && Number.isFinite(seconds) ? seconds * 1000 + (hooks.mapGraceMs ?? MAP_GRACE_MS) : null;
      if (onEvent === undefined) return call('run', (t) => t.api.mapDesign(design, options), true, limitMs);
      // call() takes the next generation; events of a stale or cancelled run are dropped.
      const generation = lanes.run.generation + 1;
      const forward: MapRunListener = (event) => {
        if (lanes.run.generation === generation) onEvent(event);
      };
      return call('run', (t) => t.api.mapDesign(design, options, forward), true, limitMs);
    },
    evaluatePoint: (design, mappingYaml) => call('point', (t) => t.api.evaluatePoint(design, mappingYaml)),
    hover: (cursor) => call('assist', (t) => t.api.hover(withCheck(cursor, lastCheck)), false),
    complete: (cursor) => call('assist', (t) => t.api.complete(withCheck(cursor, lastCheck)), false),
    convertTimeloop: (files) => call('import', (t) => t.api.convertTimeloop(files)),
    runSweep: (request, onEvent) => {
      // call() takes the next generation; events of an older sweep are dropped and stop it.
      const generation = lanes.sweep.generation + 1;
      const forward: SweepListener = (event) => (lanes.sweep.generation === generation ? onEvent(event) : false);
      return call('sweep', (t) => (t.api.runSweep ? t.api.runSweep(request, forward) : Promise.reject(new Error('this engine cannot run sweeps'))));
    },
    cancel(channel) {
      const lane = lanes[channel];
      lane.generation++;
      if (lane.transport !== null && !lane.transport.inProcess) stopLane(lane);
      settleAll(lane, { status: 'cancelled' });
    },
    dispose() {
      for (const lane of Object.values(lanes)) {
        stopLane(lane);
        settleAll(lane, { status: 'cancelled' });
      }
    },
  };
}

function withCheck(cursor: AssistCursor, check: CheckResult | undefined): AssistQuery {
  return check === undefined ? cursor : { ...cursor, check };
}

function errorMessage(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}

/** The browser client: a Web Worker per channel, or page-thread calls where workers are unavailable. */
export function createBrowserEngineClient(hooks: ClientHooks = {}): EngineClient {
  const notify = (message: string) => hooks.onNotice?.(message);
  if (typeof Worker === 'undefined') {
    notify('Web Workers are unavailable; the engine runs on the page thread.');
    return createEngineClient(createLazyInProcessTransport, hooks);
  }
  return createEngineClient(createWorkerOrFallback(notify), hooks);
}
