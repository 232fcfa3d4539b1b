import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Browser flows against the built app: `npm run test:e2e` (the browser is found by test/e2e/browser.ts). */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    // Reads that wait for a rendered state get as long as playwright's own waits (30 s), not 1 s:
    // the tests share two cores with builds and other runs.
    expect: { poll: { timeout: 30_000 } },
  },
});
