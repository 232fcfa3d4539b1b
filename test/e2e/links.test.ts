/**
 * Links never destroy work: unsaved work survives opening a link (restored byte for byte from
 * Recent), a link that would expand to 100 MB is refused, a link's time limit is capped, and a
 * link to a mapper point never starts the mapper by itself.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../src/engine/results/engine-version.js';
import { decodeShareFragment, encodeShareFragment } from '../../src/ui/share/codec.js';
import { LOCAL_KEY } from '../../src/ui/store/local-save.js';
import { LINK_SHOWN_NOTICE } from '../../src/ui/store/sync.js';
import { repeatedCharBomb } from '../share/lz-bomb.js';
import { useServedApp } from './browser.js';
import { editorText, newContext, openApp } from './page-helpers.js';

const app = useServedApp();

const SPEC = ['arches/simple.yaml', 'workloads/basic/matmuls.yaml'];
/** Typed into the editor and never saved anywhere but the autosave: trailing spaces and unicode included. */
const WORK = '# unsaved work ✓ äöü  \n';

interface Autosaved {
  files: Record<string, string>;
  specFiles: string[];
  variables: Record<string, unknown>;
}

function autosaved(page: Page): Promise<Autosaved> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}') as Autosaved, LOCAL_KEY);
}

async function typeUnsavedWork(page: Page): Promise<void> {
  await page.locator('[data-testid="spec-editor"] .view-lines').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type(WORK);
  await page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('unsaved work'), LOCAL_KEY);
}

async function restoreNewestRecent(page: Page): Promise<void> {
  await page.locator('[data-testid="recent-designs"] summary').click();
  await page.getByTestId('recent-design').first().click();
}

const noticeShown = (page: Page, text: string) => page.locator('.notice', { hasText: text }).waitFor();

