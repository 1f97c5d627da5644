/**
 * Dose pages: the cap the model applied is visible beside the dose, and goes into "copy to note" with
 * the calculation and what the dose is not. One test per dose calculator with a capped worked example.
 */
import { expect, test } from '@playwright/test';
import { loadCatalog } from '../../src/definitions/load';
import { DOSE_DISCLAIMER } from '../../src/format/dose';
import { fillCase, readOutputs } from './fill';

const { entries } = loadCatalog();

const capped = entries.flatMap(({ id, calc, cases }) => {
  const doses = calc.outputs.filter((o) => o.dose).map((o) => o.id);
  const c = cases.find((x) => Object.entries(x.expect).some(([k, e]) => doses.includes(k) && typeof e === 'object' && e.capped && e.capped !== 'none'));
  return c ? [{ id, calc, c, output: Object.entries(c.expect).find(([k, e]) => doses.includes(k) && typeof e === 'object' && e.capped !== 'none')![0] }] : [];
});

test('there are dose calculators with a capped worked example', () => expect(capped.length).toBeGreaterThan(0));

for (const { id, calc, c, output } of capped) {
  test(`${id}: the applied cap is on the page and in copy to note ("${c.name}")`, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`c/${id}/`);
    await expect(page.locator('[data-dose-notice]')).toHaveText(DOSE_DISCLAIMER);
    await expect(page.locator('[data-engine]')).toHaveAttribute('data-engine', 'ready', { timeout: 20_000 });
    await fillCase(page, calc, c);
    await readOutputs(page, calc);
    const dose = page.locator(`[data-dose="${output}"]`);
    await expect(dose).toContainText(/capped at the (maximum single dose|daily maximum)/);
    const line = (await dose.locator('li').first().textContent())!;
    await page.getByRole('button', { name: 'Copy to note' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
    const note = await page.evaluate(() => navigator.clipboard.readText());
    expect(note).toContain(`\n  ${line}\n`);
    expect(note).toContain(DOSE_DISCLAIMER);
  });
}
