/**
 * At the bedside (issue 16, items 1, 2, 3, 7, 8): the traps a new clinician walked into on a 390 px
 * phone, at 320 px, on a desktop and in dark mode — units that changed typed numbers, a unit switch
 * that changed blood pressure, a result off screen, unreadable formulas, and the smaller ones.
 * Each test fails on the code before the fix. Screenshots at 320 px, 390 px and desktop, light and
 * dark, are kept as test artefacts (test-results/bedside-shots/ and attached to the report).
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { loadCatalog } from '../../src/definitions/load';
import { followsUnitSystem } from '../../src/components/unit-system';
import { axeLightAndDark } from './audit';
import { fillCase, readOutputs } from './fill';

const { entries } = loadCatalog();
const entry = (id: string) => entries.find((e) => e.id === id)!;
/** The island has hydrated (its saved preferences are applied in onMount). */
const hydrated = (page: Page) => expect(page.locator('astro-island[ssr]')).toHaveCount(0);
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const unitOf = (page: Page, label: string) => page.getByLabel(`${label} unit`, { exact: true });

const WIDTHS = [
  ['320', { width: 320, height: 720 }],
  ['390', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 900 }],
] as const;

/** Opens a calculator at a viewport size, fills its first worked example and waits for the result. */
async function filled(page: Page, id: string, size: { width: number; height: number }): Promise<Record<string, string>> {
  const { calc, cases } = entry(id);
  await page.setViewportSize(size);
  await page.goto(`c/${id}/`);
  await fillCase(page, calc, cases[0]);
  return readOutputs(page, calc);
}

/** Screenshots of the page as it is now at 320 px, 390 px and desktop, light and dark: kept and attached. */
async function shots(page: Page, info: TestInfo, name: string, prepare?: () => Promise<void>): Promise<void> {
  for (const [w, size] of WIDTHS)
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme });
      await prepare?.();
      const path = `test-results/bedside-shots/${name}-${w}-${colorScheme}.png`;
      await page.screenshot({ path });
      await info.attach(`${name}-${w}-${colorScheme}`, { path, contentType: 'image/png' });
    }
  await page.emulateMedia({ colorScheme: null });
}

test.describe('item 1: a unit change after typing relabels the typed number', () => {
  test('Cockcroft-Gault: 180 typed, unit switched to lb, is 180 lb (not 396.8 lb), and the result is that of 81.65 kg', async ({ page, context }) => {
    const cg = entry('cockcroft-gault');
    const c = cg.cases.find((k) => typeof k.inputs.weight === 'number') ?? cg.cases[0];
    await page.goto('c/cockcroft-gault/');
    await fillCase(page, cg.calc, { ...c, inputs: { ...c.inputs, weight: 180 } });
    await unitOf(page, 'Weight').selectOption('lb');
    await expect(field(page, 'Weight')).toHaveValue('180');
    await expect(page.getByTestId('converted-weight')).toHaveText('= 81.65 kg');
    const relabelled = await readOutputs(page, cg.calc);

    const ref = await context.newPage();
    await ref.goto('c/cockcroft-gault/');
    await fillCase(ref, cg.calc, { ...c, inputs: { ...c.inputs, weight: 81.64663 } }); // 180 lb × 0.45359237
    expect(relabelled).toEqual(await readOutputs(ref, cg.calc));
  });

  test('"Did you mean µmol/L?" after 88: its button keeps 88 and reads it in µmol/L (not 7779 µmol/L)', async ({ page }) => {
    await page.goto('c/ckd-epi-2021/');
    await field(page, 'Serum creatinine').fill('88');
    await expect(page.locator('#msg-scr')).toContainText('Did you mean µmol/L?');
    await page.getByRole('button', { name: 'Read 88 as µmol/L' }).click();
    await expect(field(page, 'Serum creatinine')).toHaveValue('88');
    await expect(unitOf(page, 'Serum creatinine')).toHaveValue('umol/L');
    await expect(page.getByTestId('converted-scr')).toHaveText('= 0.9955 mg/dL');
    await expect(page.locator('#msg-scr')).toHaveCount(0);
  });
});

