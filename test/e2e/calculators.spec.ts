/**
 * One generated smoke test per calculator: open its page in Chromium, fill the first worked example
 * by label, and check what the page shows against the case — through the real ONNX model.
 */
import { expect, test } from '@playwright/test';
import { loadCatalog } from '../../src/catalog/load';
import { formatOutput } from '../../src/runtime/calculate';
import { fillCase, readOutputs } from './fill';

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
    const c = cases[0];
    await fillCase(page, calc, c);
    const shown = await readOutputs(page, calc);
    for (const [outId, exp] of Object.entries(c.expect)) {
      const o = calc.outputs.find((x) => x.id === outId)!;
      const e = typeof exp === 'object' ? exp : { value: exp };
      if (typeof e.value === 'number' && o.format !== 'number') {
        expect(shown[outId]).toBe(formatOutput(o, e.value));
      } else if (typeof e.value === 'number') {
        const tol = (e.tol ?? 0.5 * 10 ** -o.decimals) + 0.5 * 10 ** -o.decimals;
        const displayed = Number(shown[outId].split(/\s/)[0]);
        expect(Math.abs(displayed - e.value), `${outId}: shows ${shown[outId]}, case expects ${e.value}`).toBeLessThanOrEqual(tol + 1e-9);
      } else if (typeof e.value === 'string') {
        expect(shown[outId]).toContain(e.value);
      }
      if (e.band) await expect(page.getByTestId('result')).toContainText(e.band);
    }
    expect(shown[calc.outputs[0].id]).not.toMatch(/NaN|Infinity/);
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
