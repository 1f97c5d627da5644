/**
 * Network audit: every page is visited and every worked example of every calculator typed in real
 * Chromium. Nothing may go to another origin, nothing at all may be requested while computing, the
 * Content Security Policy must never fire, and no cookie is ever set.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { loadCatalog } from '../../src/definitions/load';
import { expectCase, quickFill, waitForPrecache } from './expect-case';

const { entries } = loadCatalog();

/** Records every request (page and service worker), CSP violation and console error of a context. */
async function audit(context: BrowserContext, page: Page) {
  const requests: string[] = [];
  const problems: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.exposeFunction('__cspViolation', (v: string) => problems.push(`CSP: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return { requests, problems };
}

const origin = (base: string) => new URL(base).origin;

async function expectPrivate(page: Page, context: BrowserContext, baseURL: string, log: { requests: string[]; problems: string[] }) {
  const foreign = log.requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin(baseURL));
  expect(foreign, 'requests to another origin').toEqual([]);
  expect(log.problems).toEqual([]);
  expect(await page.evaluate(() => document.cookie)).toBe('');
  expect(await context.cookies()).toEqual([]);
}

/** The policy a page carries in its meta tag, checked for the directives that make it strict. */
async function expectStrictPolicy(page: Page, where: string) {
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy, where).toContain("default-src 'self'");
  expect(policy, where).toContain("connect-src 'self'");
  expect(policy, where).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')*;/);
  expect(policy, where).not.toContain('unsafe-inline');
  expect(policy, where).not.toContain("'unsafe-eval'");
}

test('the site pages and the service worker load nothing from elsewhere', async ({ page, context, baseURL }) => {
  const log = await audit(context, page);
  for (const path of ['about/', 'privacy/', './']) {
    await page.goto(path);
    await expectStrictPolicy(page, path);
  }
  await waitForPrecache(page); // the service worker's own requests (the whole precache) are audited too
  expect(log.requests.length).toBeGreaterThan(entries.length); // it did fetch every model
  await expectPrivate(page, context, baseURL!, log);
});

test.describe('typing every worked example', () => {
  // The service worker is audited above; here it would only add its background precache downloads.
  test.use({ serviceWorkers: 'block' });
  for (const { id, calc, cases } of entries) {
    test(`${id}: no request at all while computing, nothing to another origin, no CSP violation`, async ({ page, context, baseURL }) => {
      test.setTimeout(30_000 + cases.length * 3_000);
      const log = await audit(context, page);
      await page.goto(`c/${id}/`);
      await expectStrictPolicy(page, id);
      await expect(page.locator('[data-engine]')).toHaveAttribute('data-engine', 'ready', { timeout: 20_000 });
      const before = log.requests.length;
      for (const c of cases) {
        await page.getByRole('button', { name: 'Clear' }).click();
        await quickFill(page, calc, c);
        await expectCase(page, calc, c);
      }
      expect(log.requests.slice(before), 'requests made while computing').toEqual([]);
      await expectPrivate(page, context, baseURL!, log);
    });
  }
});

test('typed values survive a reload in sessionStorage only, and Clear forgets them', async ({ page }) => {
  const entry = entries.find((e) => e.calc.inputs.some((i) => i.type === 'number'))!;
  const input = entry.calc.inputs.find((i) => i.type === 'number')!;
  if (input.type !== 'number') throw new Error('unreachable');
  const value = String(input.typical[0]);
  await page.goto(`c/${entry.id}/`);
  const field = page.getByLabel(input.label, { exact: true });
  await field.fill(value);
  await page.reload();
  await expect(field).toHaveValue(value);
  const stored = () => page.evaluate(() => ({ session: JSON.stringify({ ...sessionStorage }), local: JSON.stringify({ ...localStorage }), cookie: document.cookie }));
  const s = await stored();
  expect(s.session).toContain(`\\"${input.id}\\":\\"${value}\\"`);
  expect(s.local).not.toContain(value);
  expect(s.cookie).toBe('');
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(field).toHaveValue('');
  expect((await stored()).session).toBe('{}');
  await page.reload();
  await expect(field).toHaveValue('');
});
