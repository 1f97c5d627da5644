/** Checks what a calculator page shows against one worked example: values (at their shown precision), bands and warnings. */
import { expect, type Page } from '@playwright/test';
import { formatOutput } from '../../src/runtime/calculate';
import type { Calculator, Case } from '../../src/schema';
import { splitUnit } from '../../src/runtime/values';
import { readOutputs } from './fill';

export async function expectCase(page: Page, calc: Calculator, c: Case): Promise<void> {
  const shown = await readOutputs(page, calc);
  for (const [outId, exp] of Object.entries(c.expect)) {
    const o = calc.outputs.find((x) => x.id === outId)!;
    const e = typeof exp === 'object' ? exp : { value: exp };
    if (typeof e.value === 'number' && o.format === 'category') {
      // A categorical result is shown as the label of the band with that code, never the code.
      const label = calc.interpretation.find((it) => it.output === outId)?.bands.find((b) => b.value === e.value)?.label;
      expect(shown[outId], `${calc.title} ${outId}: category ${e.value}`).toBe(label);
    } else if (typeof e.value === 'number' && o.format !== 'number') {
      expect(shown[outId]).toBe(formatOutput(o, e.value));
    } else if (typeof e.value === 'number') {
      const tol = (e.tol ?? 0.5 * 10 ** -o.decimals) + 0.5 * 10 ** -o.decimals;
      const displayed = Number(shown[outId].split(/\s/)[0]);
      expect(Math.abs(displayed - e.value), `${calc.title} ${outId}: shows ${shown[outId]}, case expects ${e.value}`).toBeLessThanOrEqual(tol + 1e-9);
    } else if (typeof e.value === 'string') {
      expect(shown[outId]).toContain(e.value);
    }
    if (e.band) await expect(page.getByTestId('result'), `${calc.title} ${outId}: band`).toContainText(e.band);
    // A dose shows the cap as applied (or none), and its volume, under its value.
    if (o.dose) {
      const dose = page.locator(`[data-dose="${outId}"]`);
      await expect(dose, `${calc.title} ${outId}: the dose's calculation`).toBeVisible();
      if (e.capped) await expect(dose).toHaveAttribute('data-cap', e.capped);
      if (e.capped === 'single') await expect(dose).toContainText('capped at the maximum single dose');
      if (e.capped === 'daily') await expect(dose).toContainText('capped at the daily maximum');
      if (e.volume !== undefined)
        await expect(dose).toContainText(`Volume: ${e.volume.toFixed(String(o.dose.volume?.round ?? 1).split('.')[1]?.length ?? 0)} mL`);
      await expect(page.getByTestId('dose-disclaimer')).toBeVisible();
    }
    // An applicability warning is shown beside its result (under its value), not elsewhere.
    const warnings = page.locator(`[data-warnings="${outId}"]`);
    if (e.warning === false) await expect(warnings, `${calc.title} ${outId}: no warning`).toHaveCount(0);
    else if (e.warning !== undefined) {
      await expect(warnings, `${calc.title} ${outId}: warning beside the result`).toBeVisible();
      if (typeof e.warning === 'string') await expect(warnings).toContainText(e.warning);
    }
  }
  await expect(page.getByTestId('result')).not.toContainText(/NaN|Infinity/);
}

/** Waits until the service worker is active, i.e. the whole site is precached. */
export async function waitForPrecache(page: Page): Promise<void> {
  // A worker becomes active only after its install step, i.e. after every precache entry was stored.
  const stored = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    let n = 0;
    for (const name of await caches.keys()) n += (await (await caches.open(name)).keys()).length;
    return n;
  });
  expect(stored).toBeGreaterThan(0);
}

/**
 * Fills a case in one round trip: the same DOM events a person's typing fires (input, change,
 * click), dispatched in the page. fillCase does it field by field through Playwright, which is
 * truer but too slow to type every case of every calculator on a 2-core CI machine.
 * Number fields with a unit picker are set to the case's unit, or back to the canonical one.
 */
export async function quickFill(page: Page, calc: Calculator, c: Case): Promise<void> {
  type Step =
    | { kind: 'number'; id: string; unitLabel: string; unit: string; text: string | undefined }
    | { kind: 'text'; id: string; text: string }
    | { kind: 'radio'; id: string; value: string };
  const plan = calc.inputs.flatMap((input): Step[] => {
    const raw = c.inputs[input.id];
    if (input.type === 'number') {
      const { number, unit } =
        raw === undefined ? { number: undefined, unit: undefined } : typeof raw === 'string' ? splitUnit(raw) : { number: String(raw), unit: undefined };
      return [{ kind: 'number' as const, id: input.id, unitLabel: `${input.label} unit`, unit: unit ?? input.unit, text: number }];
    }
    if (raw === undefined) return [];
    if (input.type === 'date') return [{ kind: 'text' as const, id: input.id, text: String(raw) }];
    const value =
      input.type === 'yesno'
        ? ['yes', 'true', '1', 'present'].includes(String(raw).toLowerCase())
          ? '1'
          : '0'
        : String(input.options.find((o) => String(o.value) === String(raw) || o.label.toLowerCase() === String(raw).toLowerCase())!.value);
    return [{ kind: 'radio' as const, id: input.id, value }];
  });
  await page.evaluate((steps) => {
    const fire = (el: Element, type: string) => el.dispatchEvent(new Event(type, { bubbles: true }));
    for (const s of steps) {
      if (s.kind === 'radio') {
        const r = document.querySelector<HTMLInputElement>(`input[type=radio][name="${s.id}"][value="${s.value}"]`);
        if (!r) throw new Error(`no option ${s.value} for ${s.id}`);
        if (!r.checked) r.click();
        continue;
      }
      if (s.kind === 'number') {
        const sel = document.querySelector<HTMLSelectElement>(`select[aria-label="${s.unitLabel}"]`);
        if (sel && sel.value !== s.unit) {
          sel.value = s.unit;
          fire(sel, 'change');
        }
        if (s.text === undefined) continue;
      }
      const el = document.getElementById(`in-${s.id}`) as HTMLInputElement | null;
      if (!el) throw new Error(`no field in-${s.id}`);
      el.value = s.text!;
      fire(el, 'input');
    }
  }, plan);
}
