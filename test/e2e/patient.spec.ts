/**
 * One patient, many calculators (issue 19): a value entered once pre-fills the same quantity in the
 * next calculator, marked as carried over; a pasted lab report fills it too, each value with its
 * line; "New patient" forgets it; nothing of it reaches localStorage, a request or the URL.
 */
import { expect, test, type Page } from '@playwright/test';

const CKD = 'c/ckd-epi-2021/';
const CG = 'c/cockcroft-gault/';

async function ready(page: Page) {
  await expect(page.locator('[data-engine]')).toHaveAttribute('data-engine', 'ready', { timeout: 20_000 });
}

async function enterInCkdEpi(page: Page) {
  await page.goto(CKD);
  await ready(page);
  await page.getByRole('group', { name: 'Sex', exact: true }).getByRole('radio', { name: 'Female', exact: true }).check();
  await page.getByLabel('Age', { exact: true }).fill('67');
  await page.getByLabel('Serum creatinine unit', { exact: true }).selectOption('umol/L');
  await page.getByLabel('Serum creatinine', { exact: true }).fill('106');
  await expect(page.getByTestId('result')).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  // The context is written once typing settles (and on leaving the page).
  await expect.poll(() => page.evaluate(() => sessionStorage.getItem('bedside:patient'))).toContain('106');
}

test('a value entered in one calculator pre-fills the same quantity in the next, marked as carried over', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await enterInCkdEpi(page);
  await page.goto(CG);
  await ready(page);
  await expect(page.getByRole('group', { name: 'Sex', exact: true }).getByRole('radio', { name: 'Female', exact: true })).toBeChecked();
  await expect(page.getByLabel('Age', { exact: true })).toHaveValue('67');
  await expect(page.getByLabel('Serum creatinine', { exact: true })).toHaveValue('106');
  await expect(page.getByLabel('Serum creatinine unit', { exact: true })).toHaveValue('umol/L');
  await expect(page.locator('[data-carried="scr"]')).toContainText('Carried over from CKD-EPI');
  // Weight was never entered: not filled, not guessed.
  await expect(page.getByLabel('Weight', { exact: true })).toHaveValue('');
  await expect(page.locator('[data-carried="weight"]')).toHaveCount(0);
  // The panel says what is kept and until when.
  await expect(page.locator('[data-patient-summary]')).toContainText(/Current patient: 3 values, kept in this tab until/);
  await page.getByRole('button', { name: 'Show values' }).click();
  await expect(page.locator('[data-patient-values]')).toContainText('Creatinine: 106 µmol/L');

  // Typing over a carried value makes it this calculator's own.
  await page.getByLabel('Age', { exact: true }).fill('70');
  await expect(page.locator('[data-carried="age"]')).toHaveCount(0);

  // Private: nothing in localStorage, the URL or any request.
  const local = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
  expect(local).not.toMatch(/106|bedside:patient/);
  expect(page.url()).not.toMatch(/106|67/);
  expect(requests.filter((u) => /106|=67|patient/.test(u))).toEqual([]);
});

test('New patient forgets everything and empties what it filled', async ({ page }) => {
  await enterInCkdEpi(page);
  await page.goto(CG);
  await ready(page);
  await expect(page.getByLabel('Age', { exact: true })).toHaveValue('67');
  await page.getByRole('button', { name: 'New patient' }).click();
  await expect(page.getByLabel('Age', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Serum creatinine', { exact: true })).toHaveValue('');
  expect(await page.evaluate(() => sessionStorage.getItem('bedside:patient'))).toBeNull();
  await page.goto('c/mdrd/');
  await ready(page);
  await expect(page.getByLabel('Age', { exact: true })).toHaveValue('');
});

test('a pasted lab report fills the context on the device, each value with its line, and lists what it did not use', async ({ page }) => {
  const requests: string[] = [];
  await page.goto(CG);
  await ready(page);
  page.on('request', (r) => requests.push(r.url()));
  await page.getByRole('button', { name: 'Paste results' }).click();
  await page
    .getByLabel('Paste lab results (read on this device only)')
    .fill('Creatinine 1.2 mg/dL (H)\nNa+ 134 mmol/L\neGFR >60 mL/min/1.73m2\nCA 19-9 35 U/mL');
  await page.getByRole('button', { name: 'Read', exact: true }).click();
  await expect(page.locator('[data-paste-read]')).toContainText('Creatinine: 1.2 mg/dL [H]');
  await expect(page.locator('[data-paste-read]')).toContainText('line 1: “Creatinine 1.2 mg/dL (H)”');
  await expect(page.locator('[data-paste-unread]')).toContainText('eGFR >60: a bound, not a value');
  await expect(page.locator('[data-paste-unread]')).toContainText('CA 19-9: not a test Bedside uses');
  await page.getByRole('button', { name: 'Use these values' }).click();
  await expect(page.getByLabel('Serum creatinine', { exact: true })).toHaveValue('1.2');
  await expect(page.locator('[data-carried="scr"]')).toContainText('Carried over from pasted results (“Creatinine 1.2 mg/dL (H)”)');
  // Read on the device: the paste never left it.
  expect(requests).toEqual([]);
  expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage)))).not.toMatch(/1\.2|Creatinine/);
});

test('a page opened from a share link neither takes from nor adds to the current patient', async ({ page }) => {
  await enterInCkdEpi(page);
  // Someone else's values, as a share link carries them (#fragment, never sent to a server).
  await page.goto(`${CG}#sex=0&age=45&weight=90&height=180&scr=0.9`);
  await ready(page);
  await expect(page.locator('[data-patient]')).toHaveCount(0);
  await expect(page.getByLabel('Age', { exact: true })).toHaveValue('45');
  await expect(page.getByTestId('result')).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  await page.getByLabel('Weight', { exact: true }).fill('91');
  await page.waitForTimeout(1000); // longer than the context's settle time: nothing may be written
  const kept = JSON.parse((await page.evaluate(() => sessionStorage.getItem('bedside:patient')))!) as {
    entries: Record<string, { text: string; from: { id: string } }>;
  };
  expect(Object.keys(kept.entries).sort()).toEqual(['age', 'creatinine', 'sex']);
  expect(kept.entries.age.text).toBe('67'); // not the link's 45
  expect(Object.values(kept.entries).map((e) => e.from.id)).toEqual(['ckd-epi-2021', 'ckd-epi-2021', 'ckd-epi-2021']);
});

test('a collection page shares the current patient, and keeps it as private as a calculator page does', async ({ page }) => {
  await enterInCkdEpi(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('collections/af-anticoagulation/');
  const values = page.getByRole('form', { name: 'Patient values' });
  await expect(values.getByLabel('Age', { exact: true })).toHaveValue('67');
  await expect(values.getByLabel('Serum creatinine', { exact: true })).toHaveValue('106');
  await expect(page.locator('[data-carried="creatinine"]')).toContainText('Carried over from CKD-EPI');
  await values.getByLabel('Weight', { exact: true }).fill('72');
  await expect.poll(() => page.evaluate(() => sessionStorage.getItem('bedside:patient'))).toContain('"72"');
  const local = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
  expect(local).not.toMatch(/106|72|bedside:patient/);
  expect(page.url()).not.toMatch(/#|106|72/);
  expect(requests.filter((u) => /106|=67|=72|patient/.test(u))).toEqual([]);
});
