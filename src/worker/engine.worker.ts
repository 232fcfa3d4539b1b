/** Worker entry: exposes the engine over comlink. */
import './jitless-zod.js';
import * as Comlink from 'comlink';
import { createEngineApi } from './engine-api.js';

Comlink.expose(createEngineApi());
