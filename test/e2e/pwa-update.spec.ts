/**
 * The update flow, against the /bedside/ build (project base-path): a new deploy is offered, not
 * forced — "A new version is ready" with Reload — and what was typed survives the reload.
 * A deploy is simulated by changing the bytes of dist-base/sw.js, which is what a real one does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadCatalog } from '../../src/definitions/load';
import { waitForPrecache } from './expect-case';

const SW = join(process.cwd(), 'dist-base', 'sw.js');
const entry = loadCatalog().entries.find((e) => e.calc.inputs.some((i) => i.type === 'number'))!;
const input = entry.calc.inputs.find((i) => i.type === 'number')!;
// Registration now waits for the page's first result, then installs ~18 MB: room for a loaded 2-core machine.
test.describe.configure({ timeout: 90_000 });

test('a new version is offered, the user chooses Reload, and typed values survive', async ({ page }) => {
  if (input.type !== 'number') throw new Error('unreachable');
  const original = readFileSync(SW, 'utf8');
  try {
    await page.goto(`c/${entry.id}/`);
    await waitForPrecache(page);
    await page.reload(); // now controlled by the installed worker
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toContain('/bedside/sw.js');
    const field = page.getByLabel(input.label, { exact: true });
    const value = String(input.typical[0]);
    await field.fill(value);

    writeFileSync(SW, `${original}\n// deployed again by ${test.info().title}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const prompt = page.getByRole('status').filter({ hasText: 'A new version is ready' });
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    await expect(field).toHaveValue(value); // nothing happens until the user chooses

    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
    await expect(page.getByRole('status').filter({ hasText: 'A new version is ready' })).toBeHidden();
    await expect(page.getByLabel(input.label, { exact: true })).toHaveValue(value);
  } finally {
    writeFileSync(SW, original);
  }
});

test('Reload in one tab never reloads another: the other tab is asked', async ({ context }) => {
  const original = readFileSync(SW, 'utf8');
  const [a, b] = [await context.newPage(), await context.newPage()];
  try {
    await a.goto(`c/${entry.id}/`);
    await waitForPrecache(a);
    await a.reload();
    await b.goto('./');
    await b.evaluate(() => ((window as { __stayed?: boolean }).__stayed = true));
    writeFileSync(SW, `${original}\n// deployed again by ${test.info().title}\n`);
    await a.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const prompt = a.getByRole('status').filter({ hasText: 'A new version is ready' });
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    await Promise.all([a.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
    // The other tab keeps its document (no reload) and asks.
    await expect(b.getByRole('status').filter({ hasText: 'updated in another tab' })).toBeVisible({ timeout: 20_000 });
    expect(await b.evaluate(() => (window as { __stayed?: boolean }).__stayed)).toBe(true);
  } finally {
    writeFileSync(SW, original);
  }
});
