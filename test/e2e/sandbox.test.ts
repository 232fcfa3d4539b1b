/**
 * The page as a sandbox: the built page carries a CSP without eval, the app works under it with no
 * violation, and a link carrying a template escape makes no request and runs nothing, and the user
 * sees a clear error.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encodeShareFragment } from '../../src/ui/share/codec.js';
import { useServedApp } from './browser.js';
import { newContext, openApp, pickOption } from './page-helpers.js';

const app = useServedApp();

/** Parses the built page's CSP meta tag into directive → sources. */
function builtPolicy(): Map<string, string[]> {
  const html = readFileSync(join(inject('distDir'), 'index.html'), 'utf8');
  const content = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  if (content === undefined) throw new Error('the built index.html has no CSP meta tag');
  return new Map(content.split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name ?? '', sources]));
}

/** A server on another port that counts every request: an escape's cross-origin fetch would land here. */
let probe: Server;
let probeHits: string[] = [];
let probeUrl = '';
beforeAll(async () => {
  probe = createServer((req, res) => {
    probeHits.push(req.url ?? '');
    res.writeHead(204, { 'access-control-allow-origin': '*' }).end();
  });
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const address = probe.address();
  probeUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
});
afterAll(() => new Promise<void>((done) => probe.close(() => done())));

/** Records CSP violations and CSP console errors from the page and from every worker it starts. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const record = (text: string) => {
    if (/Content Security Policy|CSP violation|unsafe-eval/i.test(text)) seen.push(text);
  };
  page.on('console', (m) => record(m.text()));
  page.on('worker', (w) => w.on('console', (m) => record(m.text())));
  return seen;
}

/** Each shape reaches JavaScript's Function in a Jinja engine with host objects; each must end in an error. */
function escapeShapes(probeBase: string): Record<string, string> {
  const js = (tag: string) => `self.__escaped = '${tag}'; fetch('${probeBase}/${tag}'); fetch('/escape-${tag}')`;
  return {
    range: `{% set x = range.constructor("${js('range')}")() %}`,
    cycler: `{{ cycler.constructor("${js('cycler')}")() }}`,
    joiner: `{{ joiner.constructor.constructor("${js('joiner')}")() }}`,
    string: `{{ ''.constructor.constructor("${js('string')}")() }}`,
    list: `{{ [].constructor.constructor("${js('list')}")() }}`,
    number: `{{ (1).constructor.constructor("${js('number')}")() }}`,
    dict: `{{ {}.constructor.constructor("${js('dict')}")() }}`,
    proto: `{{ range.__proto__.constructor("${js('proto')}")() }}`,
    lookup: `{{ range['constr' ~ 'uctor']("${js('lookup')}")() }}`,
    macro: `{% macro m() %}{% endmacro %}{{ m.constructor("${js('macro')}")() }}`,
  };
}

describe('the page as a sandbox', () => {
  it('ships a Content-Security-Policy without eval: scripts, workers and requests from this origin only', () => {
    const policy = builtPolicy();
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('font-src')).toEqual(["'self'"]);
    // Images only from here, inline, or made by the page itself (a chart's PNG export draws a blob: SVG).
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('checks, evaluates and shows editor hints under the policy with no violation reported', async () => {
    const context = await newContext(app);
    const page = await context.newPage();
    const violations = await watchViolations(page);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await openApp(page, app.server.url);
    await pickOption(page, 'example-mapping', /matmuls, unfused/i);
    await page.locator('[data-testid="error-list"][data-fresh="true"][data-count="0"]').waitFor();
    await page.getByTestId('run-evaluate').click();
    await page.locator('[data-testid="energy-breakdown"][data-total]').waitFor();
    expect(Number(await page.getByTestId('energy-breakdown').getAttribute('data-total'))).toBeGreaterThan(0);
    // A hover answered by the engine worker's assist lane.
    await page.getByRole('tab', { name: /^arch · simple\.yaml/ }).click();
    await page.locator('[data-testid="spec-editor"] .view-line span', { hasText: /^size$/ }).first().hover();
    await page.locator('.monaco-hover', { hasText: 'Capacity in bits' }).waitFor();
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a link carrying a template escape makes no request, runs nothing, and shows a clear error', async () => {
    const simple = readFileSync('src/examples/arches/simple.yaml', 'utf8');
    const origin = new URL(app.server.url).origin;
    const context = await newContext(app);
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    for (const [shape, escape] of Object.entries(escapeShapes(probeUrl))) {
      const link = encodeShareFragment({ v: 1, files: { 'arches/simple.yaml': `${escape}\n${simple}` }, specFiles: ['arches/simple.yaml', 'workloads/basic/matmuls.yaml'] });
      requests.length = 0;
      const page = await context.newPage();
      const violations = await watchViolations(page);
      await openApp(page, `${app.server.url}${link}`);
      await page.locator('[data-testid="error-list"][data-fresh="true"]:not([data-count="0"])').waitFor();
      const first = page.getByTestId('error-list').locator('.error-item').first();
      expect(await first.locator('.error-where').innerText(), shape).toMatch(/^arches\/simple\.yaml:1:\d+$/);
      expect((await first.locator('.error-message').innerText()).length, shape).toBeGreaterThan(10);
      const probes = [page.evaluate(() => (self as { __escaped?: string }).__escaped), ...page.workers().map((w) => w.evaluate(() => (self as { __escaped?: string }).__escaped))];
      expect((await Promise.all(probes)).filter((value) => value !== undefined), shape).toEqual([]);
      // The context saw the engine worker's own module load, so it would have seen the worker's fetches.
      expect(requests.some((url) => /\/assets\/engine\.worker-[^/]*\.js$/.test(url)), shape).toBe(true);
      const leaving = requests.filter((url) => !url.startsWith('blob:') && !(url.startsWith(origin) && /^\/(assets\/[^/]+|favicon\.svg)?$/.test(new URL(url).pathname)));
      expect(leaving, shape).toEqual([]);
      // No escape got as far as a blocked eval or fetch: the template engine refused each first.
      expect(violations, shape).toEqual([]);
      if (shape === 'range') await page.screenshot({ path: '/tmp/accelforge-sandbox-escape-1280x800.png' });
      await page.close();
    }
    expect(probeHits).toEqual([]);
    await context.close();
  });
});
