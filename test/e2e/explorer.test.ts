/** The explorer shell in a real browser: editor loads, edits survive reloads, links reproduce specs. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useServedApp } from './browser.js';
import { drawnEditorText, editorText, newContext, openApp, optionValue } from './page-helpers.js';

const TEST_IDS = [
  'spec-editor',
  'example-arch',
  'example-workload',
  'example-mapping',
  'run-evaluate',
  'run-mapper',
  'cancel',
  'progress',
  'pareto-chart',
  'energy-breakdown',
  'latency-breakdown',
  'looptree',
  'copy-link',
  'error-list',
  'import-timeloop',
];

const app = useServedApp();



async function selectedLabel(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).locator('option:checked').innerText();
}


async function typeAtTop(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid="spec-editor"] .view-lines').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type(text);
}

describe('explorer shell', () => {
  it('loads the built app with the editor, the example gallery and every panel', async () => {
    const context = await newContext(app);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await openApp(page, app.server.url);
    for (const id of TEST_IDS) expect(await page.getByTestId(id).count(), id).toBe(1);
    expect(await selectedLabel(page, 'example-arch')).toMatch(/simple/i);
    await expect.poll(() => editorText(page)).toContain('A minimal three-level machine');
    await page.locator('[data-testid="error-list"][data-fresh="true"]').waitFor();
    expect(await page.getByTestId('pareto-point').count()).toBe(0);
    expect(await page.getByTestId('pareto-chart').innerText()).toContain('No results yet');
    await page.screenshot({ path: '/tmp/accelforge-explorer-1280x800.png' });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('keeps an edit across a reload', async () => {
    const context = await newContext(app);
    const page = await context.newPage();
    await openApp(page, app.server.url);
    await typeAtTop(page, '# kept-after-reload\n');
    await page.waitForFunction(() => (localStorage.getItem('accelforge-web:state:v1') ?? '').includes('kept-after-reload'));
    await page.reload();
    await page.locator('[data-testid="spec-editor"][data-status="ready"] .monaco-editor').waitFor();
    await expect.poll(() => editorText(page)).toContain('# kept-after-reload');
    await context.close();
  });

  it('reproduces the spec text from a copied link in a fresh browser context', async () => {
    const author = await newContext(app);
    const page = await author.newPage();
    await openApp(page, app.server.url);
    await page.getByTestId('example-workload').selectOption({ value: await optionValue(page, 'example-workload', /matvec/i) });
    await typeAtTop(page, '# shared-by-link\n');
    // Monaco renders typed lines a frame later; wait until the new line stands on its own.
    await expect.poll(() => editorText(page)).toMatch(/^# shared-by-link\n/);
    const authored = await drawnEditorText(page);
    await page.getByTestId('copy-link').click();
    const link = await page.getByTestId('copied-link').inputValue();
    expect(link.startsWith(`${app.server.url}#s=`)).toBe(true);
    await author.close();

    const reader = await newContext(app);
    const fresh = await reader.newPage();
    await openApp(fresh, link);
    await expect.poll(() => editorText(fresh)).toBe(authored);
    expect(await selectedLabel(fresh, 'example-workload')).toMatch(/matvec/i);
    await reader.close();
  });

  it('marks a spec error in the editor and lists it, ~300 ms after the edit', async () => {
    const context = await newContext(app);
    const page = await context.newPage();
    await openApp(page, app.server.url);
    await page.locator('[data-testid="error-list"][data-fresh="true"][data-count="0"]').waitFor();
    await page.locator('input[name="N_EINSUMS"]').fill('');
    await page.locator('[data-testid="error-list"][data-fresh="true"]:not([data-count="0"])').waitFor();
    expect(await page.getByTestId('error-list').innerText()).toContain('N_EINSUMS');
    await page.getByRole('tab', { name: /matmuls/ }).click();
    await page.locator('[data-testid="spec-editor"] .squiggly-error').first().waitFor();
    await page.getByTestId('error-list').locator('.error-where').first().click();
    await page.screenshot({ path: '/tmp/accelforge-explorer-error-1280x800.png' });
    await context.close();
  });

  it('loads a dropped YAML file in place of the spec file with the same role', async () => {
    const context = await newContext(app);
    const page = await context.newPage();
    await openApp(page, app.server.url);
    await page.locator('.drop-target').evaluate((target) => {
      const data = new DataTransfer();
      data.items.add(new File(['# dropped-arch-file\narch:\n  nodes: []\n'], 'mine.yaml', { type: 'application/yaml' }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.getByRole('tab', { name: 'arch · mine.yaml' }).waitFor();
    await page.locator('[data-testid="spec-editor"] .view-line', { hasText: 'dropped-arch-file' }).waitFor();
    expect(await page.getByRole('tab', { name: /simple\.yaml/ }).count()).toBe(0);
    await context.close();
  });
});

describe('built bundle', () => {
  it('ships the engine in its own worker chunk, not in the page bundle', () => {
    const assets = readdirSync(join(inject('distDir'), 'assets'));
    const worker = assets.find((a) => /^engine\.worker-.*\.js$/.test(a));
    expect(worker).toBeDefined();
    const pages = assets.filter((a) => /^index-.*\.js$/.test(a));
    expect(pages).toHaveLength(1);
    const page = readFileSync(join(inject('distDir'), 'assets', pages[0] ?? ''), 'utf8');
    // The Jinja renderer's undefined-variable message lives in the engine only.
    expect(page).not.toContain("Jinja variable '");
  });
});
