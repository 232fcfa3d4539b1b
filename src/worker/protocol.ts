/** What crosses the worker boundary: the engine calls the UI makes, all on plain data. */
import type {
  AssistCompletion,
  CheckResult,
  ConversionReport,
  DesignFiles,
  EvaluateDesignResult,
  MapDesignOptions,
  MapDesignResult,
  SpecError,
  TimeloopFile,
} from '../engine/index.js';
import type { MapProgressEvent } from '../engine/index.js';
import type { SweepListener, SweepRequest, SweepSummary } from './sweep-protocol.js';

export type { AssistCompletion, CheckResult, ConversionReport, DesignFiles, EvaluateDesignResult, MapDesignOptions, MapDesignResult, TimeloopFile };
export type { FrontPointDto, MapProgressEvent, MapProgressListener } from '../engine/index.js';

/** A mapper run's options as the page sends them: the engine's, plus how many workers map templates. */
export interface MapRunOptions extends MapDesignOptions {
  /** Mapper workers; default one per core (at most 8); 1 maps in the engine worker itself. */
  readonly workers?: number;
}

/** The run's pool size, sent once before any template starts. */
export interface PoolSizeEvent {
  readonly type: 'workers';
  readonly workers: number;
}

/** Pool worker `worker` started template `jobId` of `einsum`, or went idle (both null). */
export interface WorkerActivityEvent {
  readonly type: 'worker';
  readonly worker: number;
  readonly einsum: string | null;
  readonly jobId: number | null;
}

/** What a mapper run streams to the page: the engine's progress, and the pool's activity. */
export type MapRunEvent = MapProgressEvent | PoolSizeEvent | WorkerActivityEvent;
export type MapRunListener = (event: MapRunEvent) => void;

/** A cursor in one spec file; `check` is the design's last check, for tensor and component names. */
export interface AssistQuery {
  readonly text: string;
  readonly line: number;
  readonly col: number;
  readonly check?: CheckResult;
}

/** `convertTimeloop`: the AccelForge spec and what the conversion lost, or errors. */
export interface TimeloopImport {
  readonly errors: readonly SpecError[];
  readonly yaml: string | null;
  readonly report: ConversionReport | null;
}

/** The engine as the UI sees it, whichever transport carries the calls. */
export interface EngineApi {
  /** Loads and validates a design; problems come back as SpecErrors, never as exceptions. */
  checkDesign(design: DesignFiles): Promise<CheckResult>;
  /** Evaluates the design's own mapping; problems come back in `errors`, never as exceptions. */
  evaluateDesign(design: DesignFiles): Promise<EvaluateDesignResult>;
  /** Runs the mapper and evaluates its best mapping; progress streams to `onEvent`; problems come back in `errors`. */
  mapDesign(design: DesignFiles, options: MapRunOptions, onEvent?: MapRunListener): Promise<MapDesignResult>;
  /** Evaluates one mapper front point's mapping (`FrontPointDto.mappingYaml`) against the design. */
  evaluatePoint(design: DesignFiles, mappingYaml: string): Promise<EvaluateDesignResult>;
  /** Markdown describing the spec field or value under the cursor, or null. */
  hover(query: AssistQuery): Promise<string | null>;
  /** Completion items for the word before the cursor. */
  complete(query: AssistQuery): Promise<AssistCompletion>;
  /** Converts Timeloop input files into one AccelForge spec; problems come back in `errors`. */
  convertTimeloop(files: readonly TimeloopFile[]): Promise<TimeloopImport>;
  /** Maps every point of a design-space sweep, streaming each to `onEvent` (optional: older transports lack it). */
  runSweep?(request: SweepRequest, onEvent: SweepListener): Promise<SweepSummary>;
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
