/**
 * Airplane mode: after one online visit to the home page, with the network off, the site pages and a
 * spread of calculators load and compute their first worked example, and every calculator's page and
 * model (generated from the catalogue, including pages never opened) come from the precache intact.
 * Every calculator also computes in its page in calculators.spec.ts: with its page and model served
 * offline and the same scripts for all (the spread), each one works in airplane mode.
 * Runs in both projects: at the site root and under the /bedside/ base path.
 *
 * The service worker is installed once per Playwright worker (it stores ~18 MB: the wasm, every
 * page and model), in a worker-scoped browser context that then goes offline for good; each test
 * opens its own page in that context.
 */
import { expect, test as base, type BrowserContext } from '@playwright/test';
import { loadCatalog } from '../../src/definitions/load';
import { readManifest } from '../../src/definitions/models';
import { expectCase, quickFill, waitForPrecache } from './expect-case';

const { entries } = loadCatalog();

interface Airplane {
  context: BrowserContext;
  /** Every request that still reached the network layer (page or service worker) after going offline. */
  reachedNetwork: string[];
}

const test = base.extend<object, { airplane: Airplane }>({
  airplane: [
    async ({ browser }, use, workerInfo) => {
      const { baseURL, viewport } = workerInfo.project.use;
      const context = await browser.newContext({ baseURL, viewport });
      const page = await context.newPage();
      await page.goto('./');
      await waitForPrecache(page);
      await page.close();
      // Offline, and anything that still reaches the network layer is recorded and refused:
      // everything must come from the service worker's precache.
      const reachedNetwork: string[] = [];
      await context.route('**/*', (route) => {
        reachedNetwork.push(route.request().url());
        return route.abort('internetdisconnected');
      });
      await context.setOffline(true);
      await use({ context, reachedNetwork });
      await context.close();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

// A spread of the catalogue is loaded and computed in the page; every calculator's page and model are
// fetched through the service worker (what the page would load), in one round trip.
const spread = [0, 1, 2, 3].map((n) => entries[Math.floor((n * (entries.length - 1)) / 3)]);
const manifest = readManifest();

test('after one visit, the site pages and a spread of calculators load and compute offline', async ({ airplane }) => {
  test.setTimeout(60_000 + spread.length * 15_000);
  const page = await airplane.context.newPage();
  const seen = airplane.reachedNetwork.length;
  try {
    for (const path of ['about/', 'privacy/', './']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    }
    for (const { id, calc, cases } of spread) {
      await page.goto(`c/${id}/`);
      await expect(page.getByRole('heading', { level: 1 }), id).toHaveText(calc.title);
      await quickFill(page, calc, cases[0]);
      await expectCase(page, calc, cases[0]);
    }
    expect(airplane.reachedNetwork.slice(seen)).toEqual([]);
  } finally {
    await page.close();
  }
});

test('after one visit, every calculator page and its model come from the precache, intact', async ({ airplane }) => {
  test.setTimeout(60_000 + entries.length * 500);
  const page = await airplane.context.newPage();
  const seen = airplane.reachedNetwork.length;
  try {
    await page.goto('./');
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the page is served by the service worker').toBe(true);
    const wanted = entries.map(({ id }) => ({ id, sha256: manifest[id].sha256 }));
    // What a calculator page loads: its HTML, and the model it names (checked against the pinned sha256).
    const problems = await page.evaluate(async (list) => {
      const hex = (b: ArrayBuffer) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
      const out: string[] = [];
      for (const { id, sha256 } of list) {
        const html = await fetch(new URL(`c/${id}/`, document.baseURI))
          .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
          .catch((e) => `failed: ${e}`);
        const model = new RegExp(`["'/]models/${id}\\.[0-9a-f]+\\.onnx`).exec(html)?.[0].slice(1);
        if (!model) {
          out.push(`${id}: page ${html.startsWith('failed') ? html : 'names no model'}`);
          continue;
        }
        const bytes = await fetch(new URL(model, document.baseURI))
          .then((r) => (r.ok ? r.arrayBuffer() : undefined))
          .catch(() => undefined);
        if (!bytes) out.push(`${id}: ${model} not served`);
        else if (hex(await crypto.subtle.digest('SHA-256', bytes)) !== sha256) out.push(`${id}: ${model} is not the pinned model`);
      }
      return out;
    }, wanted);
    expect(problems).toEqual([]);
    expect(airplane.reachedNetwork.slice(seen)).toEqual([]);
  } finally {
    await page.close();
  }
});
