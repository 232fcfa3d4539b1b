/**
 * The Chromium the browser tests drive through playwright-core; never downloads a browser.
 * Order: CHROMIUM_PATH, then a system Chromium or Chrome, then the one bundled in node_modules
 * (E2E_BROWSER=bundled skips the first two, so CI keeps the bundled path tested).
 */
import { accessSync, constants, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { BUNDLED_PACKAGE, prepareBundledChromium } from './bundled-chromium.js';
import { serveStatic, type StaticServer } from './static-server.js';

const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Which browser the tests use, chosen once in the global setup and handed to every test file. */
export interface ChromiumChoice {
  readonly executablePath: string;
  /** Added to the browser's environment (the bundled browser's libraries and fonts). */
  readonly env: Readonly<Record<string, string>>;
  /** For the log line: where the browser came from. */
  readonly source: string;
}

export async function chooseChromium(): Promise<ChromiumChoice> {
  // An empty value counts as unset, as in `CHROMIUM_PATH= npm test`.
  const mode = process.env['E2E_BROWSER'] || undefined;
  const explicitPath = process.env['CHROMIUM_PATH'] || undefined;
  if (mode !== undefined && mode !== 'bundled') {
    throw new Error(`E2E_BROWSER=${mode} is not understood: set E2E_BROWSER=bundled, or leave it unset.`);
  }
  if (mode === 'bundled' && explicitPath !== undefined) {
    throw new Error('E2E_BROWSER=bundled and CHROMIUM_PATH are both set; unset one of them.');
  }
  if (explicitPath !== undefined) {
    if (!isExecutableFile(explicitPath)) {
      throw new Error(`CHROMIUM_PATH=${explicitPath} is not an executable file: point it at a Chrome or Chromium binary.`);
    }
    return { executablePath: explicitPath, env: {}, source: 'CHROMIUM_PATH' };
  }
  const system = mode === 'bundled' ? undefined : SYSTEM_BROWSERS.find(isExecutableFile);
  if (system !== undefined) return { executablePath: system, env: {}, source: 'system' };
  const bundled = await prepareBundledChromium(REPO_ROOT);
  return { executablePath: bundled.executablePath, env: bundled.env, source: `${BUNDLED_PACKAGE} ${bundled.version}` };
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** playwright's launch() gives every browser a fresh temporary --user-data-dir. */
export function launchChromium(choice: ChromiumChoice): Promise<Browser> {
  return chromium.launch({
    executablePath: choice.executablePath,
    env: { ...process.env, ...choice.env },
    headless: true,
    args: ARGS,
  });
}

/** The built app served on localhost and one Chromium, for the tests of a file (hooks registered here). */
export interface ServedApp {
  readonly server: StaticServer;
  readonly browser: Browser;
}

export function useServedApp(): ServedApp {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveStatic(inject('distDir'));
    browser = await launchChromium(inject('chromium'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the app is served only inside tests');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser runs only inside tests');
      return browser;
    },
  };
}
