import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';

const CSP_META = /\s*<meta\s+http-equiv="Content-Security-Policy"[^>]*>/;

/**
 * The dev server injects an inline module preamble (React refresh) and an HMR socket, which the
 * page's CSP forbids; only `vite` (dev) drops the tag. Builds and `vite preview` keep it, and the
 * browser tests run the build under it.
 */
function dropCspInDev(): Plugin {
  return {
    name: 'accelforge:drop-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(CSP_META, ''),
  };
}

export default defineConfig({
  plugins: [react(), dropCspInDev()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'test/conformance/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'threads',
  },
});
