/**
 * Design-space sweeps in a real browser: Eyeriss, one 16×16×16 matmul, 4 log-spaced GlobalBuffer
 * sizes from 32 B to 4 MB. Expected energies come from
 * `npm run cli -- sweep src/examples/arches/eyeriss.yaml src/examples/workloads/basic/matmuls.yaml
 *  --set N_EINSUMS=1 --set M=16 --set KN=16 --metric edp --vary 'arch.nodes[name=GlobalBuffer].size=log:32B:4MB:4' --json`.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useServedApp } from './browser.js';
import { newContext, openApp, optionValue } from './page-helpers.js';

const GLB = 'arch.nodes[name=GlobalBuffer].size';
/** Energy (J) per point, in grid order: 256, 13004, 660561 and 33554432 bits. */
const EXPECTED_ENERGY = [6.285950586413569e-8, 6.28619449216403e-8, 6.310974044450445e-8, 8.95659155235073e-8];

const app = useServedApp();



/** Eyeriss with a single small matmul, then the sweep builder filled with a 4-point log range. */
async function buildSweep(page: Page): Promise<void> {
  await page.getByTestId('example-arch').selectOption({ value: await optionValue(page, 'example-arch', /eyeriss/i) });
  await page.locator('input[name="N_EINSUMS"]').fill('1');
  await page.locator('input[name="M"]').fill('16');
  await page.locator('input[name="KN"]').fill('16');
  await page.getByTestId('tab-sweep').click();
  await page.getByTestId('sweep-key-0').fill(GLB);
  await page.getByTestId('sweep-mode-0').selectOption('log');
  await page.getByTestId('sweep-start-0').fill('32B');
  await page.getByTestId('sweep-stop-0').fill('4MB');
  await page.getByTestId('sweep-count-0').fill('4');
}

