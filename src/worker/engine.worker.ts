/** Worker entry: exposes the engine over comlink. */
import * as Comlink from 'comlink';
import { createEngineApi } from './engine-api.js';

Comlink.expose(createEngineApi());
