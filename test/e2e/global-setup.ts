/** Picks the browser and builds the app once for all e2e tests (skip the build with E2E_DIST=<already built dir>). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { chooseChromium, type ChromiumChoice } from './browser.js';

export default async function setup(project: TestProject): Promise<(() => void) | void> {
  const chromium = await chooseChromium();
  console.log(`e2e browser: ${chromium.executablePath} (${chromium.source})`);
  project.provide('chromium', chromium);
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
    chromium: ChromiumChoice;
  }
}
