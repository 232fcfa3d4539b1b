/**
 * Evaluate in a real browser: simple arch + matmuls (2 × 64³, the gallery preset) + the unfused
 * mapping. Expected numbers come from
 * `npm run cli -- evaluate src/examples/{arches/simple,workloads/basic/matmuls,mappings/unfused_matmuls_to_simple}.yaml
 *  --set N_EINSUMS=2 --set KN=64 --set M=64 --json` → energy 17629184, latency 524288.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useServedApp } from './browser.js';
import { newContext, openApp } from './page-helpers.js';

const EXPECTED_ENERGY = 17629184;
const EXPECTED_LATENCY = 524288;

const app = useServedApp();



async function pickUnfusedMapping(page: Page): Promise<void> {
  const options = await page.getByTestId('example-mapping').locator('option').evaluateAll((nodes) =>
    nodes.map((n) => ({ value: (n as HTMLOptionElement).value, label: n.textContent ?? '' })),
  );
  const unfused = options.find((o) => /matmuls, unfused/i.test(o.label));
  if (unfused === undefined) throw new Error('the gallery has no unfused matmuls mapping');
  await page.getByTestId('example-mapping').selectOption({ value: unfused.value });
  await page.locator('[data-testid="error-list"][data-fresh="true"][data-count="0"]').waitFor();
}

async function evaluate(page: Page): Promise<void> {
  await page.getByTestId('run-evaluate').click();
  await page.locator('[data-testid="energy-breakdown"][data-total]').waitFor();
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describe('evaluate results', () => {
  it('evaluates the unfused matmuls mapping and shows its energy, latency, point and LoopTree', async () => {
    const context = await newContext(app, { acceptDownloads: true });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await openApp(page, app.server.url);
    await pickUnfusedMapping(page);
    await evaluate(page);
    const energy = page.getByTestId('energy-breakdown');
    expect(Number(await energy.getAttribute('data-total'))).toBe(EXPECTED_ENERGY);
    expect(await page.getByTestId('energy-total').innerText()).toBe('Total 17.63 MJ');
    // Bars: MainMemory, GlobalBuffer and MAC, stacked by the six tensors (MAC has none).
    expect(await energy.getAttribute('data-bars')).toBe('3');
    expect(await energy.locator('.recharts-bar-rectangle path').count()).toBeGreaterThanOrEqual(7);
    expect(Number(await page.getByTestId('latency-breakdown').getAttribute('data-total'))).toBe(EXPECTED_LATENCY);
    expect(await page.getByTestId('einsum-table').innerText()).toContain('Matmul1');

    const points = page.getByTestId('pareto-point');
    expect(await points.count()).toBe(1);
    expect(Number(await points.first().getAttribute('data-energy'))).toBe(EXPECTED_ENERGY);
    await points.first().click();
    await page.locator('[data-testid="pareto-point"][data-selected="true"]').waitFor();
    const tree = page.getByTestId('looptree');
    expect(await tree.getAttribute('data-point')).toBe('0');
    const kinds = await tree.getByTestId('looptree-node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-kind')));
    expect(kinds.filter((k) => k === 'compute')).toHaveLength(2);
    expect(kinds).toContain('storage');
    expect(kinds).toContain('temporal');
    expect(kinds).toContain('sequential');
    // One colour per tensor: T1 is drawn the same in both Einsums' GlobalBuffer nodes.
    const t1 = await tree.locator('[data-tensor="T1"]').evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).style.background));
    expect(t1.length).toBeGreaterThanOrEqual(2);
    expect(new Set(t1).size).toBe(1);
    await page.mouse.move(0, 400); // close the chart tooltip so the screenshot shows the selected point
    await page.screenshot({ path: '/tmp/accelforge-results-1280x800.png' });
    expect(await page.getByTestId('results-stale').count()).toBe(0);
    await page.locator('input[name="M"]').fill('32');
    await page.getByTestId('results-stale').waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('downloads the mapping as YAML, results as CSV and JSON, and charts as SVG and PNG', async () => {
    const context = await newContext(app, { acceptDownloads: true });
    const page = await context.newPage();
    await openApp(page, app.server.url);
    await pickUnfusedMapping(page);
    await evaluate(page);
    const yaml = await download(page, () => page.getByTestId('download-mapping').click());
    expect(yaml.name).toBe('mapping.yaml');
    expect(yaml.bytes.toString()).toMatch(/^mapping:\n/);
    expect(yaml.bytes.toString()).toContain('!Compute {einsum: Matmul1, component: MAC}');
    const csv = (await download(page, () => page.getByTestId('download-csv').click())).bytes.toString().split('\n');
    expect(csv[0]).toBe('einsum,component,tensor,action,count,energy_J');
    expect(csv).toContain('Matmul0,MAC,,compute,262144,262144');
    const json = JSON.parse((await download(page, () => page.getByTestId('download-json').click())).bytes.toString()) as { totals: { energy: number } };
    expect(json.totals.energy).toBe(EXPECTED_ENERGY);
    const chart = page.getByTestId('energy-breakdown');
    const svg = await download(page, () => chart.getByRole('button', { name: 'SVG' }).click());
    expect(svg.name).toBe('energy-breakdown.svg');
    expect(svg.bytes.toString()).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.bytes.toString()).toContain('GlobalBuffer');
    const png = await download(page, () => chart.getByRole('button', { name: 'PNG' }).click());
    expect(png.name).toBe('energy-breakdown.png');
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    await context.close();
  });

  it('restores the selected point from a copied link in a fresh context', async () => {
    const author = await newContext(app, { acceptDownloads: true });
    const page = await author.newPage();
    await openApp(page, app.server.url);
    await pickUnfusedMapping(page);
    await evaluate(page);
    await page.getByTestId('stack-by').selectOption('action');
    await page.getByTestId('pareto-point').first().click();
    await page.locator('[data-testid="pareto-point"][data-selected="true"]').waitFor();
    await page.getByTestId('copy-link').click();
    const link = await page.getByTestId('copied-link').inputValue();
    await author.close();

    const reader = await newContext(app, { acceptDownloads: true });
    const fresh = await reader.newPage();
    await openApp(fresh, link);
    await fresh.locator('[data-testid="pareto-point"][data-selected="true"]').waitFor();
    expect(Number(await fresh.getByTestId('energy-breakdown').getAttribute('data-total'))).toBe(EXPECTED_ENERGY);
    expect(await fresh.getByTestId('stack-by').inputValue()).toBe('action');
    expect(await fresh.getByTestId('looptree').getAttribute('data-point')).toBe('0');
    await reader.close();
  });

  it('explains a spec without a mapping in the results area', async () => {
    const context = await newContext(app, { acceptDownloads: true });
    const page = await context.newPage();
    await openApp(page, app.server.url);
    await page.locator('[data-testid="error-list"][data-fresh="true"]').waitFor();
    await page.getByTestId('run-evaluate').click();
    await page.locator('[data-testid="energy-breakdown"][data-message="true"]').waitFor();
    expect(await page.getByTestId('energy-breakdown').innerText()).toContain(
      'This spec has no mapping: add a mapping: section or use Find mappings',
    );
    expect(await page.getByTestId('pareto-point').count()).toBe(0);
    await context.close();
  });

  it('lists an evaluation error without breaking the page', async () => {
    const context = await newContext(app, { acceptDownloads: true });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await openApp(page, app.server.url);
    await pickUnfusedMapping(page);
    // The mapping computes an Einsum the workload lacks: the spec loads, the model rejects it.
    await page.locator('.drop-target').evaluate((target) => {
      const data = new DataTransfer();
      const text = 'mapping:\n  nodes:\n  - !Storage {tensors: [T0], component: MainMemory}\n  - !Compute {einsum: Nope, component: MAC}\n';
      data.items.add(new File([text], 'bad.yaml', { type: 'application/yaml' }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.getByRole('tab', { name: 'mapping · bad.yaml' }).waitFor();
    await page.getByTestId('run-evaluate').click();
    await page.locator('[data-testid="progress"][data-status="failed"]').waitFor();
    await expect.poll(() => page.getByTestId('error-list').innerText()).toContain("Einsum 'Nope'");
    await expect.poll(() => page.getByTestId('energy-breakdown').innerText()).toContain('see Problems');
    await page.locator('[data-testid="spec-editor"] .squiggly-error').first().waitFor();
    await page.getByTestId('example-arch').waitFor();
    await context.close();
    expect(pageErrors).toEqual([]);
  });
});
