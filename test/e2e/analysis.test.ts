/**
 * Analysis views in a real browser. Ski slope: the Snowcat preset (one 4096³ matmul); AccelForge's
 * fused front (test/fixtures/oracle/skislope_snowcat.json) has 36 points from 24 bits / 1099645845504
 * bits accessed to 134250504 bits / 402653184. Roofline, area and pins use small designs: simple +
 * 2 matmuls 64³ with the unfused mapping (energy 17629184, see results.test.ts) and Eyeriss mapped.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useServedApp } from './browser.js';
import { newContext, openApp, pickOption } from './page-helpers.js';

const app = useServedApp();

const FIRST = { usage: 24, accesses: 1099645845504 };
const LAST = { usage: 134250504, accesses: 402653184 };

function near(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 * Math.abs(expected));
}

async function points(page: Page, curve: string): Promise<{ usage: number; accesses: number; index: number }[]> {
  const rows = await page.locator(`[data-testid="ski-point"][data-curve="${curve}"]`).evaluateAll((nodes) =>
    nodes.map((n) => ({ usage: Number(n.getAttribute('data-usage')), accesses: Number(n.getAttribute('data-accesses')), index: Number(n.getAttribute('data-index')) })),
  );
  return rows.sort((a, b) => a.usage - b.usage);
}

async function cleanCheck(page: Page): Promise<void> {
  await page.locator('[data-testid="error-list"][data-fresh="true"][data-count="0"]').waitFor({ timeout: 30_000 });
}

/** Maps Eyeriss with M rows (KN 64) and waits for a result other than `before`'s energy. */
async function mapEyeriss(page: Page, rows: string, before: string | null): Promise<string> {
  await page.locator('input[name="M"]').fill(rows);
  await page.locator('input[name="KN"]').fill('64');
  await cleanCheck(page);
  await page.getByTestId('run-mapper').click();
  const fresh = before === null ? '[data-total]' : `[data-total]:not([data-total="${before}"])`;
  await page.locator(`[data-testid="energy-breakdown"]${fresh}`).waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="progress"][data-status="idle"]').waitFor();
  return (await page.getByTestId('energy-breakdown').getAttribute('data-total')) ?? '';
}

/** simple + 2 matmuls 64³ + the unfused mapping, evaluated. */
async function evaluateSimpleUnfused(page: Page): Promise<void> {
  await openApp(page, app.server.url);
  await page.locator('input[name="M"]').fill('64');
  await page.locator('input[name="KN"]').fill('64');
  await pickOption(page, 'example-mapping', /matmuls, unfused/i);
  await cleanCheck(page);
  await page.getByTestId('run-evaluate').click();
  await page.locator('[data-testid="energy-breakdown"][data-total]').waitFor();
}

