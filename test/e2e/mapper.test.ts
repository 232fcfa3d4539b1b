/**
 * The mapper in a real browser: TPU v4i with one GPT-3 6.7B decoder layer decoding one token
 * (BATCH_SIZE 1, 16 cached tokens). Fronts stream in while it runs; afterwards every Pareto point
 * opens its own breakdowns and LoopTree. The fused/unfused comparison runs on simple + matmuls,
 * whose fused optimum is the regression figure 17235968 J (test/engine/model/simple-matmuls.test.ts).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useServedApp } from './browser.js';
import { newContext, openApp, openGpt3Decode, pickOption, waitForCleanCheck } from './page-helpers.js';

const app = useServedApp();

/**
 * Mapped unfused: `npm run cli -- map ... --workers 1 --unfused` takes ~17 s on this design, but
 * fused ~96 s (--max-fused-loops 0) to ~165 s (the default 1) on a busy two-core machine.
 */
const GPT3_EINSUMS = 10;
/** The same command's `--json` energy (J) and latency (s). */
const GPT3_UNFUSED = { energy: 0.022710760374272, latency: 0.0006564874006514659 };
const MAP_TIMEOUT_MS = 100_000;




/** Records, from before the click, whether a provisional front point was ever drawn. */
async function watchProvisionalPoints(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen = window as unknown as { sawProvisional?: boolean; firstFrontAt?: number };
    seen.sawProvisional = false;
    new MutationObserver(() => {
      if (seen.sawProvisional || !document.querySelector('[data-testid="pareto-point"][data-provisional="true"]')) return;
      seen.sawProvisional = true;
      seen.firstFrontAt = Date.now();
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

describe('mapper in the browser', () => {
  it('maps GPT-3 decode on TPU v4i, streams fronts, and opens a Pareto point', async () => {
    const context = await newContext(app);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await openGpt3Decode(page, app.server.url);
    await page.getByTestId('run-mode').selectOption('unfused');
    await watchProvisionalPoints(page);
    const start = Date.now();
    await page.getByTestId('run-mapper').click();
    await page.locator('[data-testid="progress"][data-status="mapping"]').waitFor();
    await page.getByTestId('progress-summary').waitFor();
    await page.locator('[data-testid="progress"][data-status="idle"]').waitFor({ timeout: MAP_TIMEOUT_MS });
    const doneAt = Date.now();
    const seconds = (at: number) => ((at - start) / 1000).toFixed(1);
    const firstFrontAt = await page.evaluate(() => (window as unknown as { firstFrontAt?: number }).firstFrontAt);
    process.stdout.write(`GPT-3 6.7B decode on TPU v4i (unfused) in the browser: first front ${firstFrontAt ? seconds(firstFrontAt) : '-'} s, done ${seconds(doneAt)} s\n`);
    expect(firstFrontAt).toBeDefined();
    // The finished run's counts: every Einsum's templates done, nine join steps.
    expect(await page.getByTestId('progress').getAttribute('data-join-steps')).toBe(String(GPT3_EINSUMS - 1));
    await page.getByTestId('progress-summary').click();
    const rows = page.getByTestId('progress-einsums').locator('tr[data-einsum]');
    expect(await rows.count()).toBe(GPT3_EINSUMS);
    expect(await rows.first().innerText()).toMatch(/^I\s+(\d+)\/\1\s/);
    await page.screenshot({ path: '/tmp/accelforge-mapper-progress-1280x800.png' });
    await page.getByTestId('progress-summary').click();

    const points = page.locator('[data-testid="pareto-point"][data-provisional="false"]');
    const count = await points.count();
    expect(count).toBeGreaterThanOrEqual(1);
    expect(await page.locator('[data-testid="pareto-point"][data-provisional="true"]').count()).toBe(0);
    const energy = page.getByTestId('energy-breakdown');
    await page.locator('[data-testid="energy-breakdown"][data-total]').waitFor();
    expect(Number(await energy.getAttribute('data-total')) / GPT3_UNFUSED.energy).toBeCloseTo(1, 6);
    expect(await energy.locator('.recharts-bar-rectangle path').count()).toBeGreaterThanOrEqual(1);
    expect(Number(await page.getByTestId('latency-breakdown').getAttribute('data-total')) / GPT3_UNFUSED.latency).toBeCloseTo(1, 6);
    expect(await page.getByTestId('latency-breakdown').locator('.recharts-bar-rectangle path').count()).toBeGreaterThanOrEqual(1);

    // Open the last point (the first one when the front has a single point): its own LoopTree shows.
    const last = count - 1;
    await points.nth(last).click();
    await page.locator(`[data-testid="looptree"][data-point="${last}"]`).waitFor();
    const kinds = await page.getByTestId('looptree').getByTestId('looptree-node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-kind')));
    expect(kinds.filter((k) => k === 'compute')).toHaveLength(GPT3_EINSUMS);
    expect(kinds).toContain('storage');
    const pointEnergy = Number(await points.nth(last).getAttribute('data-energy'));
    // The breakdown follows the opened point (a stale total is still a [data-total]).
    await expect.poll(async () => Number(await energy.getAttribute('data-total'))).toBeCloseTo(pointEnergy, -Math.floor(Math.log10(pointEnergy)) + 6);
    await page.mouse.move(0, 400);
    await page.screenshot({ path: '/tmp/accelforge-mapper-gpt3-1280x800.png' });
    expect(pageErrors).toEqual([]);

    // The link reopens the same design in a fresh context; it never maps by itself, but offers to
    // map again the same way (unfused)
    // and shows the same point with the same energy.
    await page.getByTestId('copy-link').click();
    const link = await page.getByTestId('copied-link').inputValue();
    await context.close();
    const reader = await newContext(app);
    const fresh = await reader.newPage();
    await openApp(fresh, link);
    await fresh.getByTestId('link-run-offer').waitFor();
    expect(await fresh.getByTestId('progress').getAttribute('data-status')).toBe('idle');
    expect(await fresh.getByTestId('pareto-point').count()).toBe(0);
    await fresh.getByTestId('run-link-mapper').click();
    await fresh.locator('[data-testid="progress"][data-status="idle"] [data-testid="progress-summary"]').waitFor({ timeout: MAP_TIMEOUT_MS });
    await fresh.locator(`[data-testid="looptree"][data-point="${last}"]`).waitFor({ timeout: MAP_TIMEOUT_MS });
    await expect
      .poll(async () => Number(await fresh.getByTestId('energy-breakdown').getAttribute('data-total')))
      .toBeCloseTo(pointEnergy, -Math.floor(Math.log10(pointEnergy)) + 6);
    await reader.close();
  });

  it('cancels a long GPT-3 run at once and can start again', async () => {
    const context = await newContext(app);
    const page = await context.newPage();
    await openGpt3Decode(page, app.server.url);
    await page.getByTestId('run-mapper').click();
    await page.locator('[data-testid="progress"][data-status="mapping"]:not([data-events="0"])').waitFor({ timeout: 30_000 });
    await page.getByTestId('cancel').click();
    await page.locator('[data-testid="progress"][data-status="cancelled"]').waitFor({ timeout: 2_000 });
    expect(await page.getByTestId('run-mapper').isEnabled()).toBe(true);
    expect(await page.getByTestId('pareto-point').count()).toBe(0);
    await context.close();
  });

  it('compares fused and unfused fronts side by side', async () => {
    const context = await newContext(app);
    const page = await context.newPage();
    await openApp(page, app.server.url);
    await waitForCleanCheck(page);
    await page.getByTestId('run-mode').selectOption('compare');
    await page.getByTestId('run-mapper').click();
    const comparison = page.getByTestId('fused-comparison');
    await comparison.waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="progress"][data-status="idle"]').waitFor();
    const value = async (id: string) => Number(await page.getByTestId(id).getAttribute('data-value'));
    expect(await value('comparison-energy-fused')).toBe(17235968);
    expect(await value('comparison-energy-unfused')).toBeGreaterThanOrEqual(17235968);
    expect(await value('comparison-latency-fused')).toBe(524288);
    expect(await comparison.locator('[data-testid="comparison-point"][data-variant="fused"]').count()).toBeGreaterThanOrEqual(1);
    expect(await comparison.locator('[data-testid="comparison-point"][data-variant="unfused"]').count()).toBeGreaterThanOrEqual(1);
    await expect.poll(async () => Number(await page.getByTestId('energy-breakdown').getAttribute('data-total'))).toBe(17235968);
    await comparison.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/accelforge-mapper-compare-1280x800.png' });
    await context.close();
  });
});
