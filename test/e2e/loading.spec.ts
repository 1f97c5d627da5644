/**
 * How a page loads (the structure behind BENCHMARKS.md's cold and warm figures; the times themselves
 * are measured by `npm run bench`, never asserted here).
 */
import { expect, test } from '@playwright/test';
import { loadCatalog } from '../../src/definitions/load';
import { expectCase } from './expect-case';
import { fillCase } from './fill';

// Loaded on demand, after the page is usable: the engine (runtime chunk, onnxruntime-web and its
// wasm glue) and the service worker's update helper. A calculator page hints the runtime chunk too
// (checked below); onnxruntime-web is never hinted: compiled models do not need it.
const ON_DEMAND = /\/(browser|ort[.-][^/]*|ort-wasm[^/]*|workbox-window[^/]*)\.[\w-]+\.m?js$/;
const RUNTIME_CHUNK = /\/_astro\/browser\.[\w-]+\.js$/;
const ORT = /\/ort[.-][^/]*$/;

for (const path of ['c/bmi/', 'c/apache-ii/', './']) {
  test(`${path}: every module the page runs at load is announced by modulepreload, none wasted`, async ({ page }) => {
    await page.goto(path);
    if (path.startsWith('c/')) await expect(page.locator('[data-engine]')).toHaveAttribute('data-engine', 'ready', { timeout: 20_000 });
    await page.waitForLoadState('load');
    // Every client:load island hydrated: all the modules they import have been fetched.
    await expect(page.locator('astro-island[client="load"][ssr]')).toHaveCount(0);
    // The hints as built (the served HTML): Vite's loader also adds modulepreload links at run time
    // for an on-demand import (the engine warm-up), which are not the build's to check.
    const { preloaded, fetches, loaded } = await page.evaluate(async () => {
      const built = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
      const hrefs = (sel: string) => [...built.querySelectorAll<HTMLLinkElement>(sel)].map((l) => new URL(l.getAttribute('href')!, location.href).pathname);
      return {
        preloaded: hrefs('link[rel=modulepreload]'),
        fetches: hrefs('link[rel=preload][as=fetch]'),
        loaded: performance
          .getEntriesByType('resource')
          .map((r) => new URL(r.name).pathname)
          .filter((p) => /\.m?js$/.test(p)),
      };
    });
    const atLoad = [...new Set(loaded.filter((p) => !ON_DEMAND.test(p)))];
    expect(atLoad.length).toBeGreaterThan(0);
    // Without a hint, a module is found one import level at a time: one network round trip each.
    expect(
      atLoad.filter((p) => !preloaded.includes(p)),
      'modules loaded without a modulepreload hint',
    ).toEqual([]);
    expect(
      preloaded.filter((p) => !loaded.includes(p)),
      'hints for modules the page never loads',
    ).toEqual([]);
    // A calculator page also announces the engine and its model, so neither waits for a script to
    // run first; the site-wide pages do not (their engine warm-up waits for idle).
    if (path.startsWith('c/')) {
      expect(
        preloaded.filter((p) => RUNTIME_CHUNK.test(p)),
        'the runtime chunk is hinted',
      ).toHaveLength(1);
      expect(fetches).toEqual([expect.stringMatching(new RegExp(`/models/${path.slice(2, -1)}\\.[0-9a-f]+\\.onnx$`))]);
    } else {
      expect(preloaded.filter((p) => RUNTIME_CHUNK.test(p))).toEqual([]);
      expect(fetches).toEqual([]);
    }
    expect(
      preloaded.filter((p) => ORT.test(p)),
      'onnxruntime-web is never hinted',
    ).toEqual([]);
  });
}

test('the engine starts before the form is used: the model is fetched without any typing', async ({ page }) => {
  const models: string[] = [];
  page.on('request', (r) => r.url().includes('/models/') && models.push(new URL(r.url()).pathname));
  await page.goto('c/ckd-epi-2021/');
  await expect(page.locator('[data-engine]')).toHaveAttribute('data-engine', 'ready', { timeout: 20_000 });
  // prewarm and the island share one session, and the engine's fetch() takes the head's
  // <link rel=preload as=fetch crossorigin> response (a mismatched preload would be a second request)
  expect(models).toHaveLength(1);
  expect(models[0]).toMatch(/\/models\/ckd-epi-2021\.[0-9a-f]+\.onnx$/);
});

test.describe('client-side navigation', () => {
  const { entries } = loadCatalog(undefined, ['ckd-epi-2021']);
  const ckd = entries[0];

  test('following a link keeps the engine: the next calculator computes without a reload or any wasm download, under the same strict policy', async ({
    page,
  }) => {
    const wasm: string[] = [];
    page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(r.url()));
    const violations: string[] = [];
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) => ((window as unknown as { __v: string[] }).__v ??= []).push(e.violatedDirective)),
    );
    // Dark mode chosen: it must survive the swap (the new page's <html> replaces the old attributes).
    await page.addInitScript(() => localStorage.setItem('bedside.theme', '"dark"'));
    await page.goto('c/ckd-epi-2009/');
    await expect(page.locator('[data-engine]')).toHaveAttribute('data-engine', 'ready', { timeout: 20_000 });
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await page
      .getByRole('link', { name: /CKD-EPI.*2021/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/c\/ckd-epi-2021\/$/);
    await expect(page.locator('h1')).toContainText('2021');
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument), 'the page was reloaded instead of swapped').toBe(
      true,
    );
    await expect(page.locator('html')).toHaveClass(/\bdark\b/);
    await fillCase(page, ckd.calc, ckd.cases[0]);
    await expectCase(page, ckd.calc, ckd.cases[0]);
    // Compiled calculators run on the small evaluator: the page itself never fetches onnxruntime's wasm.
    expect(wasm, 'no onnxruntime wasm fetched by the page').toHaveLength(0);
    violations.push(...(await page.evaluate(() => (window as unknown as { __v?: string[] }).__v ?? [])));
    expect(violations).toEqual([]);
    // Back to the older version, still the same document and engine.
    await page.goBack();
    await expect(page).toHaveURL(/\/c\/ckd-epi-2009\/$/);
    await expect(page.locator('[data-engine]')).toHaveAttribute('data-engine', 'ready', { timeout: 20_000 });
    expect(wasm).toHaveLength(0);
  });
});
