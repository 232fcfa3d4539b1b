/**
 * "Run mapper" on a pool of Web Workers: TPU v4i with three chained matmuls, fused, with energy,
 * latency and on-chip memory usage as objectives. The page starts one mapper worker per core (at
 * least two on this two-core machine), every worker maps templates, the chart draws fronts while
 * the run goes on, and the final front is point for point the one a single worker finds
 * (`?mapper-workers=1`).
 */
import type { Page, Worker as PageWorker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useServedApp } from './browser.js';
import { newContext, openApp, openGpt3Decode, pickOption, waitForCleanCheck } from './page-helpers.js';

const app = useServedApp();
const MAP_TIMEOUT_MS = 100_000;

interface RunRecord {
  /** The pool size the progress strip reported. */
  readonly workers: number;
  /** Most workers seen busy at the same moment. */
  readonly maxBusy: number;
  /** Templates each worker finished. */
  readonly done: readonly number[];
  /** Whether a provisional front point was drawn before the run ended. */
  readonly sawProvisional: boolean;
  /** Final front: energy, latency and peak usage per memory of each point, in the chart's order. */
  readonly front: readonly (readonly [string, string, string])[];
  readonly seconds: number;
  readonly firstFrontSeconds: number | null;
}

async function openThreeMatmuls(page: Page, query: string): Promise<void> {
  await openApp(page, `${app.server.url}${query}`);
  await pickOption(page, 'example-arch', /TPU v4i/);
  await pickOption(page, 'example-workload', /Three matmuls/);
  await waitForCleanCheck(page);
}

/** Watches the progress strip and the chart from before the click until the run ends. */
async function watchRun(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { run: { maxBusy: number; sawProvisional: boolean; firstFrontAt: number | null; startedAt: number } };
    w.run = { maxBusy: 0, sawProvisional: false, firstFrontAt: null, startedAt: Date.now() };
    new MutationObserver(() => {
      const busy = document.querySelectorAll('[data-testid="map-worker"][data-busy="true"]').length;
      w.run.maxBusy = Math.max(w.run.maxBusy, busy);
      if (!w.run.sawProvisional && document.querySelector('[data-testid="pareto-point"][data-provisional="true"]')) {
        w.run.sawProvisional = true;
        w.run.firstFrontAt = Date.now();
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

async function runMapper(page: Page): Promise<RunRecord> {
  await watchRun(page);
  await page.getByTestId('run-mapper').click();
  await page.locator('[data-testid="progress"][data-status="mapping"]').waitFor();
  await page.locator('[data-testid="progress"][data-status="idle"] [data-testid="progress-summary"]').waitFor({ timeout: MAP_TIMEOUT_MS });
  const record = await page.evaluate(() => {
    const w = window as unknown as { run: { maxBusy: number; sawProvisional: boolean; firstFrontAt: number | null; startedAt: number } };
    const points = [...document.querySelectorAll('[data-testid="pareto-point"][data-provisional="false"]')];
    return {
      ...w.run,
      endedAt: Date.now(),
      workers: Number(document.querySelector('[data-testid="progress"]')?.getAttribute('data-workers')),
      done: [...document.querySelectorAll('[data-testid="map-worker"]')].map((n) => Number(n.getAttribute('data-done'))),
      front: points.map((p) => [p.getAttribute('data-energy') ?? '', p.getAttribute('data-latency') ?? '', p.getAttribute('data-usage') ?? ''] as const),
    };
  });
  return {
    workers: record.workers,
    maxBusy: record.maxBusy,
    done: record.done,
    sawProvisional: record.sawProvisional,
    front: record.front,
    seconds: (record.endedAt - record.startedAt) / 1000,
    firstFrontSeconds: record.firstFrontAt === null ? null : (record.firstFrontAt - record.startedAt) / 1000,
  };
}

describe('mapper worker pool in the browser', () => {
  it('maps on at least two workers, draws fronts while it runs, and ends on the one-worker front', async () => {
    const context = await newContext(app);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const started: string[] = [];
    page.on('worker', (worker) => started.push(worker.url()));
    await openThreeMatmuls(page, '');
    const before = started.length;
    const pooled = await runMapper(page);
    const threadsStarted = started.length - before;

    const single = await context.newPage();
    await openThreeMatmuls(single, '?mapper-workers=1');
    const alone = await runMapper(single);
    process.stdout.write(
      `three matmuls on TPU v4i, fused: ${pooled.workers} workers ${pooled.seconds.toFixed(1)} s (first front ${pooled.firstFrontSeconds?.toFixed(1)} s, ` +
        `templates per worker ${pooled.done.join('/')}, ${threadsStarted} worker threads started); ` +
        `1 worker ${alone.seconds.toFixed(1)} s; ${pooled.front.length} front points\n`,
    );

    expect(pooled.workers).toBeGreaterThanOrEqual(2);
    // Real threads: the browser reported a worker start for each pool worker.
    expect(threadsStarted).toBeGreaterThanOrEqual(pooled.workers);
    expect(pooled.done).toHaveLength(pooled.workers);
    // Every worker mapped templates, and at some moment at least two mapped at once.
    for (const done of pooled.done) expect(done).toBeGreaterThan(0);
    expect(pooled.maxBusy).toBeGreaterThanOrEqual(2);
    expect(pooled.sawProvisional).toBe(true);

    expect(alone.workers).toBe(1);
    expect(pooled.front.length).toBeGreaterThanOrEqual(1);
    // Memory usage is an objective of the default run: every point reports its peak bits per memory.
    for (const [, , usage] of pooled.front) expect(Object.keys(JSON.parse(usage) as object).length).toBeGreaterThan(0);
    expect(pooled.front).toEqual(alone.front);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('cancel ends the pool run at once, and a new run maps again on the pool', async () => {
    const context = await newContext(app);
    const page = await context.newPage();
    // A run long enough that it is still going when Cancel is clicked, even on a quiet machine
    // (three matmuls can finish between seeing a busy worker and the click).
    await openGpt3Decode(page, app.server.url);
    const live = new Set<PageWorker>();
    page.on('worker', (worker) => {
      live.add(worker);
      worker.on('close', () => live.delete(worker));
    });
    const before = new Set(live);
    await page.getByTestId('run-mapper').click();
    await page.locator('[data-testid="map-worker"][data-busy="true"]').first().waitFor({ timeout: 30_000 });
    const started = [...live].filter((w) => !before.has(w)).length;
    await page.getByTestId('cancel').click();
    await page.locator('[data-testid="progress"][data-status="cancelled"]').waitFor({ timeout: 2_000 });
    // The engine worker and every pool worker it started are gone (a generous guard, not a timing).
    expect(started).toBeGreaterThanOrEqual(2);
    await expect.poll(() => [...live].filter((w) => !before.has(w)).length, { timeout: 10_000 }).toBe(0);
    expect(await page.getByTestId('pareto-point').count()).toBe(0);
    await pickOption(page, 'example-workload', /Three matmuls/);
    await waitForCleanCheck(page);
    const again = await runMapper(page);
    expect(again.workers).toBeGreaterThanOrEqual(2);
    expect(again.front.length).toBeGreaterThanOrEqual(1);
    await context.close();
  });
});
