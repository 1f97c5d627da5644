/**
 * Network faults during the service worker's install and later (issue 15, findings 1 and 4, and the
 * offline URL finding). A route handler stands in for a captive portal, a web filter, a broken proxy
 * or a neighbour on the same origin: 200 with an HTML page, wrong bytes, a truncated body, 404, a
 * download that hangs, and a cache entry rewritten by another page. Nothing bad may be stored or run;
 * the page says offline use is not ready and recovers when the network does.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page, type Route } from '@playwright/test';
import { loadCatalog } from '../../src/definitions/load';
import { expectCase, quickFill } from './expect-case';

const DIST = join(process.cwd(), 'dist');
const WASM = readdirSync(join(DIST, '_astro')).find((f) => f.endsWith('.wasm'))!;
const MODEL = readdirSync(join(DIST, 'models')).find((f) => f.startsWith('bmi.'))!;
const bmi = loadCatalog(undefined, ['bmi']).entries[0];
// The trained demonstration model is the one page that needs the onnxruntime wasm (compiled models run on the small evaluator).
const demo = loadCatalog(undefined, ['wdbc-malignancy-demo']).entries[0];
const sha = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');

type Fault = 'html200' | 'wrong-bytes' | 'truncated' | '404' | 'hang';
const PORTAL = '<!doctype html><title>Sign in to Wi-Fi</title><h1>Accept the terms to continue</h1>';

/** Answers `pattern` with a fault, only for requests the service worker makes (the precache). */
async function fault(context: BrowserContext, pattern: string, kind: Fault, log: string[]): Promise<void> {
  await context.route(pattern, async (route: Route) => {
    if (!route.request().serviceWorker()) return route.fallback();
    log.push(`${kind} ${route.request().url()}`);
    if (kind === 'hang') return; // never answered
    if (kind === '404') return route.fulfill({ status: 404, body: 'Not found' });
    if (kind === 'html200') return route.fulfill({ status: 200, contentType: 'text/html', body: PORTAL });
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    if (kind === 'truncated') return route.fulfill({ response, body: body.subarray(0, body.length >> 1) });
    body[body.length >> 1] ^= 0x01;
    return route.fulfill({ response, body });
  });
}

/** sha256 of what Cache Storage holds for a path, or null. */
const cachedSha = (page: Page, path: string) =>
  page.evaluate(async (p) => {
    const res = await caches.match(new URL(p, `${location.origin}/`).href);
    if (!res) return null;
    const d = new Uint8Array(await crypto.subtle.digest('SHA-256', await res.arrayBuffer()));
    return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
  }, path);

const offlineBox = (page: Page) => page.locator('#pwa-offline');

test.describe('faults while the offline copy is installed', () => {
  test.setTimeout(120_000);

  test('HTML 200, wrong bytes, a truncated body and 404 are not stored; the page says so and a retry completes', async ({ page, context }) => {
    const log: string[] = [];
    await fault(context, `**/_astro/${WASM}`, 'html200', log);
    await fault(context, `**/models/${MODEL}`, 'truncated', log);
    await fault(context, '**/about/', '404', log);
    await fault(context, '**/about/index.html', '404', log);
    await fault(context, '**/_astro/*.css', 'wrong-bytes', log);
    await page.goto('./');
    await expect(offlineBox(page)).toBeVisible({ timeout: 90_000 });
    await expect(offlineBox(page)).toContainText(/Offline use is not ready: 4 of \d+ files did not arrive intact/);
    await expect(page.locator('html')).not.toHaveAttribute('data-offline-ready', 'true');
    expect(log.length).toBeGreaterThanOrEqual(4);
    // Nothing that failed was kept.
    expect(await cachedSha(page, `_astro/${WASM}`)).toBeNull();
    expect(await cachedSha(page, `models/${MODEL}`)).toBeNull();
    // The network recovers: "Try again" completes the copy, and what is stored is the build's bytes.
    await context.unrouteAll({ behavior: 'wait' });
    await offlineBox(page).getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-offline-ready', 'true', { timeout: 90_000 });
    await expect(offlineBox(page)).toBeHidden();
    expect(await cachedSha(page, `_astro/${WASM}`)).toBe(sha(readFileSync(join(DIST, '_astro', WASM))));
    expect(await cachedSha(page, `models/${MODEL}`)).toBe(sha(readFileSync(join(DIST, 'models', MODEL))));
  });

  test('a download that hangs is abandoned and reported, not waited for for ever', async ({ page, context }) => {
    const log: string[] = [];
    await fault(context, `**/_astro/${WASM}`, 'hang', log);
    await page.goto('./');
    await expect(offlineBox(page)).toContainText(/1 of \d+ files did not arrive intact/, { timeout: 90_000 });
    expect(await cachedSha(page, `_astro/${WASM}`)).toBeNull();
  });
});

