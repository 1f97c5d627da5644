/**
 * Collections (issue 19, section 3), on the built site, phone and desktop: the patient values are
 * entered once and every member computes from its own model; the pathway's next step follows the
 * results; copy-to-note, the share link (values in the #fragment only) and print; no request while
 * computing, nothing in localStorage or the URL without an explicit share; axe; found from the
 * home page, search and the member calculators; offline after one visit.
 */
import { expect, test, type Page } from '@playwright/test';
import { axeLightAndDark, phoneLayout } from './audit';
import { waitForPrecache } from './expect-case';

const PE = 'collections/suspected-pe/';

const member = (page: Page, id: string) => page.locator(`[data-member="${id}"]`);
const patientForm = (page: Page) => page.getByRole('form', { name: 'Patient values' });
const current = (page: Page, stage = 0) => page.locator(`[data-stage="${stage}"] [aria-current="step"]`);
const yes = (page: Page, id: string, label: string) => member(page, id).getByRole('group', { name: label, exact: true }).getByRole('radio', { name: 'Yes' });

async function enterLowRisk(page: Page) {
  await page.goto(PE);
  await patientForm(page).getByLabel('Age', { exact: true }).fill('40');
  await patientForm(page).getByLabel('Heart rate', { exact: true }).fill('80');
  await patientForm(page).getByLabel('Oxygen saturation (SpO₂)', { exact: true }).fill('98');
  for (const id of ['wells-pe', 'perc']) await expect(page.getByTestId(`result-${id}`)).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
}

for (const [name, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test.describe(`suspected PE collection (${name})`, () => {
    test.use({ viewport });

    test('patient values entered once feed every member; the next step follows the results; no request while computing', async ({ page }) => {
      await enterLowRisk(page);
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      // Wells 0 (low probability) and PERC negative: ruled out without a D-dimer.
      await expect(member(page, 'wells-pe').locator('[data-band]')).toHaveText('Low probability');
      await expect(member(page, 'perc').locator('[data-band]')).toHaveText('PERC negative — all 8 criteria absent');
      await expect(current(page)).toHaveAttribute('data-step', 'perc_rule_out');
      // Age 55, typed once in the patient values, reaches PERC (age 50 or more): D-dimer.
      await patientForm(page).getByLabel('Age', { exact: true }).fill('55');
      await expect(member(page, 'perc').locator('[data-band]')).toHaveText('PERC positive — PE not ruled out by PERC');
      await expect(current(page)).toHaveAttribute('data-step', 'd_dimer');
      // Wells 3 + 3 = 6: PE likely, imaging.
      await yes(page, 'wells-pe', 'PE is the most likely diagnosis').check();
      await yes(page, 'wells-pe', 'Clinical signs and symptoms of DVT').check();
      await expect(member(page, 'wells-pe').locator('[data-output="score"]')).toHaveText('6.0');
      await expect(current(page)).toHaveAttribute('data-step', 'imaging');
      // sPESI computed from its defaults: its stage has a next step too.
      await expect(current(page, 1)).toHaveAttribute('data-step', 'home_treatment');
      expect(requests).toEqual([]);
      // Nothing typed is in localStorage or the URL.
      expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage)))).not.toMatch(/"55"|"98"|heart_rate/);
      expect(page.url()).not.toContain('#');
      if (name === 'phone') {
        const { overflow } = await phoneLayout(page);
        expect(overflow, 'scrolls sideways').toBeLessThanOrEqual(0);
      }
    });

    test('copy to note covers the whole collection; the share link restores it', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await enterLowRisk(page);
      await expect(page.getByRole('button', { name: /favourites/ })).toHaveCount(0);
      await page.getByRole('button', { name: 'Copy to note' }).click();
      const note = await page.evaluate(() => navigator.clipboard.readText());
      expect(note).toContain('Suspected pulmonary embolism (collection v1.0.0)');
      expect(note).toContain('PERC Rule for Pulmonary Embolism');
      expect(note).toContain('Age: 40 years');
      expect(note).toMatch(/Diagnosis: Low pre-test probability and PERC negative: PE is ruled out/);
      expect(note).toContain('doi:10.7326/M14-1772');
      await page.getByRole('button', { name: 'Share link' }).click();
      const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
      expect(link).toMatch(/#age=40&heart_rate=80&spo2=98/);
      const other = await context.newPage();
      await other.goto(link);
      await expect(patientForm(other).getByLabel('Age', { exact: true })).toHaveValue('40');
      await expect(other.getByTestId('result-perc')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
      await expect(current(other)).toHaveAttribute('data-step', 'perc_rule_out');
      // A link carries someone else's values: no current-patient panel, nothing added to it.
      await expect(other.locator('[data-patient]')).toHaveCount(0);
    });
  });
}