describe('design-space sweep', () => {
  it('builds a sweep, fills the chart point by point, opens a point and restores the sweep from a link', async () => {
    const author = await newContext(app, { acceptDownloads: true });
    const page = await author.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await openApp(page, app.server.url);
    await buildSweep(page);
    await expect.poll(() => page.getByTestId('sweep-run').innerText()).toBe('Run sweep (4)');
    await page.getByTestId('sweep-run').click();
    await page.locator('[data-testid="sweep-status"][data-status="done"]').waitFor();
    const chart = page.getByTestId('sweep-chart');
    expect(await chart.getAttribute('data-points')).toBe('4');
    const points = page.getByTestId('sweep-point');
    expect(await points.count()).toBe(4);
    const shown = await points.evaluateAll((nodes) => nodes.map((n) => [Number(n.getAttribute('data-index')), Number(n.getAttribute('data-value'))]));
    shown.sort((a, b) => a[0]! - b[0]!);
    expect(shown.map(([i]) => i)).toEqual([0, 1, 2, 3]);
    shown.forEach(([i, value]) => expect(value! / EXPECTED_ENERGY[i!]!).toBeCloseTo(1, 6));
    // Per-component curves: MainMemory, GlobalBuffer, ... next to the total.
    expect(await chart.locator('.recharts-legend-item').count()).toBeGreaterThan(2);
    await page.screenshot({ path: '/tmp/accelforge-sweep-1280x800.png' });

    await page.locator('[data-testid="sweep-point"][data-index="3"]').click();
    await page.locator('[data-testid="sweep-opened"][data-index="3"]').waitFor();
    await page.locator('[data-testid="energy-breakdown"][data-total]').waitFor();
    expect(Number(await page.getByTestId('energy-breakdown').getAttribute('data-total')) / EXPECTED_ENERGY[3]!).toBeCloseTo(1, 6);
    expect(await page.getByTestId('looptree').innerText()).toContain('compute Matmul0 on MAC');
    expect(await page.getByTestId('results-stale').count()).toBe(0);

    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sweep-csv').click()]);
    const csv = readFileSync(await file.path(), 'utf8').trimEnd().split('\n');
    expect(file.suggestedFilename()).toBe('sweep.csv');
    expect(csv).toHaveLength(5);
    expect(csv[0]!.startsWith(`${GLB},energy,latency,`)).toBe(true);
    expect(csv.slice(1).map((row) => Number(row.split(',')[0]))).toEqual([256, 13004, 660561, 33554432]);

    await page.getByTestId('copy-link').click();
    const link = await page.getByTestId('copied-link').inputValue();
    expect(pageErrors).toEqual([]);
    await author.close();

    const reader = await newContext(app);
    const fresh = await reader.newPage();
    await fresh.goto(link);
    await fresh.getByTestId('sweep-builder').waitFor();
    expect(await fresh.getByTestId('sweep-key-0').inputValue()).toBe(GLB);
    expect(await fresh.getByTestId('sweep-mode-0').inputValue()).toBe('log');
    expect(await fresh.getByTestId('sweep-start-0').inputValue()).toBe('32B');
    expect(await fresh.getByTestId('sweep-stop-0').inputValue()).toBe('4MB');
    expect(await fresh.getByTestId('sweep-count-0').inputValue()).toBe('4');
    expect(await fresh.getByTestId('sweep-run').innerText()).toBe('Run sweep (4)');
    // Results are never in links: the chart waits for a run.
    expect(await fresh.getByTestId('sweep-chart').getAttribute('data-points')).toBe('0');
    await reader.close();
  });

  it('draws a heatmap for two knobs and stops on cancel', async () => {
    const context = await newContext(app);
    const page = await context.newPage();
    await openApp(page, app.server.url);
    await buildSweep(page);
    await page.getByTestId('sweep-add-knob').click();
    await page.getByTestId('sweep-key-1').fill('KN');
    await page.getByTestId('sweep-list-1').fill('8, 16');
    await page.getByTestId('sweep-run').click();
    await page.locator('[data-testid="sweep-status"][data-status="done"]').waitFor();
    expect(await page.locator('.sweep-heatmap [data-testid="sweep-point"]').count()).toBe(8);
    await page.screenshot({ path: '/tmp/accelforge-sweep-heatmap-1280x800.png' });
    // Grid order: size outer, KN inner; cell 7 is 4 MB with KN = 16, the line chart's point 3.
    expect(await page.locator('[data-testid="sweep-point"][data-index="7"]').getAttribute('data-ok')).toBe('true');
    // Opening cell 6 (4 MB, KN = 8): the variable goes into the form, the size into the spec text.
    await page.locator('[data-testid="sweep-point"][data-index="6"]').click();
    await page.locator('[data-testid="sweep-opened"][data-index="6"]').waitFor();
    await expect.poll(() => page.locator('input[name="KN"]').inputValue()).toBe('8');
    expect(await page.getByTestId('sweep-opened-edit').innerText()).toContain(`${GLB} = 33554432 in arches/eyeriss.yaml:17`);

    await page.getByTestId('sweep-count-0').fill('32');
    await page.getByTestId('sweep-run').click();
    await page.locator('[data-testid="sweep-status"][data-status="running"]').waitFor();
    await page.getByTestId('sweep-cancel').click();
    await page.locator('[data-testid="sweep-status"][data-status="cancelled"]').waitFor();
    const done = Number(await page.getByTestId('sweep-status').getAttribute('data-done'));
    expect(done).toBeLessThan(64);
    await page.waitForTimeout(500);
    expect(Number(await page.getByTestId('sweep-status').getAttribute('data-done'))).toBe(done);
    await context.close();
  });

  it('fills the builder with the classic Eyeriss case without running it', async () => {
    const context = await newContext(app);
    const page = await context.newPage();
    await openApp(page, app.server.url);
    await page.getByTestId('tab-sweep').click();
    await page.getByTestId('sweep-preset-eyeriss').click();
    expect(await page.getByTestId('example-arch').locator('option:checked').innerText()).toMatch(/eyeriss/i);
    expect(await page.locator('input[name="M"]').inputValue()).toBe('4096');
    expect(await page.locator('input[name="KN"]').inputValue()).toBe('4096');
    expect(await page.getByTestId('sweep-key-0').inputValue()).toBe(GLB);
    expect(await page.getByTestId('sweep-mode-0').inputValue()).toBe('log');
    expect(await page.getByTestId('sweep-start-0').inputValue()).toBe('32B');
    expect(await page.getByTestId('sweep-stop-0').inputValue()).toBe('4MB');
    expect(await page.getByTestId('sweep-per-compute').isChecked()).toBe(true);
    expect(await page.getByTestId('sweep-run').innerText()).toBe('Run sweep (32)');
    expect(await page.getByTestId('sweep-chart').getAttribute('data-status')).toBe('idle');
    await context.close();
  });
});
