/**
 * Issue 16, items 4–6 on the built site: search ranks the formula a clinician means first and says
 * so when nothing matches; Enter opens the top hit; interpretation tables print the source's ranges
 * and mark the patient's band; results name what they are; the verification page and each header's
 * link to it; copy-to-note and print carry the review status. Screenshots at 320 px, 390 px and
 * desktop, light and dark, are attached to each test as artefacts.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { loadCatalog } from '../../src/definitions/load';
import { axeLightAndDark, phoneLayout } from './audit';
import { fillCase, readOutputs } from './fill';

const { entries } = loadCatalog();
const byId = new Map(entries.map((e) => [e.id, e]));
const manifest = JSON.parse(readFileSync('models/manifest.json', 'utf8')) as Record<string, { sha256: string }>;
const external = JSON.parse(readFileSync('test/conformance/by-calculator.json', 'utf8')) as Record<string, { agree: number }[]>;
const agreeing = (id: string) => external[id].reduce((n, x) => n + x.agree, 0);

/** Screenshots at 320 px, 390 px and desktop, light and dark, kept in the test's output folder and attached. */
async function screenshots(page: Page, info: TestInfo, name: string): Promise<void> {
  for (const [w, h] of [
    [320, 700],
    [390, 844],
    [1280, 900],
  ])
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.emulateMedia({ colorScheme });
      const path = info.outputPath(`${name}-${w}-${colorScheme}.png`);
      await page.screenshot({ path });
      await info.attach(`${name}-${w}-${colorScheme}.png`, { path, contentType: 'image/png' });
    }
  await page.emulateMedia({ colorScheme: null });
  await page.setViewportSize({ width: 1280, height: 720 });
}

const results = (page: Page) => page.getByRole('list', { name: 'Calculators' }).getByRole('link');
const hrefs = (page: Page) => results(page).evaluateAll((as) => as.map((a) => (a.getAttribute('href') ?? '').replace(/\/$/, '').split('/').pop()!));

