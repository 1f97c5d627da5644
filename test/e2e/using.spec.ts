/** Finding and using calculators: search, favourites, units, copy to note, share link, what-if, print, dark mode. */
import { expect, test } from '@playwright/test';
import { loadCatalog } from '../../src/definitions/load';
import { fillCase, readOutputs } from './fill';

const { entries } = loadCatalog();
const ckd = entries.find((e) => e.id === 'ckd-epi-2021')!;

test.describe('search', () => {
  for (const [query, id] of [
    ['egfr', 'ckd-epi-2021'],
    ['ckd', 'ckd-epi-2021'],
    ['wells', 'wells-pe'],
    ['wels', 'wells-pe'],
    ['meld', 'meld-na'],
    ['glasgow coma', 'gcs'],
    ['chads', 'cha2ds2-vasc'],
  ] as const) {
    test(`"${query}" finds ${id}`, async ({ page }) => {
      await page.goto('./');
      await page.getByLabel('Search calculators').fill(query);
      await expect(page.getByRole('list', { name: 'Calculators' }).locator(`a[href$="/c/${id}/"]`)).toBeVisible();
    });
  }

  test('every calculator is found by its short name, and nonsense finds nothing', async ({ page }) => {
    await page.goto('./');
    test.setTimeout(30_000 + entries.length * 500); // one search per calculator, on one page
    const box = page.getByLabel('Search calculators');
    for (const { id, calc } of entries) {
      await box.fill(calc.short ?? calc.title);
      await expect(page.getByRole('list', { name: 'Calculators' }).locator(`a[href$="/c/${id}/"]`), calc.short).toBeVisible();
    }
    await box.fill('zzqxv');
    await expect(page.getByText('No calculator matches')).toBeVisible();
  });
});

