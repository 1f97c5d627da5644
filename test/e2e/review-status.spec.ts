/**
 * What a reader sees of a definition's review fields and formula versions: the version, the draft /
 * reviewed badge, reviewers and change log on every page; on an older formula version, a banner
 * linking the current one; and in search, current versions before superseded ones.
 */
import { expect, test } from '@playwright/test';
import { loadCatalog } from '../../src/definitions/load';

const { entries } = loadCatalog();
const byId = new Map(entries.map((e) => [e.id, e.calc]));

// A few drafts, and the first calculators that are reviewed or carry a change log.
const sample = new Set([...entries.slice(0, 3), ...entries.filter((e) => e.calc.status === 'reviewed' || e.calc.changelog.length).slice(0, 2)]);
for (const { id, calc } of sample) {
  test(`${id}: shows its version and review status`, async ({ page }) => {
    await page.goto(`c/${id}/`);
    const review = page.locator('[data-review]');
    await expect(review).toContainText(`Version ${calc.version}`);
    await expect(review.locator('[data-status]')).toHaveText(calc.status === 'reviewed' ? 'Reviewed' : 'Draft');
    if (calc.status === 'reviewed') {
      for (const r of calc.reviewers) await expect(review).toContainText(r.name);
      await expect(review).toContainText(calc.last_reviewed!);
    } else await expect(review).toContainText('Not yet checked against the primary source');
    if (calc.changelog.length) {
      await review.getByText('Change log').click();
      await expect(review.locator('li').first()).toContainText(calc.changelog[0].changes);
    }
    if (!calc.superseded_by) await expect(page.locator('[data-superseded]')).toHaveCount(0);
  });
}

const superseded = entries.filter((e) => e.calc.superseded_by && byId.has(e.calc.superseded_by.id));

test('an older formula version links the current one, says what changed and why', async ({ page }) => {
  test.skip(superseded.length === 0, 'no calculator is superseded yet (the banner itself is tested in test/unit/review-components.astro.test.ts)');
  const { id, calc } = superseded[0];
  const s = calc.superseded_by!;
  await page.goto(`c/${id}/`);
  const banner = page.getByRole('note').filter({ hasText: 'This is an older version' });
  await expect(banner).toContainText(s.what_changed);
  await expect(banner).toContainText(s.source);
  await banner.getByRole('link', { name: byId.get(s.id)!.title }).click();
  await expect(page).toHaveURL(new RegExp(`/c/${s.id}/$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(byId.get(s.id)!.title);
  await expect(page.locator('[data-superseded]')).toHaveCount(0);
});

test('search lists the current version before the older one', async ({ page }) => {
  test.skip(superseded.length === 0, 'no calculator is superseded yet');
  const { id, calc } = superseded[0];
  await page.goto('./');
  await page.getByLabel('Search calculators').fill(calc.short ?? calc.title);
  const links = page.getByRole('list', { name: 'Calculators' }).getByRole('link');
  await expect(links.filter({ hasText: calc.title })).toHaveCount(1);
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const at = (x: string) => hrefs.findIndex((h) => h.endsWith(`/c/${x}/`));
  expect(at(id)).toBeGreaterThanOrEqual(0);
  // Every current result comes before the superseded one.
  for (const [k, h] of hrefs.entries()) {
    const other = byId.get(h.replace(/\/$/, '').split('/').pop()!);
    if (other && !other.superseded_by) expect(k, `${h} is current and listed before ${id}`).toBeLessThan(at(id));
  }
});