test.describe('search ranks what a clinician means first', () => {
  for (const [query, first] of [
    ['egfr', 'ckd-epi-2021'],
    ['gfr', 'ckd-epi-2021'],
    ['meld', 'meld-3'],
    ['glascow', 'gcs'],
    ['pe', 'wells-pe'],
    ['bp', 'map'],
    ['warfarin', 'has-bled'],
  ] as const)
    test(`"${query}" lists ${first} first`, async ({ page }) => {
      await page.goto('./');
      await page.getByLabel('Search calculators').fill(query);
      await expect(results(page).first()).toHaveAttribute('href', new RegExp(`/c/${first}/$`));
      if (query === 'meld') expect((await hrefs(page)).slice(0, 2)).toEqual(['meld-3', 'meld-na']);
      if (query === 'pe') expect(await hrefs(page)).not.toContain('gestational-age');
    });

  test('Enter opens the top hit', async ({ page }) => {
    await page.goto('./');
    const box = page.getByLabel('Search calculators');
    await box.fill('glascow');
    await expect(results(page).first()).toHaveAttribute('href', /\/c\/gcs\/$/);
    await box.press('Enter');
    await expect(page).toHaveURL(/\/c\/gcs\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(byId.get('gcs')!.calc.title);
  });

  test('nothing matches: "did you mean" and the closest specialties, which filter the list', async ({ page }, info) => {
    await page.goto('./');
    // "heart failure" now finds PREVENT (its heart-failure risk); "cardiac failure" names no calculator.
    await page.getByLabel('Search calculators').fill('cardiac failure');
    const none = page.getByTestId('no-match');
    await expect(none).toContainText('No calculator matches “cardiac failure”');
    await expect(none).toContainText('Did you mean');
    await expect(none.getByRole('link', { name: byId.get('rcri')!.calc.title })).toBeVisible();
    const specialties = none.getByRole('group', { name: 'Closest specialties' }).getByRole('button');
    await expect(specialties.first()).toBeVisible();
    expect(await axeLightAndDark(page)).toEqual([]);
    await screenshots(page, info, 'search-no-match');
    const s = (await specialties.first().innerText()).trim();
    await specialties.first().click();
    await expect(page.getByLabel('Search calculators')).toHaveValue('');
    await expect(page.getByLabel('Specialty')).toHaveValue(s);
    await expect(results(page).first()).toBeVisible();
  });
});

test.describe('interpretation wording', () => {
  test('the steroid table prints the source ranges, the result names the target drug, and the current band is marked', async ({ page }, info) => {
    const { calc } = byId.get('steroid-conversion')!;
    await page.goto('c/steroid-conversion/');
    const table = page.locator('[data-band-of="pred_eq"]');
    await expect(table.first()).toContainText('≤ 7.5 mg — Low dose (7.5 mg/day or less)');
    await expect(page.getByRole('region', { name: 'Interpretation' })).not.toContainText('< 7.6');
    await expect(page.locator('[aria-current="true"]')).toHaveCount(0);
    await fillCase(page, calc, { name: 'e2e', source: 'e2e', inputs: { drug_from: 'Prednisone', dose: 50, drug_to: 'Dexamethasone' }, expect: {} });
    const out = await readOutputs(page, calc);
    expect(out.target_dose).toBe('7.50'); // 50 mg prednisone × 0.75 / 5
    await expect(page.getByTestId('result')).toContainText('Equivalent dose of Dexamethasone');
    // 50 mg prednisone-equivalent: "over 30 to 100 mg/day", the third band.
    const current = page.locator('[data-band-of="pred_eq"][aria-current="true"]');
    await expect(current).toHaveCount(1);
    await expect(current).toHaveAttribute('data-band-index', '2');
    await expect(current).toContainText('This patient:');
    await expect(current).toContainText('> 30 to ≤ 100 mg — High dose');
    expect(await axeLightAndDark(page, { darkRules: 'colour' })).toEqual([]);
    await current.scrollIntoViewIfNeeded();
    await screenshots(page, info, 'steroid-current-band');
    // A change of drug moves the label and clearing the form removes the mark.
    await page.getByRole('group', { name: 'Convert to', exact: true }).getByRole('radio', { name: 'Hydrocortisone', exact: true }).check();
    await expect(page.getByTestId('result')).toContainText('Equivalent dose of Hydrocortisone');
    await page.getByLabel('Dose of current corticosteroid', { exact: true }).fill('');
    await expect(page.locator('[aria-current="true"]')).toHaveCount(0);
  });

  test('QTc states the sex-specific limits of AHA/ACCF/HRS 2009', async ({ page }) => {
    await page.goto('c/qtc/');
    const bands = page.locator('[data-band-of="qtc_bazett"]');
    await expect(bands.nth(2)).toContainText('450–459 ms — prolonged in men, normal in women');
    await expect(bands.nth(2)).toContainText('from 460 ms in women');
    await expect(bands.nth(3)).toContainText('460–500 ms — prolonged');
  });

  test('PSI leads with its risk class and lists the age points among what scored', async ({ page }) => {
    const { calc, cases } = byId.get('psi')!;
    const c = cases.find((x) => String(x.inputs.sex) === 'Female' && Number(x.inputs.age) > 50) ?? cases[0];
    await page.goto('c/psi/');
    await fillCase(page, calc, c);
    await readOutputs(page, calc);
    const age = Number(c.inputs.age) - (String(c.inputs.sex) === 'Female' ? 10 : 0);
    await expect(page.getByTestId('result').locator('p').first()).toHaveText('PSI risk class');
    await expect(page.getByTestId('scored').getByRole('listitem').first()).toHaveText(`Age (women: age − 10) (+${age})`);
  });
});

test.describe('verification', () => {
  test('lists every calculator with its examples, external rows, sha256 and status; axe; 320 px', async ({ page }, info) => {
    test.setTimeout(240_000); // one long page: axe twice and six screenshots on a shared 2-core machine
    await page.goto('verification/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verification');
    const items = page.locator('[data-verification]');
    await expect(items).toHaveCount(entries.length);
    const qtc = page.locator('#qtc');
    await expect(qtc).toContainText(`sha256 ${manifest.qtc.sha256}`);
    await expect(qtc).toContainText(`Checked against ${byId.get('qtc')!.cases.length} worked examples and ${agreeing('qtc')} external rows`);
    await expect(qtc).toContainText('Draft');
    await qtc.getByText(/worked examples \(/).click();
    await expect(qtc.getByRole('listitem').filter({ hasText: 'Boundary: 460 ms is prolonged in women too' })).toBeVisible();
    expect(await axeLightAndDark(page)).toEqual([]);
    const { overflow } = await phoneLayout(page);
    expect(overflow, 'verification scrolls sideways at 320 px').toBeLessThanOrEqual(0);
    await screenshots(page, info, 'verification');
  });

  test("a calculator's header links to its own entry, and print and copy-to-note carry the review status", async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { calc, cases } = byId.get('ckd-epi-2021')!;
    await page.goto('c/ckd-epi-2021/');
    const link = page.locator('[data-evidence] a');
    await expect(link).toHaveText(`Checked against ${cases.length} worked examples and ${agreeing('ckd-epi-2021')} external rows`);
    await fillCase(page, calc, cases[1]);
    await readOutputs(page, calc);
    await page.getByRole('button', { name: 'Copy to note' }).click();
    const note = await page.evaluate(() => navigator.clipboard.readText());
    expect(note.split('\n')[1]).toBe('Review status: Draft: not yet checked against the primary source by a second clinician.');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('[data-review]')).toBeVisible();
    await expect(page.locator('[data-review]')).toContainText('Not yet checked against the primary source by a second clinician');
    await expect(link).toBeVisible();
    await page.emulateMedia({ media: null });
    await link.click();
    await expect(page).toHaveURL(/\/verification\/#ckd-epi-2021$/);
    await expect(page.locator('#ckd-epi-2021')).toBeInViewport();
  });
});