test('favourites and recently used live in localStorage and show on the home page', async ({ page }) => {
  await page.goto('c/gcs/');
  await page.getByRole('button', { name: /Add to favourites/ }).click();
  await expect(page.getByRole('button', { name: /Favourite/ })).toHaveAttribute('aria-pressed', 'true');
  await page.goto('c/bmi/');
  await page.goto('./');
  await expect(page.getByRole('region', { name: 'Favourites' }).locator('a[href$="/c/gcs/"]')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Recently used' }).locator('a[href$="/c/bmi/"]')).toBeVisible();
  const stored = await page.evaluate(() => ({ fav: localStorage.getItem('bedside.favourites'), recent: localStorage.getItem('bedside.recent') }));
  expect(JSON.parse(stored.fav!)).toEqual(['gcs']);
  expect(JSON.parse(stored.recent!)[0]).toBe('bmi');
});

test('US/SI preference converts typed values, shows the other unit, and is remembered', async ({ page }) => {
  await page.goto('c/ckd-epi-2021/');
  await fillCase(page, ckd.calc, ckd.cases[1]); // female, 50, 0.8 mg/dL
  await expect(page.getByTestId('converted-scr')).toHaveText('= 70.72 µmol/L');
  await page.getByRole('radio', { name: 'SI units' }).check();
  await expect(page.getByLabel('Serum creatinine unit')).toHaveValue('umol/L');
  await expect(page.getByLabel('Serum creatinine', { exact: true })).toHaveValue('70.72');
  expect((await readOutputs(page, ckd.calc)).egfr).toBe('90');
  await page.goto('c/meld-na/');
  await expect(page.getByLabel('Total bilirubin unit')).toHaveValue('umol/L');
});

test('a value that fits another unit gets "did you mean"', async ({ page }) => {
  await page.goto('c/ckd-epi-2021/');
  await page.getByLabel('Serum creatinine', { exact: true }).fill('80');
  await expect(page.locator('#msg-scr')).toContainText('Did you mean µmol/L?');
});

test('copy to note puts the plain-text record on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('c/ckd-epi-2021/');
  await fillCase(page, ckd.calc, ckd.cases[1]);
  await readOutputs(page, ckd.calc);
  await page.getByRole('button', { name: 'Copy to note' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  expect(text.split('\n')).toEqual([
    'CKD-EPI Creatinine Equation (2021, race-free) (v1.0.0)',
    'Review status: Draft: not yet checked against the primary source by a second clinician.',
    'Sex: Female',
    'Age: 50 years',
    'Serum creatinine: 0.8 mg/dL',
    'eGFR: 90 mL/min/1.73 m² (G1 — normal or high)',
    expect.stringMatching(/^Reference: Inker LA.*doi:10\.1056\/NEJMoa2102953$/),
    `Calculated ${today} with Bedside.`,
  ]);
});

test('a share link keeps inputs in the #fragment and restores the form', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('c/ckd-epi-2021/');
  await fillCase(page, ckd.calc, ckd.cases[0]);
  await readOutputs(page, ckd.calc);
  await page.getByRole('button', { name: 'Share link' }).click();
  const link = await page.getByLabel('Share link', { exact: true }).inputValue();
  const url = new URL(link);
  expect(url.search).toBe('');
  expect(url.hash).toBe('#sex=0&age=60&scr=1.1');
  const fresh = await context.newPage();
  await fresh.goto(link);
  await expect(fresh.getByLabel('Age', { exact: true })).toHaveValue('60');
  expect((await readOutputs(fresh, ckd.calc)).egfr).toBe('77');
});

test('what-if curve is drawn from one batched run, with a text alternative', async ({ page }) => {
  await page.goto('c/ckd-epi-2021/');
  await fillCase(page, ckd.calc, ckd.cases[1]);
  await readOutputs(page, ckd.calc);
  const chart = page.getByTestId('whatif');
  await expect(chart).toHaveAttribute('aria-label', /eGFR goes from \d+ at age 18 years to \d+ at 100 years/);
  await page.getByText('Values as a table').click();
  await expect(page.getByRole('table').filter({ hasText: 'Age (years)' }).getByRole('row')).toHaveCount(10);
});

test('scores show points beside options and which criteria scored', async ({ page }) => {
  const entry = entries.find((e) => e.id === 'cha2ds2-vasc')!;
  await page.goto('c/cha2ds2-vasc/');
  await fillCase(page, entry.calc, entry.cases[0]);
  await readOutputs(page, entry.calc);
  const scoredLabels = entry.calc.inputs
    .filter((i) => (i.type === 'yesno' && String(entry.cases[0].inputs[i.id]) === 'true') || (i.type === 'yesno' && entry.cases[0].inputs[i.id] === 'yes'))
    .map((i) => i.label);
  for (const l of scoredLabels) await expect(page.getByTestId('scored')).toContainText(l);
});

test('print gives a clean record: no navigation, no formula, result kept', async ({ page }) => {
  await page.goto('c/ckd-epi-2021/');
  await fillCase(page, ckd.calc, ckd.cases[1]);
  await readOutputs(page, ckd.calc);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Site' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Formula' })).toBeHidden();
  await expect(page.getByTestId('result')).toBeVisible();
});

// 320 px (no sideways scroll, 44 px touch targets) is checked on every calculator page in its block in
// calculators.spec.ts, with the result shown, and on the site pages in a11y.spec.ts.

test('screenshots for layout review (phone and desktop, light and dark)', async ({ browser }, info) => {
  for (const [name, viewport] of [
    ['phone', { width: 390, height: 844 }],
    ['desktop', { width: 1280, height: 900 }],
  ] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport, colorScheme });
      await page.goto(`c/ckd-epi-2021/`);
      await fillCase(page, ckd.calc, ckd.cases[1]);
      await readOutputs(page, ckd.calc);
      await page.screenshot({ path: info.outputPath(`ckd-epi-2021-${name}-${colorScheme}.png`), fullPage: true });
      await page.close();
    }
  }
});

test('dark mode follows the system, and the toggle overrides it and is remembered', async ({ browser }) => {
  const page = await browser.newPage({ colorScheme: 'light' });
  await page.goto('c/gcs/');
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  await page.getByRole('button', { name: /Colour theme: System/ }).click(); // -> light
  await page.getByRole('button', { name: /Colour theme: Light/ }).click(); // -> dark
  await expect(page.getByRole('button', { name: /Colour theme: Dark/ })).toBeVisible();
  expect(await bg()).not.toBe(light);
  await page.reload();
  expect(await bg()).not.toBe(light);
  expect(await page.evaluate(() => localStorage.getItem('bedside.theme'))).toBe('"dark"');
  await page.close();
  const dark = await browser.newPage({ colorScheme: 'dark' });
  await dark.goto('about/');
  expect(await dark.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(light);
  await dark.close();
});
