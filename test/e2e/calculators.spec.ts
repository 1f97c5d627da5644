/**
 * One generated smoke test per calculator: open its page in Chromium, fill the first worked example
 * by label, and check what the page shows against the case — through the real ONNX model.
 */
import { expect, test } from '@playwright/test';
import { loadCatalog } from '../../src/definitions/load';
import { expectCase } from './expect-case';
import { fillCase } from './fill';

const { entries } = loadCatalog();

test('the index lists every calculator', async ({ page }) => {
  await page.goto('./');
  for (const { id, calc } of entries) await expect(page.locator(`a[href$="/c/${id}/"]`)).toContainText(calc.title);
});

for (const { id, calc, cases } of entries) {
  test(`${id}: first worked example computes in the page`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`c/${id}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(calc.title);
    await fillCase(page, calc, cases[0]);
    await expectCase(page, calc, cases[0]);
    expect(errors).toEqual([]);
  });
}

test('out-of-limit value gets a plain message next to the field and no result', async ({ page }) => {
  const entry = entries.find((e) => e.calc.inputs.some((i) => i.type === 'number'))!;
  const input = entry.calc.inputs.find((i) => i.type === 'number')!;
  if (input.type !== 'number') throw new Error('unreachable');
  await page.goto(`c/${entry.id}/`);
  const field = page.getByLabel(input.label, { exact: true });
  await field.fill(String(input.limits[1] * 10 + 1));
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`#msg-${input.id}`)).toContainText('must be between');
  await field.fill('abc');
  await expect(page.locator(`#msg-${input.id}`)).toContainText('is not a number');
  await expect(page.getByTestId('result')).not.toContainText('NaN');
});
