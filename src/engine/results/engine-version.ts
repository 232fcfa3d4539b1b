/**
 * The engine's version, recorded in share links so a link that no longer finds its point can say
 * which engine made it. It must equal package.json's `version` (a unit test holds them equal); it is
 * written here rather than imported so the engine reads nothing outside src/engine.
 */
export const ENGINE_VERSION = '0.1.0';