test('the patient context pre-fills the collection, and values entered there carry to calculators', async ({ page }) => {
  await page.goto('c/perc/');
  await expect(page.locator('[data-engine]')).toHaveAttribute('data-engine', 'ready', { timeout: 30_000 });
  await page.getByLabel('Age', { exact: true }).fill('61');
  await expect.poll(() => page.evaluate(() => sessionStorage.getItem('bedside:patient'))).toContain('61');
  await page.goto(PE);
  await expect(patientForm(page).getByLabel('Age', { exact: true })).toHaveValue('61');
  await expect(page.locator('[data-carried="age"]')).toContainText('Carried over from PERC');
  await patientForm(page).getByLabel('Heart rate', { exact: true }).fill('90');
  await expect.poll(() => page.evaluate(() => sessionStorage.getItem('bedside:patient'))).toContain('Suspected PE');
  await page.goto('c/news2/');
  await expect(page.getByLabel('Pulse', { exact: true })).toHaveValue('90');
  expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage)))).not.toMatch(/61|90/);
});

test('without JavaScript: the question, the members, the pathway and its sources', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(PE);
  await expect(page.locator('[data-question]')).toContainText('D-dimer or imaging');
  for (const id of ['wells-pe', 'perc', 'geneva-simplified', 'spesi']) await expect(page.locator(`header a[href$="c/${id}/"]`)).toHaveCount(1);
  await expect(page.locator('[data-step="perc_rule_out"]')).toContainText('Source: Raja AS et al.');
  await expect(page.locator('[data-step="imaging"] a[href="https://doi.org/10.1093/eurheartj/ehz405"]')).toHaveCount(1);
  await context.close();
});

test('found from the home page, search and the member calculators', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('[data-collections] a')).toHaveCount(8);
  await page.getByRole('searchbox', { name: 'Search calculators' }).fill('suspected pe');
  await expect(page.getByRole('list', { name: 'Calculators' }).getByRole('link').first()).toHaveAttribute('href', /collections\/suspected-pe\/$/);
  // Favourites hold calculator ids: a collection offers no star (a stored "collections/…" id would be refused).
  await expect(page.getByRole('button', { name: 'Favourite: Suspected pulmonary embolism' })).toHaveCount(0);
  // A calculator's own name still finds the calculator first.
  await page.getByRole('searchbox', { name: 'Search calculators' }).fill('perc');
  await expect(page.getByRole('list', { name: 'Calculators' }).getByRole('link').first()).toHaveAttribute('href', /c\/perc\/$/);
  await page.goto('c/perc/');
  await page.locator('[data-part-of]').getByRole('link', { name: 'Suspected PE' }).click();
  await expect(page).toHaveURL(/collections\/suspected-pe\/$/);
});

test('axe, light and dark, with results and the next step shown; 320 px', async ({ page }) => {
  await enterLowRisk(page);
  await expect(current(page)).toHaveCount(1);
  expect(await axeLightAndDark(page)).toEqual([]);
  await page.setViewportSize({ width: 320, height: 800 });
  const { overflow, small } = await phoneLayout(page);
  expect(overflow, 'scrolls sideways at 320 px').toBeLessThanOrEqual(0);
  expect(small, 'targets under 44 px').toEqual([]);
});

test('print keeps the members, results and pathway; drops the controls', async ({ page }) => {
  await enterLowRisk(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('[data-pathway]')).toBeVisible();
  await expect(member(page, 'perc').locator('[data-band]')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy to note' })).toBeHidden();
});

test('offline after one visit: the collection page loads and its members compute', async ({ browser }, info) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ baseURL: info.project.use.baseURL });
  const page = await context.newPage();
  await page.goto('./');
  await waitForPrecache(page);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  await context.setOffline(true);
  await enterLowRisk(page);
  await expect(current(page)).toHaveAttribute('data-step', 'perc_rule_out');
  await context.close();
});

test('typed values survive a reload (sessionStorage only); a member’s Clear keeps the patient values', async ({ page }) => {
  await enterLowRisk(page);
  await yes(page, 'wells-pe', 'Clinical signs and symptoms of DVT').check();
  await expect(member(page, 'wells-pe').locator('[data-output="score"]')).toHaveText('3.0');
  await page.waitForTimeout(500); // kept a moment after typing stops
  await page.reload();
  await expect(patientForm(page).getByLabel('Age', { exact: true })).toHaveValue('40');
  await expect(yes(page, 'wells-pe', 'Clinical signs and symptoms of DVT')).toBeChecked();
  expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage)))).not.toMatch(/"40"|dvt_signs/);
  await member(page, 'wells-pe').getByRole('button', { name: 'Clear' }).click();
  await expect(member(page, 'wells-pe').locator('[data-output="score"]')).toHaveText('0.0');
  await expect(patientForm(page).getByLabel('Age', { exact: true })).toHaveValue('40');
  await expect(page.getByTestId('result-perc')).toHaveAttribute('data-state', 'ready');
  await expect(current(page)).toHaveAttribute('data-step', 'perc_rule_out');
});
