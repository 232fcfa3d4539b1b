/** Page steps every browser test repeats: a 1280x800 context, opening the app, picking options by label. */
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ServedApp } from './browser.js';

/** The smallest layout the explorer supports. */
export function newContext(app: ServedApp, options: { acceptDownloads?: boolean } = {}): Promise<BrowserContext> {
  return app.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
}

/** Opens the app (or a link into it) and waits for the editor. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('[data-testid="spec-editor"][data-status="ready"] .monaco-editor').waitFor();
}

/** The value of the first option whose label matches, so tests do not depend on catalogue ids. */
export async function optionValue(page: Page, testId: string, label: RegExp): Promise<string> {
  const options = await page.getByTestId(testId).locator('option').evaluateAll((nodes) =>
    nodes.map((n) => ({ value: (n as HTMLOptionElement).value, label: n.textContent ?? '' })),
  );
  const match = options.find((o) => label.test(o.label));
  if (match === undefined) throw new Error(`no option matching ${label} in ${testId}`);
  return match.value;
}

/** Selects the first option whose label matches. */
export async function pickOption(page: Page, testId: string, label: RegExp): Promise<void> {
  await page.getByTestId(testId).selectOption({ value: await optionValue(page, testId, label) });
}

/** The visible editor text; Monaco reuses line nodes, so order them by their position. */
export async function editorText(page: Page): Promise<string> {
  const lines = await page.locator('[data-testid="spec-editor"] .view-lines .view-line').evaluateAll((nodes) =>
    nodes.map((n) => ({ top: parseFloat((n as HTMLElement).style.top), text: n.textContent ?? '' })),
  );
  return lines
    .sort((a, b) => a.top - b.top)
    .map((l) => l.text.replace(/\u00a0/g, ' '))
    .join('\n');
}

/**
 * The editor text once Monaco has drawn it: some lines, unchanged over two animation frames. Monaco
 * draws an empty or one-line view first and the rest a frame later; use this where the test does not
 * know the text, and `expect.poll(() => editorText(page))` where it does.
 */
export async function drawnEditorText(page: Page): Promise<string> {
  let previous: string | null = null;
  await expect
    .poll(async () => {
      const text = await editorText(page);
      const settled = text !== '' && text === previous;
      previous = text;
      if (!settled) await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      return settled;
    })
    .toBe(true);
  return previous ?? '';
}

/** GPT-3 6.7B decode with a short KV cache: small enough to evaluate fast, fused it maps for tens of seconds. */
export const GPT3_DECODE = { DECODE: 'true', N_NEW_TOKENS: '1', BATCH_SIZE: '1', N_CACHED_TOKENS: '16' };

/** Waits until the spec was checked after the latest edit and has no problems. */
export async function waitForCleanCheck(page: Page): Promise<void> {
  await page.locator('[data-testid="error-list"][data-fresh="true"][data-count="0"]').waitFor({ timeout: 30_000 });
}

/** Opens the app at `url` on TPU v4i with the GPT-3 6.7B decode workload and waits for a clean check. */
export async function openGpt3Decode(page: Page, url: string): Promise<void> {
  await openApp(page, url);
  await pickOption(page, 'example-arch', /TPU v4i/);
  await pickOption(page, 'example-workload', /GPT-3 6\.7B/);
  for (const [name, value] of Object.entries(GPT3_DECODE)) await page.locator(`input[name="${name}"]`).fill(value);
  await waitForCleanCheck(page);
}
