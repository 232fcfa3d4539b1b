import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Browser flows against the built app: `npm run test:e2e` (needs /usr/bin/chromium). */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
