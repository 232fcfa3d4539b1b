/** A sweep point worker: maps one point at a time for the sweep runner in the engine worker. */
import './jitless-zod.js';
import * as Comlink from 'comlink';
import { runPointHere } from './sweep-runner.js';

Comlink.expose({ run: runPointHere });
