/** WCAG 2.2 AA: axe reports no violation on any page, in light and dark mode; keyboard reaches every control. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { loadCatalog } from '../../src/definitions/load';
import { fillCase, readOutputs } from './fill';

const { entries } = loadCatalog();
const pages = ['./', 'about/', 'privacy/', ...entries.map((e) => `c/${e.id}/`)];

// One page load and one filled form per page; axe then runs in light and in dark mode.
for (const path of pages) {
  test(`axe, light and dark: ${path}`, async ({ page }) => {
    await page.goto(path);
    const entry = entries.find((e) => path === `c/${e.id}/`);
    if (entry) {
      await fillCase(page, entry.calc, entry.cases[0]);
      await readOutputs(page, entry.calc);
    }
    const found: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      found.push(...result.violations.map((v) => `${colorScheme}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`));
    }
    expect(found).toEqual([]);
  });
}

test('every control of a calculator is reachable by keyboard with a visible focus', async ({ page }) => {
  await page.goto('c/ckd-epi-2021/');
  const reached = new Set<string>();
  for (let k = 0; k < 30; k++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      if (!el || el === document.body) return undefined; // focus left the page after the last control
      const style = getComputedStyle(el);
      return { key: el.id || el.getAttribute('aria-label') || el.textContent?.trim().slice(0, 30) || el.tagName, outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px', shadow: style.boxShadow !== 'none' };
    });
    if (!info) break;
    reached.add(info.key);
    expect(info.outline || info.shadow, `focus of ${info.key} is visible`).toBe(true);
  }
  // A radio group is one tab stop (its first option until one is chosen); arrow keys move within it.
  for (const id of ['in-age', 'in-scr', 'Serum creatinine unit', 'Male', 'Clear']) expect(reached).toContain(id);
});
