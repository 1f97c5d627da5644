/**
 * Hostile storage and hostile share links in the real page (issue 15, findings 3 and 5). Whatever a
 * neighbour or an older version left in localStorage / sessionStorage, and whatever a crafted link's
 * #fragment holds, the calculator starts its engine, computes a worked example and never shows NaN;
 * a bad stored value is dropped. A link of 200,000 digits used to freeze the tab for ~35 s (past this
 * test's timeout), so the test fails if the parser is quadratic again.
 */
import { expect, test } from '@playwright/test';
import { loadCatalog } from '../../src/definitions/load';
import { expectCase, quickFill } from './expect-case';
import { hostileFragments } from '../hostile-fragments';

// The worker is not what is tested here; keep each load quick.
test.use({ serviceWorkers: 'block' });
const bmi = loadCatalog(undefined, ['bmi']).entries[0];
const HOSTILE_FRAGMENTS = hostileFragments(bmi.calc.inputs.map((i) => i.id));

/** Values the adversarial test and the schemas' edges suggest, each written to every key at once. */
const BAD = [
  'null',
  '{}',
  '5',
  '"abc"',
  '123',
  '[1,2]',
  '[null]',
  '["<img src=x onerror=alert(1)>"]',
  '{"texts":null}',
  '{"texts":{"weight":5},"units":[]}',
  'not json',
  '',
  `"${'x'.repeat(100_000)}"`,
  '{"__proto__":{"polluted":1}}',
  '[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]',
];
const LOCAL = ['bedside.recent', 'bedside.favourites', 'bedside.units', 'bedside.theme'];

test('hostile storage: every bad value in every key, the calculator and the catalogue still work', async ({ context }) => {
  test.setTimeout(240_000);
  for (const [k, bad] of BAD.entries()) {
    const page = await context.newPage();
    // Written before the page's own scripts run, on the first load of this tab only.
    await page.addInitScript(
      ([keys, v, id]) => {
        if (sessionStorage.getItem('bedside:test-written')) return;
        for (const k of keys as string[]) localStorage.setItem(k, v as string);
        sessionStorage.setItem(`bedside:values:${id}`, v as string);
        sessionStorage.setItem('bedside:test-written', '1');
      },
      [LOCAL, bad, bmi.id],
    );
    await page.goto(`c/${bmi.id}/`);
    await expect(page.locator('[data-engine]'), `stored ${bad.slice(0, 30)}`).toHaveAttribute('data-engine', 'ready', { timeout: 20_000 });
    // The engine starting was what broke; computing is checked on a few states (each costs a fill).
    if (k % 5 === 0) {
      await quickFill(page, bmi.calc, bmi.cases[0]);
      await expectCase(page, bmi.calc, bmi.cases[0]);
    }
    await page.goto('./');
    await expect(page.getByRole('list', { name: 'Calculators' }).getByRole('link').first()).toBeVisible();
    // Each bad value was dropped (or replaced by a good one the page wrote since).
    const left = await page.evaluate((keys) => keys.map((k) => localStorage.getItem(k)), LOCAL);
    expect(
      left.filter((v) => v === bad),
      `stored ${bad.slice(0, 30)}`,
    ).toEqual([]);
    await page.close();
  }
});

test('hostile share links: the page stays responsive, refuses what it cannot read and never shows NaN', async ({ page }) => {
  test.setTimeout(120_000);
  const weight = bmi.calc.inputs[0];
  for (const [name, frag] of HOSTILE_FRAGMENTS) {
    await page.goto(`c/${bmi.id}/#${frag}`);
    await expect(page.locator('[data-engine]'), name).toHaveAttribute('data-engine', 'ready', { timeout: 20_000 });
    await expect(page.getByTestId('result'), name).not.toContainText(/NaN|Infinity|undefined/);
    // Typing still works at once after the link was read.
    await page.getByLabel(weight.label, { exact: true }).fill('70');
    await expect(page.getByLabel(weight.label, { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
    expect(await page.evaluate(() => (Object.prototype as { polluted?: unknown }).polluted)).toBeUndefined();
  }
});
