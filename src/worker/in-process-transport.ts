/** Direct calls into the engine on the caller's thread: Node, tests, tools. */
import { createEngineApi, type EngineFunctions } from './engine-api.js';
import type { TransportFactory } from './protocol.js';

/** `engine` lets tests inject stand-in engine functions; by default the real engine runs. */
export function createInProcessTransportFactory(engine?: EngineFunctions): TransportFactory {
  return () => ({ api: createEngineApi(engine), inProcess: true, terminate: () => {} });
}
