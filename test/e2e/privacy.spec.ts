/**
 * Network audit of the site pages and the service worker: nothing may go to another origin, the
 * Content Security Policy must never fire, and no cookie is ever set. Each calculator page gets the
 * same audit, plus "no request at all while computing", in its block in calculators.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { loadCatalog } from '../../src/definitions/load';
import { audit, expectPrivate, expectStrictPolicy } from './audit';
import { waitForPrecache } from './expect-case';

const { entries } = loadCatalog();

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
  const stored = () =>
    page.evaluate(() => ({ session: JSON.stringify({ ...sessionStorage }), local: JSON.stringify({ ...localStorage }), cookie: document.cookie }));
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