test.describe('item 2: the US/SI preference is for laboratory concentrations only', () => {
  test('SI chosen once: blood pressure stays mmHg everywhere; pages that follow show the switch, matching the fields', async ({ page }) => {
    await page.goto('c/ckd-epi-2021/');
    await page.getByRole('radio', { name: 'SI units' }).check();
    await expect(unitOf(page, 'Serum creatinine')).toHaveValue('umol/L');

    for (const e of entries) {
      const bp = e.calc.inputs.filter((i) => i.type === 'number' && i.unit === 'mmHg' && i.units.includes('kPa'));
      if (!bp.length) continue;
      await page.goto(`c/${e.id}/`);
      await hydrated(page);
      for (const i of bp) await expect(unitOf(page, i.label), `${e.id}: ${i.label}`).toHaveValue('mmHg');
      const toggle = page.getByRole('radio', { name: 'SI units' });
      if (e.calc.inputs.some(followsUnitSystem)) await expect(toggle, `${e.id} follows the preference, so it shows the switch, on SI`).toBeChecked();
      else await expect(toggle, `${e.id} has no laboratory field that follows the preference`).toHaveCount(0);
    }
  });

  test('a field switched by hand: the switch no longer says SI while creatinine shows mg/dL', async ({ page }) => {
    await page.goto('c/meld-3/');
    await page.getByRole('radio', { name: 'SI units' }).check();
    await expect(page.getByRole('radio', { name: 'SI units' })).toBeChecked();
    await unitOf(page, 'Serum creatinine').selectOption('mg/dL');
    await expect(page.getByRole('radio', { name: 'SI units' })).not.toBeChecked();
    await expect(page.getByRole('radio', { name: 'US units' })).not.toBeChecked();
    await expect(page.getByTestId('unit-system-mixed')).toBeVisible();
  });
});

test.describe('item 3: on a phone the result is on screen after the last tap', () => {
  test('390 px: a compact result pinned to the bottom links to the full result, which comes right after the form, before the what-if chart', async ({
    page,
  }, info) => {
    const cg = entry('cockcroft-gault');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('c/cockcroft-gault/');
    await expect(page.getByTestId('result-bar')).toHaveCount(0);
    await fillCase(page, cg.calc, cg.cases[0]);
    const outputs = await readOutputs(page, cg.calc);
    const primary = cg.calc.outputs.find((o) => o.primary) ?? cg.calc.outputs[0];

    const bar = page.getByTestId('result-bar');
    await expect(bar).toBeVisible();
    const box = (await bar.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(844 + 1);
    expect(box.y).toBeGreaterThan(844 - 140);
    await expect(bar.locator(`[data-bar-output="${primary.id}"]`)).toHaveText(outputs[primary.id]);
    const band = await page.locator('[data-band]').first().getAttribute('data-band');
    if (band) await expect(bar.locator('[data-bar-band]')).toHaveText(band);
    await shots(page, info, 'result-bar-cockcroft-gault', async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));

    // Order on a phone: form, full result, what-if.
    const form = (await page.getByRole('form', { name: 'Inputs' }).boundingBox())!;
    const result = (await page.locator('#full-result').boundingBox())!;
    const whatif = (await page.locator('#whatif-h').boundingBox())!;
    expect(result.y).toBeGreaterThan(form.y + form.height - 1);
    expect(result.y - (form.y + form.height)).toBeLessThan(60);
    expect(whatif.y).toBeGreaterThan(result.y + result.height - 1);

    await bar.getByRole('link', { name: /Full result/ }).click();
    await expect(page.locator('#result-heading')).toBeInViewport();
    await expect(bar).toBeHidden();
  });

  test('desktop: no pinned bar; the result sits beside the form', async ({ page }) => {
    await filled(page, 'cockcroft-gault', { width: 1280, height: 900 });
    await expect(page.getByTestId('result-bar')).toBeHidden();
    const form = (await page.getByRole('form', { name: 'Inputs' }).boundingBox())!;
    const result = (await page.locator('#full-result').boundingBox())!;
    expect(result.x).toBeGreaterThan(form.x + form.width - 1);
    expect(Math.abs(result.y - form.y)).toBeLessThan(5);
  });
});

test.describe('item 7: formulas are readable', () => {
  test('MELD 3.0 at 390 px: its long step is broken into rows that fit, or the overflow says so; braces stretch', async ({ page }, info) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('c/meld-3/');
    await page.evaluate(() => document.fonts.ready);
    const boxes = page.locator('[data-formula]');
    await expect(boxes.first()).toBeVisible();
    for (const box of await boxes.all()) {
      const { scroll, client, overflow } = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, overflow: el.dataset.overflow }));
      expect(scroll, 'MELD 3.0 was 1,519 px wide in a 358 px box').toBeLessThan(600);
      if (scroll > client + 1) {
        expect(overflow).toBe('true');
        await expect(box.locator('xpath=following-sibling::p[1]')).toBeVisible();
      } else expect(overflow).toBe('false');
    }
    await page.locator('#formula').scrollIntoViewIfNeeded();
    await shots(page, info, 'formula-meld-3', () => page.locator('#formula').scrollIntoViewIfNeeded());
  });

  test('a piecewise brace stretches over its cases (CKD-EPI 2021: κ and α by sex)', async ({ page }, info) => {
    await page.goto('c/ckd-epi-2021/');
    await page.evaluate(() => document.fonts.ready);
    const sizes = await page.evaluate(() =>
      [...document.querySelectorAll('[data-formula] mo')]
        .filter((mo) => mo.textContent === '{' && mo.nextElementSibling?.tagName.toLowerCase() === 'mtable')
        .map((mo) => ({ brace: mo.getBoundingClientRect().height, cases: mo.nextElementSibling!.getBoundingClientRect().height })),
    );
    expect(sizes.length).toBeGreaterThan(0);
    for (const s of sizes) expect(s.brace, JSON.stringify(s)).toBeGreaterThanOrEqual(0.8 * s.cases);
    await shots(page, info, 'formula-ckd-epi-2021', () => page.locator('#formula').scrollIntoViewIfNeeded());
  });
});

