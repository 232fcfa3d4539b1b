/** Builds the app once for all e2e tests (skip with E2E_DIST=<already built dir>). */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH } from './browser.js';

export default function setup(project: TestProject): (() => void) | void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Browser tests need Debian's chromium at ${CHROMIUM_PATH}: run 'apt-get install -y chromium' (or set CHROMIUM_PATH).`);
  }
  let dist = process.env['E2E_DIST'];
  let scratch: string | null = null;
  if (dist === undefined) {
    scratch = mkdtempSync(join(tmpdir(), 'accelforge-e2e-'));
    dist = join(scratch, 'dist');
    execFileSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], {
      stdio: 'inherit',
    });
  }
  project.provide('distDir', dist);
  if (scratch !== null) {
    const built = scratch;
    return () => rmSync(built, { recursive: true, force: true });
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}
