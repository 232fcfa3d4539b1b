/**
 * The engine's version, recorded in share links so a link that no longer finds its point can say
 * which engine made it. It is the package version (package.json), read at build time: one number.
 */
import { version } from '../../../package.json';

export const ENGINE_VERSION: string = version;
