/** WCAG 2.2 AA on the site pages (home, about, privacy): axe in light and dark mode, 320 px; keyboard reaches every control. */
import { expect, test } from '@playwright/test';
import { axeLightAndDark, phoneLayout } from './audit';

// Calculator pages get axe (light and dark, result shown) in their own block in calculators.spec.ts.
for (const path of ['./', 'about/', 'privacy/']) {
  test(`axe, light and dark, and 320 px: ${path}`, async ({ page }) => {
    await page.goto(path);
    expect(await axeLightAndDark(page)).toEqual([]);
    const { overflow, small } = await phoneLayout(page);
    expect(overflow, `${path} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);
    expect(small, `${path}: targets under 44 px`).toEqual([]);
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
      return {
        key: el.id || el.getAttribute('aria-label') || el.textContent?.trim().slice(0, 30) || el.tagName,
        outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
        shadow: style.boxShadow !== 'none',
      };
    });
    if (!info) break;
    reached.add(info.key);
    expect(info.outline || info.shadow, `focus of ${info.key} is visible`).toBe(true);
  }
  // A radio group is one tab stop (its first option until one is chosen); arrow keys move within it.
  for (const id of ['in-age', 'in-scr', 'Serum creatinine unit', 'Male', 'Clear']) expect(reached).toContain(id);
});
