/** What crosses the worker boundary: the engine calls the UI makes, all on plain data. */
import type { CheckResult, DesignFiles, EvaluateDesignResult } from '../engine/index.js';

export type { CheckResult, DesignFiles, EvaluateDesignResult };

/** The engine as the UI sees it, whichever transport carries the calls. */
export interface EngineApi {
  /** Loads and validates a design; problems come back as SpecErrors, never as exceptions. */
  checkDesign(design: DesignFiles): Promise<CheckResult>;
  /** Evaluates the design's own mapping; problems come back in `errors`, never as exceptions. */
  evaluateDesign(design: DesignFiles): Promise<EvaluateDesignResult>;
}

/** A transport carries EngineApi calls (a Web Worker, or direct calls in the same thread). */
export interface EngineTransport {
  readonly api: EngineApi;
  /** Stops the transport; calls in flight never settle, the client settles them. */
  terminate(): void;
  /** True when calls run on the caller's thread (cancel cannot interrupt them). */
  readonly inProcess: boolean;
}

/** Creates a transport; `onCrash` fires if it dies on its own (the client then restarts it). */
export type TransportFactory = (onCrash: (message: string) => void) => EngineTransport;
