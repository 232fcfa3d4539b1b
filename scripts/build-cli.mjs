// Builds the command line to plain JavaScript: dist/cli/accelforge-web.mjs (the `bin`) and the
// mapper pool's worker, dist/cli/mapper-pool-worker.mjs, which mapper-pool.ts loads from the same
// folder. Verbs are split into chunks loaded on use, so `--help` does not load the engine.
import { build } from 'esbuild';
import { chmodSync, rmSync } from 'node:fs';

const OUT = 'dist/cli';

rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: { 'accelforge-web': 'src/cli/main.ts', 'mapper-pool-worker': 'src/cli/mapper-pool-worker.ts' },
  outdir: OUT,
  outExtension: { '.js': '.mjs' },
  // Chunks sit next to the entries so `new URL('./mapper-pool-worker.mjs', import.meta.url)` finds the worker from any of them.
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
chmodSync(`${OUT}/accelforge-web.mjs`, 0o755);
console.log(`built ${OUT}/accelforge-web.mjs`);
