/**
 * Integrity and bad input through the real page: a tampered model is refused with one sentence while
 * the form stays usable; nonsense typed into fields is refused next to the field, never NaN/Infinity.
 */
import { expect, test } from '@playwright/test';
import { loadCatalog } from '../../src/definitions/load';
import { convert } from '../../src/units/convert';
import { expectCase, quickFill } from './expect-case';
import { fillCase } from './fill';

const { entries } = loadCatalog();
// page.route sees only requests that reach the network, so keep the service worker out of the way.
test.use({ serviceWorkers: 'block' });

test('a tampered model is refused in one sentence and the form stays usable', async ({ page }) => {
  const entry = entries.find((e) => e.calc.inputs.some((i) => i.type === 'number'))!;
  const input = entry.calc.inputs.find((i) => i.type === 'number')!;
  let tampered = 0;
  await page.route('**/models/*.onnx', async (route) => {
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[body.length >> 1] ^= 0x01; // one bit, in the middle of the weights
    tampered++;
    await route.fulfill({ response, body });
  });
  await page.goto(`c/${entry.id}/`);
  const alert = page.getByTestId('result').getByRole('alert');
  await expect(alert).toContainText('failed its integrity check');
  const text = (await alert.innerText()).trim();
  expect(text.split(/(?<=[.!?])\s+(?=[A-Z])/)).toHaveLength(1); // one sentence
  expect(text).not.toMatch(/Error:|at .*\.js|NaN|undefined/);
  expect(tampered).toBeGreaterThan(0);
  // The form still reads and checks what is typed.
  const field = page.getByLabel(input.label, { exact: true });
  await field.fill('abc');
  await expect(page.locator(`#msg-${input.id}`)).toContainText('is not a number');
  await fillCase(page, entry.calc, entry.cases[0]);
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  // Retrying with the genuine model works.
  await page.unrouteAll({ behavior: 'wait' });
  await page.getByRole('button', { name: 'Try again' }).click();
  await expectCase(page, entry.calc, entry.cases[0]);
});

// A sample: three calculators whose number fields accept more than one unit (so wrong-unit
// magnitudes are covered), and up to two number fields of each.
const sample = entries.filter((e) => e.calc.inputs.some((i) => i.type === 'number' && i.units.length)).slice(0, 3);
for (const { id, calc, cases } of sample) {
  test(`${id}: nonsense in a number field is refused, never NaN or Infinity`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(`c/${id}/`);
    await expect(page.locator('[data-engine]')).toHaveAttribute('data-engine', 'ready', { timeout: 20_000 });
    for (const input of calc.inputs.filter((i) => i.type === 'number').slice(0, 2)) {
      if (input.type !== 'number') continue;
      await page.getByRole('button', { name: 'Clear' }).click();
      await quickFill(page, calc, cases[0]);
      const field = page.getByLabel(input.label, { exact: true });
      const unitBox = page.getByLabel(`${input.label} unit`, { exact: true });
      if (await unitBox.count()) await unitBox.selectOption(input.unit);
      const bad = ['abc', '1e308', '-1e308', String(input.limits[1] * 1000 + 1), '12..5', '∞', 'NaN', 'Infinity'];
      if (input.limits[0] >= 0) bad.push('-5');
      // A value typical in another unit, typed in this one (e.g. creatinine 88 "mg/dL").
      for (const u of input.units) {
        const other = convert(input.typical[1], input.unit, u, input.analyte);
        if (other > input.limits[1] || other < input.limits[0]) bad.push(String(other));
      }
      for (const text of bad) {
        await field.fill(text);
        await expect(field, `${input.label} = "${text}"`).toHaveAttribute('aria-invalid', 'true');
        await expect(page.locator(`#msg-${input.id}`)).not.toBeEmpty();
        await expect(page.getByTestId('result')).not.toContainText(/NaN|Infinity/);
        await expect(page.getByTestId('result')).not.toHaveAttribute('data-state', 'ready');
      }
    }
  });
}
