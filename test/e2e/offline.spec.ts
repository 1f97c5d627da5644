/**
 * Airplane mode: after one online visit to the home page, every calculator (generated from the
 * catalogue, including pages never opened) loads and computes its first worked example with the
 * network off. Runs in both projects: at the site root and under the /bedside/ base path.
 */
import { expect, test } from '@playwright/test';
import { loadCatalog } from '../../src/definitions/load';
import { expectCase, quickFill, waitForPrecache } from './expect-case';

const { entries } = loadCatalog();

// Chunks, so the two CI workers share the catalogue; each chunk is its own fresh browser context.
const CHUNK = 12;
const chunks = Array.from({ length: Math.ceil(entries.length / CHUNK) }, (_, k) => entries.slice(k * CHUNK, (k + 1) * CHUNK));

for (const [k, chunk] of chunks.entries()) {
  test(`after one visit, every page and calculator works offline (${k + 1}/${chunks.length}: ${chunk[0].id}…)`, async ({ page, context }) => {
    // Under the base path a spread sample is enough: the same precache, every URL prefixed.
    const underBase = test.info().project.name === 'base-path';
    if (underBase && k > 0) test.skip();
    const list = underBase ? [0, 1, 2, 3].map((n) => entries[Math.floor((n * (entries.length - 1)) / 3)]) : chunk;
    // Installing the service worker stores ~18 MB (the wasm, every page and model) before it activates.
    test.setTimeout(150_000 + list.length * 5_000);
    await page.goto('./');
    await waitForPrecache(page);

    // Offline, and any request that still reaches the network layer (page or service worker) is
    // recorded and refused: everything must come from the service worker's precache.
    const reachedNetwork: string[] = [];
    await context.route('**/*', (route) => {
      reachedNetwork.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    await context.setOffline(true);

    for (const path of k === 0 ? ['about/', 'privacy/', './'] : []) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    }
    for (const { id, calc, cases } of list) {
      await page.goto(`c/${id}/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(calc.title);
      await quickFill(page, calc, cases[0]);
      await expectCase(page, calc, cases[0]);
    }
    expect(reachedNetwork).toEqual([]);
  });
}