test.describe('item 8: the smaller ones', () => {
  test('the site says once that it is ready to work offline', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('c/gcs/');
    await expect(page.locator('html[data-offline-ready="true"]')).toBeAttached({ timeout: 100_000 });
    await expect(page.getByRole('status').filter({ hasText: 'Ready to work offline' })).toBeVisible();
    await page.getByRole('button', { name: 'OK' }).click();
    await page.reload();
    await expect(page.locator('html[data-offline-ready="true"]')).toBeAttached({ timeout: 30_000 });
    await expect(page.getByText('Ready to work offline')).toBeHidden();
  });

  test('"1.2 mg/dL" typed or pasted into a field shown in µmol/L is read as value and unit; a unit it does not offer gets a plain message', async ({
    page,
  }) => {
    const ckd = entry('ckd-epi-2021');
    await page.goto('c/ckd-epi-2021/');
    await page.getByRole('radio', { name: 'SI units' }).check();
    const inputs = Object.fromEntries(Object.entries(ckd.cases[1].inputs).filter(([id]) => id !== 'scr'));
    await fillCase(page, ckd.calc, { ...ckd.cases[1], inputs });
    await field(page, 'Serum creatinine').fill('0.8 mg/dL'); // what a paste does
    await expect(field(page, 'Serum creatinine')).toHaveValue('0.8');
    await expect(unitOf(page, 'Serum creatinine')).toHaveValue('mg/dL');
    expect((await readOutputs(page, ckd.calc)).egfr).toBe('90');

    await field(page, 'Serum creatinine').fill('');
    await field(page, 'Serum creatinine').pressSequentially('70.72 umol/L');
    await expect(field(page, 'Serum creatinine')).toHaveValue('70.72');
    await expect(unitOf(page, 'Serum creatinine')).toHaveValue('umol/L');
    expect((await readOutputs(page, ckd.calc)).egfr).toBe('90');

    await field(page, 'Serum creatinine').fill('0.8 mmol/L');
    await expect(page.locator('#msg-scr')).toHaveText('mmol/L is not a unit for serum creatinine. Use mg/dL or µmol/L.');
  });

  test('320 px: the what-if select stays inside its card, and a points score is drawn as steps (Ranson)', async ({ page }, info) => {
    const ranson = entry('ranson');
    await filled(page, 'ranson', { width: 320, height: 720 });
    const card = page.locator('section[aria-labelledby="whatif-h"]');
    const select = card.getByRole('combobox');
    await select.selectOption({ label: 'Estimated fluid sequestration in the first 48 h' });
    const [c, s] = [(await card.boundingBox())!, (await select.boundingBox())!];
    expect(s.x + s.width).toBeLessThanOrEqual(c.x + c.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    await select.selectOption({ label: ranson.calc.inputs.find((i) => i.id === 'age')!.label });
    const d = await page.getByTestId('whatif').locator('path').getAttribute('d');
    const pts = d!.match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g)!.map((p) => p.split(',').map(Number));
    expect(pts.length).toBeGreaterThan(2);
    for (let k = 1; k < pts.length; k++) {
      const [[x0, y0], [x1, y1]] = [pts[k - 1], pts[k]];
      expect(x0 === x1 || y0 === y1, `segment ${k} of ${d} is a slope`).toBe(true);
    }
    await card.scrollIntoViewIfNeeded();
    await shots(page, info, 'whatif-ranson', () => card.scrollIntoViewIfNeeded());
  });

  test('axe, light and dark, with the pinned result and the relabel button on screen (390 px)', async ({ page }) => {
    test.setTimeout(180_000); // four axe passes on a shared machine
    await filled(page, 'cockcroft-gault', { width: 390, height: 844 });
    await expect(page.getByTestId('result-bar')).toBeVisible();
    expect(await axeLightAndDark(page, { darkRules: 'colour' })).toEqual([]);
    await page.goto('c/ckd-epi-2021/');
    await field(page, 'Serum creatinine').fill('88');
    await expect(page.getByRole('button', { name: 'Read 88 as µmol/L' })).toBeVisible();
    expect(await axeLightAndDark(page, { darkRules: 'colour' })).toEqual([]);
  });
});