describe('analysis views', () => {
  it('draws the Snowcat 4096³ ski slope, fused and unfused, and opens a point', async () => {
    const context = await newContext(app);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await openApp(page, app.server.url);
    await page.getByTestId('analysis-tab-ski-slope').click();
    await page.getByTestId('ski-preset-snowcat').click();
    await page.locator('[data-testid="ski-slope"][data-status="done"]').waitFor({ timeout: 60_000 });
    const card = page.getByTestId('ski-slope');
    expect(await card.getAttribute('data-memory')).toBe('GlobalBuffer');
    expect(await card.getAttribute('data-fused-points')).toBe('36');
    const fused = await points(page, 'fused');
    expect(fused).toHaveLength(36);
    near(fused[0]!.usage, FIRST.usage);
    near(fused[0]!.accesses, FIRST.accesses);
    near(fused[35]!.usage, LAST.usage);
    near(fused[35]!.accesses, LAST.accesses);
    const unfused = await points(page, 'unfused');
    expect(unfused.length).toBeGreaterThan(0);
    // One matmul has nothing to fuse: the unfused curve ends where the fused one does.
    near(unfused[unfused.length - 1]!.accesses, LAST.accesses);
    // Both step lines are drawn, each with a run-off past its last corner.
    expect(await card.locator('.recharts-line-curve').count()).toBe(2);
    expect(await page.getByTestId('ski-status').innerText()).toContain('fused: 36 points');

    await page.mouse.move(0, 400);
    await card.screenshot({ path: '/tmp/accelforge-analysis-ski-slope.png' });

    const corner = page.locator('[data-testid="ski-point"][data-curve="fused"]').first();
    const index = await corner.getAttribute('data-index');
    await corner.click({ force: true });
    await page.locator(`[data-testid="looptree"][data-point="${index}"]`).waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="energy-breakdown"][data-total]').waitFor({ timeout: 30_000 });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('places one roofline point per Einsum', async () => {
    const context = await newContext(app);
    const page = await context.newPage();
    await evaluateSimpleUnfused(page);
    await page.getByTestId('analysis-tab-roofline').click();
    const roofline = page.getByTestId('roofline');
    await page.locator('[data-testid="roofline"][data-points="2"]').waitFor();
    const einsums = await page.getByTestId('roofline-point').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-einsum')));
    expect(einsums.sort()).toEqual(['Matmul0', 'Matmul1']);
    // Each Einsum: 262144 MACs; MainMemory reads T and W and writes the output, 32768 actions each; 262144 cycles.
    const intensity = await page.getByTestId('roofline-point').first().getAttribute('data-intensity');
    near(Number(intensity), 262144 / 98304);
    expect(Number(await page.getByTestId('roofline-point').first().getAttribute('data-performance'))).toBe(1);
    expect(await roofline.getAttribute('data-off-chip')).toBe('MainMemory');
    expect(await page.getByTestId('roofline-caption').innerText()).toContain('intensity = computes / MainMemory accesses');
    await page.mouse.move(0, 400);
    await roofline.screenshot({ path: '/tmp/accelforge-analysis-roofline.png' });
    await context.close();
  });

  it('breaks area and leak down per component, summing to the evaluation total', async () => {
    const context = await newContext(app);
    const page = await context.newPage();
    await openApp(page, app.server.url);
    await pickOption(page, 'example-arch', /eyeriss/i);
    await mapEyeriss(page, '64', null);
    await page.getByTestId('analysis-tab-area').click();
    const area = page.getByTestId('area-breakdown');
    await area.locator('[data-testid="area-bars-bar"]').first().waitFor({ state: 'attached' });
    const total = Number(await area.getAttribute('data-evaluation-area'));
    expect(total).toBeGreaterThan(0);
    const bars = await area.locator('[data-testid="area-bars-bar"]').evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-value'))));
    expect(Number(await area.getAttribute('data-bars'))).toBe(bars.length);
    expect(bars.length).toBeGreaterThanOrEqual(3);
    near(bars.reduce((a, b) => a + b, 0), total);
    near(Number(await area.getAttribute('data-total')), total);
    expect(await area.locator('[data-testid="leak-bars-bar"]').count()).toBe(bars.length);
    await page.mouse.move(0, 400);
    await area.screenshot({ path: '/tmp/accelforge-analysis-area.png' });
    await context.close();
  });

  it('pins two designs and compares their energy, latency and area', async () => {
    const context = await newContext(app);
    const page = await context.newPage();
    await openApp(page, app.server.url);
    await pickOption(page, 'example-arch', /eyeriss/i);
    const first = await mapEyeriss(page, '64', null);
    await page.getByTestId('pin-result').click();
    const second = await mapEyeriss(page, '32', first);
    await page.getByTestId('pin-result').click();
    await page.getByTestId('analysis-tab-compare').click();
    await page.locator('[data-testid="compare"][data-pins="2"]').waitFor();
    const values: Record<string, number[]> = {};
    for (const metric of ['energy', 'latency', 'area']) {
      expect(await page.locator(`[data-testid="compare-${metric}"]`).getAttribute('data-bars')).toBe('2');
      values[metric] = await page.locator(`[data-testid="compare-${metric}-bar"]`).evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-value'))));
      expect(values[metric], metric).toHaveLength(2);
    }
    near(values['energy']![0]!, Number(first));
    near(values['energy']![1]!, Number(second));
    // Half the rows: less work, same arch.
    expect(values['energy']![1]).toBeLessThan(values['energy']![0]!);
    expect(values['area']![0]).toBeGreaterThan(0);
    expect(values['area']![1]).toBe(values['area']![0]);
    expect(await page.getByTestId('pin').count()).toBe(2);
    await page.mouse.move(0, 400);
    await page.getByTestId('compare').screenshot({ path: '/tmp/accelforge-analysis-compare.png' });
    await context.close();
  });
});
