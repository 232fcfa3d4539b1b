/**
 * The UI's only way to reach the engine. One interface over either transport; per channel the
 * newest request wins (older results come back as 'stale'), a crashed worker is restarted and
 * reported, and cancel terminates the worker so even a long call stops at once.
 */
import type { CheckResult, DesignFiles, EngineTransport, EvaluateDesignResult, TransportFactory } from './protocol.js';
import { createLazyInProcessTransport, createWorkerOrFallback } from './transports.js';

/** Independent lanes: a long map on 'run' never delays the as-you-type check on 'check'. */
export type Channel = 'check' | 'run';

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
  /** Drops the channel's calls in flight (they resolve 'cancelled') and restarts its worker. */
  cancel(channel: Channel): void;
  dispose(): void;
}

export interface ClientHooks {
  /** The engine restarted after a crash, or fell back to in-process calls. */
  onNotice?(message: string): void;
}

interface Lane {
  transport: EngineTransport | null;
  generation: number;
  readonly pending: Set<(outcome: CallOutcome<never>) => void>;
}

export function createEngineClient(factory: TransportFactory, hooks: ClientHooks = {}): EngineClient {
  const lanes: Record<Channel, Lane> = {
    check: { transport: null, generation: 0, pending: new Set() },
    run: { transport: null, generation: 0, pending: new Set() },
  };

  const settleAll = (lane: Lane, outcome: CallOutcome<never>) => {
    for (const settle of [...lane.pending]) settle(outcome);
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

  function call<T>(channel: Channel, invoke: (t: EngineTransport) => Promise<T>): Promise<CallOutcome<T>> {
    const lane = lanes[channel];
    const generation = ++lane.generation;
    return new Promise<CallOutcome<T>>((resolve) => {
      const settle = (outcome: CallOutcome<T>) => {
        if (!lane.pending.delete(settle)) return;
        resolve(outcome);
      };
      lane.pending.add(settle);
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
    checkDesign: (design) => call('check', (t) => t.api.checkDesign(design)),
    evaluateDesign: (design) => call('run', (t) => t.api.evaluateDesign(design)),
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
