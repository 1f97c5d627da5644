/** Fills a calculator's form through the page, the way a clinician would, from a case's inputs. */
import { expect, type Page } from '@playwright/test';
import type { Calculator, Case } from '../../src/schema';
import { splitUnit } from '../../src/runtime/values';

export async function fillCase(page: Page, calc: Calculator, c: Case): Promise<void> {
  for (const input of calc.inputs) {
    const raw = c.inputs[input.id];
    if (raw === undefined) continue;
    if (input.type === 'number') {
      const { number, unit } = typeof raw === 'string' ? splitUnit(raw) : { number: String(raw), unit: undefined };
      if (unit && unit !== input.unit) await page.getByLabel(`${input.label} unit`, { exact: true }).selectOption(unit);
      await page.getByLabel(input.label, { exact: true }).fill(number);
    } else if (input.type === 'date') {
      await page.getByLabel(input.label, { exact: true }).fill(String(raw));
    } else {
      const group = page.getByRole('group', { name: input.label, exact: true });
      let label: string;
      if (input.type === 'yesno') label = ['yes', 'true', '1', 'present'].includes(String(raw).toLowerCase()) ? 'Yes' : 'No';
      else label = input.options.find((o) => String(o.value) === String(raw) || o.label.toLowerCase() === String(raw).toLowerCase())!.label;
      await group.getByRole('radio', { name: label, exact: true }).check();
    }
  }
}

/** Waits for the result and returns the displayed text of each output ("—" for one that is not shown). */
export async function readOutputs(page: Page, calc: Calculator): Promise<Record<string, string>> {
  await expect(page.getByTestId('result')).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  const out: Record<string, string> = {};
  for (const o of calc.outputs) {
    const el = page.locator(`[data-output="${o.id}"]`).first();
    out[o.id] = (await el.count()) ? (await el.innerText()).trim() : '—';
  }
  return out;
}