describe('links never destroy work', () => {
  it('opening a link next to unsaved work keeps it in Recent; one click restores it byte for byte', async () => {
    const context = await newContext(app);
    const page = await context.newPage();
    await openApp(page, app.server.url);
    await typeUnsavedWork(page);
    const before = await autosaved(page);
    expect(before.files['arches/simple.yaml']?.startsWith(WORK)).toBe(true);

    // A link pasted into the address bar of the open tab (only the fragment changes).
    await page.goto(app.server.url + encodeShareFragment({ v: 1, specFiles: SPEC, variables: { M: 8 } }));
    await noticeShown(page, LINK_SHOWN_NOTICE);
    await expect.poll(() => editorText(page)).toMatch(/^# A minimal three-level machine/);
    expect(await page.locator('[data-testid="recent-designs"] summary').innerText()).toBe('Recent (1)');
    await page.screenshot({ path: '/tmp/accelforge-link-over-work-1280x800.png' });
    await restoreNewestRecent(page);
    await expect.poll(() => editorText(page)).toMatch(/^# unsaved work ✓ äöü {2}\n# A minimal/);
    await expect.poll(async () => (await autosaved(page)).files['arches/simple.yaml']).toBe(before.files['arches/simple.yaml']);
    const restored = await autosaved(page);
    expect([restored.specFiles, restored.variables]).toEqual([before.specFiles, before.variables]);

    // A link opened in a fresh tab of the same browser (the page loads; the autosave holds the work).
    const other = await context.newPage();
    await openApp(other, app.server.url + encodeShareFragment({ v: 1, specFiles: SPEC, variables: { M: 16 } }));
    await noticeShown(other, LINK_SHOWN_NOTICE);
    await expect.poll(() => editorText(other)).toMatch(/^# A minimal three-level machine/);
    await restoreNewestRecent(other);
    await expect.poll(() => editorText(other)).toMatch(/^# unsaved work ✓ äöü {2}\n# A minimal/);
    await expect.poll(async () => (await autosaved(other)).files['arches/simple.yaml']).toBe(before.files['arches/simple.yaml']);
    await context.close();
  });

  it('refuses a 30 KB link that would expand to 100 MB, with a clear message, and keeps the open design', async () => {
    const bomb = repeatedCharBomb(14_200);
    expect(bomb.length).toBeGreaterThan(100_000_000);
    const context = await newContext(app);
    const page = await context.newPage();
    await openApp(page, app.server.url);
    await typeUnsavedWork(page);
    await page.goto(`${app.server.url}#s=${bomb.body}`);
    await noticeShown(page, 'The link was not loaded: The share link expands to more than 4 million characters');
    expect(await editorText(page)).toMatch(/^# unsaved work/);
    await context.close();
  });

  it("caps a link's mapper time limit at 60 s and says so", async () => {
    const context = await newContext(app);
    const page = await context.newPage();
    await openApp(page, app.server.url + encodeShareFragment({ v: 1, specFiles: SPEC, mapper: { timeLimitSeconds: 7200 } }));
    await noticeShown(page, 'The link asked for a mapper time limit of 7,200 s; it is set to 60 s.');
    await page.getByRole('tab', { name: /mapper settings/ }).click();
    expect(await page.getByLabel('Time limit (s)').inputValue()).toBe('60');
    await context.close();
  });

  it('a link to a mapper point offers the run and never starts the mapper by itself', async () => {
    const author = await newContext(app);
    const page = await author.newPage();
    await openApp(page, app.server.url);
    await page.locator('[data-testid="error-list"][data-fresh="true"][data-count="0"]').waitFor();
    await page.getByTestId('run-mode').selectOption('unfused');
    await page.getByTestId('run-mapper').click();
    await page.locator('[data-testid="progress"][data-status="idle"] [data-testid="progress-summary"]').waitFor({ timeout: 60_000 });
    const points = page.locator('[data-testid="pareto-point"][data-provisional="false"]');
    const last = (await points.count()) - 1;
    await points.nth(last).click();
    await page.locator(`[data-testid="looptree"][data-point="${last}"]`).waitFor();
    const energy = Number(await points.nth(last).getAttribute('data-energy'));
    await page.getByTestId('copy-link').click();
    const link = await page.getByTestId('copied-link').inputValue();
    await author.close();

    const reader = await newContext(app);
    const fresh = await reader.newPage();
    await openApp(fresh, link);
    await fresh.getByTestId('link-run-offer').waitFor();
    await fresh.locator('[data-testid="error-list"][data-fresh="true"]').waitFor();
    // Time for a run to have started if the link could start one.
    await fresh.waitForTimeout(1_500);
    expect(await fresh.getByTestId('progress').getAttribute('data-status')).toBe('idle');
    expect(await fresh.getByTestId('pareto-point').count()).toBe(0);
    expect(await fresh.getByTestId('run-link-mapper').innerText()).toBe(`Run mapper to reopen point ${last + 1}`);
    await fresh.getByTestId('run-link-mapper').click();
    await fresh.locator(`[data-testid="looptree"][data-point="${last}"]`).waitFor({ timeout: 60_000 });
    await fresh.locator('[data-testid="energy-breakdown"][data-total]').waitFor();
    expect(Number(await fresh.getByTestId('energy-breakdown').getAttribute('data-total')) / energy).toBeCloseTo(1, 9);
    expect(await fresh.getByTestId('link-run-offer').count()).toBe(0);
    await reader.close();

    // The same link as an engine whose mapper found other mappings would leave it: the point's key
    // is on no point of the new front, so the page says so and shows the nearest point (the same figures).
    const decoded = decodeShareFragment(new URL(link).hash);
    if (!decoded.ok) throw new Error(decoded.message);
    const point = decoded.payload.view?.point;
    expect(point?.key).toMatch(/^[0-9a-f]{16}$/);
    expect(point?.energy).toBe(energy);
    expect(decoded.payload.engine).toBe(ENGINE_VERSION);
    const moved = { ...decoded.payload, engine: '0.0.1', view: { ...decoded.payload.view, point: { ...point!, key: '00000000deadbeef' } } };
    const other = await newContext(app);
    const late = await other.newPage();
    await openApp(late, app.server.url + encodeShareFragment(moved));
    await late.getByTestId('run-link-mapper').click();
    await noticeShown(late, `The link's point ${last + 1} (`);
    const notice = await late.locator('.notice', { hasText: "The link's point" }).innerText();
    expect(notice).toContain('no point has its mapping (key 00000000deadbeef)');
    expect(notice).toContain(`The link was made with engine 0.0.1; this page runs ${ENGINE_VERSION}`);
    expect(notice).toContain(`Showing the nearest point instead: point ${last + 1} (`);
    await late.locator(`[data-testid="looptree"][data-point="${last}"]`).waitFor({ timeout: 60_000 });
    await other.close();
  });
});
