/**
 * Editor help and Timeloop import in a real browser. Set E2E_SCREENSHOTS=<dir> to keep 1280×800
 * screenshots of both features.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useServedApp } from './browser.js';

const TUTORIAL = join(
  import.meta.dirname,
  '../fixtures/timeloop/v4-2ffec69/workspace/tutorial_exercises/01_accelergy_timeloop_2020_ispass/timeloop/01-model-conv1d-2level',
);
const TIMELOOP_FILES = ['arch/2level.arch.yaml', 'prob/conv1d.prob.yaml', 'map/conv1d-2level-os.map.yaml'].map((p) => join(TUTORIAL, p));
/** `npm run cli` on the converted tutorial spec: 3.029220301459692e-10 J for 48 MACs (MACs do not leak, as in Timeloop). */
const TUTORIAL_ENERGY = 3.029220301459692e-10;

const app = useServedApp();

async function openApp(): Promise<{ page: Page; pageErrors: string[] }> {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(app.server.url);
  await page.locator('[data-testid="spec-editor"][data-status="ready"] .monaco-editor').waitFor();
  return { page, pageErrors };
}

async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env['E2E_SCREENSHOTS'];
  if (dir) await page.screenshot({ path: join(dir, name) });
}

/** Puts the cursor at the end of the first editor line containing `text`. */
async function cursorAfter(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid="spec-editor"] .view-line', { hasText: text }).first().click();
  await page.keyboard.press('End');
}

async function suggestions(page: Page): Promise<string[]> {
  const rows = page.locator('.suggest-widget .monaco-list-row');
  await rows.first().waitFor();
  return rows.evaluateAll((nodes) => nodes.map((n) => (n.getAttribute('aria-label') ?? n.textContent ?? '').trim()));
}

describe('editor help', () => {
  it('completes field names and component classes inside a !Memory node, and hovers field descriptions', async () => {
    const { page, pageErrors } = await openApp();
    await page.locator('[data-testid="error-list"][data-fresh="true"]').waitFor();
    await cursorAfter(page, 'name: GlobalBuffer');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Space');
    await expect.poll(async () => (await suggestions(page)).some((label) => label.startsWith('component_class'))).toBe(true);
    expect((await suggestions(page)).some((label) => label.startsWith('name'))).toBe(false);
    await page.keyboard.press('Escape');

    await page.keyboard.type('component_class: Sm');
    await page.keyboard.press('Control+Space');
    await expect.poll(async () => (await suggestions(page)).some((l) => l.startsWith('SmartBufferSRAM'))).toBe(true);
    await screenshot(page, 'editor-completion.png');
    await page.keyboard.press('Escape');

    await page.locator('[data-testid="spec-editor"] .view-line span', { hasText: /^size$/ }).first().hover();
    const hover = page.locator('.monaco-hover', { hasText: 'Capacity in bits' });
    await hover.waitFor();
    await screenshot(page, 'editor-hover.png');
    expect(pageErrors).toEqual([]);
  });
});

describe('Timeloop import', () => {
  it('converts picked Timeloop files, shows the report and the spec, and evaluates it', async () => {
    const { page, pageErrors } = await openApp();
    await page.getByTestId('import-timeloop-input').setInputFiles(TIMELOOP_FILES);
    const report = page.getByTestId('timeloop-report');
    await report.waitFor();
    const reportText = await report.innerText();
    expect(reportText).toContain('2level.arch.yaml:20:5');
    expect(reportText).toContain('component class regfile (Buffer)');
    // The regfile model, the MainMemory vector rounding, the Buffer drain reads, the energy source.
    expect(reportText).toContain('Approximated (4)');
    expect(reportText).toContain('expected difference: Buffer reads of Output');
    await page.locator('[data-testid="spec-editor"] .view-line', { hasText: 'Converted from Timeloop (v0.4)' }).waitFor();
    await page.locator('[data-testid="spec-editor"] .view-line', { hasText: 'name: MainMemory' }).waitFor();
    expect(await page.locator('[aria-label="Spec files"] .tab.active').innerText()).toContain('converted.yaml');
    await page.locator('[data-testid="error-list"][data-fresh="true"][data-count="0"]').waitFor();

    await page.getByTestId('run-evaluate').click();
    const energy = page.locator('[data-testid="energy-breakdown"][data-total]');
    await energy.waitFor();
    expect(Number(await energy.getAttribute('data-total')) / TUTORIAL_ENERGY).toBeCloseTo(1, 6);
    await screenshot(page, 'timeloop-import.png');
    expect(pageErrors).toEqual([]);
  });

  it('converts dropped Timeloop files together instead of loading them as spec files', async () => {
    const { page, pageErrors } = await openApp();
    const files = TIMELOOP_FILES.map((path) => ({ name: basename(path), text: readFileSync(path, 'utf8') }));
    await page.locator('.drop-target').evaluate((target, dropped) => {
      const data = new DataTransfer();
      for (const file of dropped) data.items.add(new File([file.text], file.name, { type: 'application/yaml' }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, files);
    await page.getByTestId('timeloop-report').waitFor();
    await page.getByRole('tab', { name: 'arch · converted.yaml' }).waitFor();
    expect(await page.getByRole('tab', { name: /2level|conv1d|simple\.yaml/ }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