test.describe('after the offline copy is installed', () => {
  test.setTimeout(120_000);

  test('a cache entry rewritten by another page is never run: it is verified, deleted and fetched again', async ({ page, context }) => {
    await page.goto('./');
    await expect(page.locator('html')).toHaveAttribute('data-offline-ready', 'true', { timeout: 90_000 });
    // A neighbour on the same origin rewrites every cached script and the bmi model.
    const rewritten = await page.evaluate(async (model) => {
      let n = 0;
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const req of await cache.keys()) {
          if (!req.url.endsWith('.js') && !req.url.endsWith(model)) continue;
          const evil = req.url.endsWith('.js') ? 'globalThis.__neighbour = (globalThis.__neighbour ?? 0) + 1;' : 'not a model';
          await cache.put(req, new Response(evil, { headers: { 'Content-Type': req.url.endsWith('.js') ? 'text/javascript' : 'application/octet-stream' } }));
          n++;
        }
      }
      return n;
    }, MODEL);
    expect(rewritten).toBeGreaterThan(5);
    await page.goto('c/bmi/');
    await quickFill(page, bmi.calc, bmi.cases[0]);
    await expectCase(page, bmi.calc, bmi.cases[0]);
    expect(await page.evaluate(() => (globalThis as { __neighbour?: number }).__neighbour)).toBeUndefined();
    expect(await cachedSha(page, `models/${MODEL}`)).toBe(sha(readFileSync(join(DIST, 'models', MODEL))));

    // Rewritten again, and now offline: the bad copy is refused (never run), the form says the model failed.
    await page.evaluate(async (model) => {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const req of await cache.keys()) if (req.url.endsWith(model)) await cache.put(req, new Response('not a model'));
      }
    }, MODEL);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('result').getByRole('alert')).toBeVisible();
    await expect(page.getByTestId('result')).not.toContainText(/NaN|Infinity/);
    expect(await page.evaluate(() => (globalThis as { __neighbour?: number }).__neighbour)).toBeUndefined();
    await context.setOffline(false);

    // Offline, every spelling of a page's URL reaches the precached page.
    await page.goto('./');
    await context.setOffline(true);
    for (const path of ['c/bmi', 'c/bmi/index.html', 'c/bmi/?ref=x', 'c/bmi/#weight=70', 'about', 'about/index.html?utm=1']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }).first(), path).toBeVisible();
    }
  });
});

test.describe('a download that hangs or fails while the page loads its engine', () => {
  // Without a worker, so page.route sees the page's own requests.
  test.use({ serviceWorkers: 'block' });
  test.setTimeout(90_000);

  test('a hanging model ends in a message, and Try again computes', async ({ page }) => {
    let hung = 0;
    await page.route(`**/models/${MODEL}`, () => void hung++); // never answered
    await page.goto('c/bmi/');
    const alert = page.getByTestId('result').getByRole('alert');
    await expect(alert).toContainText('stopped arriving', { timeout: 40_000 });
    expect(hung).toBeGreaterThan(0);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.getByRole('button', { name: 'Try again' }).click();
    await quickFill(page, bmi.calc, bmi.cases[0]);
    await expectCase(page, bmi.calc, bmi.cases[0]);
  });

  test('a wasm answered with a portal page ends in a message, and Try again recovers', async ({ page }) => {
    let served = 0;
    await page.route(`**/_astro/${WASM}`, (route) => (served++, route.fulfill({ status: 200, contentType: 'text/html', body: PORTAL })));
    await page.goto('c/wdbc-malignancy-demo/');
    await quickFill(page, demo.calc, demo.cases[0]);
    await expect(page.getByTestId('result').getByRole('alert')).toContainText('could not be loaded', { timeout: 40_000 });
    expect(served).toBeGreaterThan(0);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    // The wasm runtime cannot start twice in one document: Try again reloads, and typed values are kept.
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Try again' }).click()]);
    await expectCase(page, demo.calc, demo.cases[0]);
  });
});
