/**
 * Browser transports. Nothing here imports the engine statically: the page bundle must stay free
 * of it (the e2e bundle test checks), so the in-process fallback loads it on first use.
 */
import * as Comlink from 'comlink';
import type { EngineApi, EngineTransport, TransportFactory } from './protocol.js';
import { startModuleWorker } from './start-worker.js';
import engineWorkerUrl from './engine.worker.ts?worker&url';

export const createWorkerTransport: TransportFactory = (onCrash) => {
  const worker = startModuleWorker(engineWorkerUrl, 'accelforge-engine');
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    onCrash(event.message || 'the engine worker stopped unexpectedly');
  });
  worker.addEventListener('messageerror', () => onCrash('the engine worker sent unreadable data'));
  const remote = Comlink.wrap<EngineApi>(worker);
  const sweeper = Comlink.wrap<Required<Pick<EngineApi, 'runSweep'>>>(worker);
  return {
    api: {
      checkDesign: (design) => remote.checkDesign(design),
      evaluateDesign: (design) => remote.evaluateDesign(design),
      mapDesign: (design, options, onEvent) => (onEvent ? remote.mapDesign(design, options, Comlink.proxy(onEvent)) : remote.mapDesign(design, options)),
      evaluatePoint: (design, mappingYaml) => remote.evaluatePoint(design, mappingYaml),
      hover: (query) => remote.hover(query),
      complete: (query) => remote.complete(query),
      convertTimeloop: (files) => remote.convertTimeloop(files),
      runSweep: (request, onEvent) => sweeper.runSweep(request, Comlink.proxy(onEvent)),
    },
    inProcess: false,
    terminate: () => {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
};

/** The engine on the page thread, fetched as a separate chunk when first needed. */
export const createLazyInProcessTransport: TransportFactory = () => {
  const api = import('./engine-api.js').then((m) => m.createEngineApi());
  const transport: EngineTransport = {
    inProcess: true,
    terminate: () => {},
    api: {
      checkDesign: async (design) => (await api).checkDesign(design),
      evaluateDesign: async (design) => (await api).evaluateDesign(design),
      mapDesign: async (design, options, onEvent) => (await api).mapDesign(design, options, onEvent),
      evaluatePoint: async (design, mappingYaml) => (await api).evaluatePoint(design, mappingYaml),
      hover: async (query) => (await api).hover(query),
      complete: async (query) => (await api).complete(query),
      convertTimeloop: async (files) => (await api).convertTimeloop(files),
      runSweep: async (request, onEvent) => (await api).runSweep!(request, onEvent),
    },
  };
  return transport;
};

/** A worker when the browser allows one, else the page thread (reported once through onFallback). */
export function createWorkerOrFallback(onFallback: (message: string) => void): TransportFactory {
  return (onCrash) => {
    try {
      return createWorkerTransport(onCrash);
    } catch (thrown) {
      const reason = thrown instanceof Error ? thrown.message : String(thrown);
      onFallback(`The engine worker could not start (${reason}); the engine runs on the page thread.`);
      return createLazyInProcessTransport(onCrash);
    }
  };
}
