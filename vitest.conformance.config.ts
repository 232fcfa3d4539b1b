import { defineConfig } from 'vitest/config';

/** Cross-checks against ../shared/reference, where that folder exists. */
export default defineConfig({
  test: {
    include: ['test/conformance/**/*.test.ts'],
    environment: 'node',
    testTimeout: 300_000,
  },
});
