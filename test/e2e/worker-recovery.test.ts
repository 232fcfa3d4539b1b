/**
 * Every worker call can end: an engine worker that never answers (here: its script replaced by one
 * that ignores every message, like a worker stuck in a loop or gone without an error event) is
 * detected by the check's time limit, replaced, the user is told, and the next edit checks again.
 */
import { describe, expect, it } from 'vitest';
import { CALL_LIMITS_MS } from '../../src/worker/client.js';
import { useServedApp } from './browser.js';
import { newContext, openApp } from './page-helpers.js';

const app = useServedApp();

describe('engine worker recovery', () => {
  it('ends a check the worker never answers, replaces the worker, and checks again on the next edit', async () => {
    const context = await newContext(app);
    let served = 0;
    await context.route(/\/assets\/engine\.worker-[^/]*\.js$/, async (route) => {
      served++;
      if (served === 1) await route.fulfill({ contentType: 'text/javascript', body: '// This engine worker never answers.\n' });
      else await route.continue();
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await openApp(page, app.server.url);
    await page.locator('[data-testid="error-list"][data-fresh="false"]').waitFor();
    const limit = CALL_LIMITS_MS.check ?? 0;
    await page.locator('[data-testid="error-list"][data-stalled="true"]').waitFor({ timeout: limit + 15_000 });
    expect(await page.getByTestId('error-list').innerText()).toContain(
      `The engine did not answer a spec check within ${limit / 1000} s and was restarted. Checking resumes with your next edit.`,
    );
    expect(await page.getByTestId('error-list').innerText()).toContain('Not checked: the engine did not finish checking this text.');
    await page.screenshot({ path: '/tmp/accelforge-worker-recovery-1280x800.png' });
    expect(served).toBe(1);

    // The default design sets M to 64; any other value is an edit.
    await page.locator('input[name="M"]').fill('32');
    await page.locator('[data-testid="error-list"][data-fresh="true"][data-count="0"]').waitFor();
    expect(served).toBe(2);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
