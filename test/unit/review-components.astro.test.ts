/** The review and formula-version components, rendered with Astro's container API. */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, test } from 'vitest';
import ReviewInfo from '../../src/components/ReviewInfo.astro';
import SupersededBanner from '../../src/components/SupersededBanner.astro';
import { searchDoc } from '../../src/search/doc';
import { currentFirst } from '../../src/search/options';
import { defineCalc, numberInput } from '../helpers';

const base = { inputs: [numberInput('x')], outputs: [{ id: 'y', label: 'Y', formula: 'x' }] };
const old = defineCalc({
  ...base,
  title: 'CKD-EPI 2009',
  superseded_by: { id: 'ckd-epi-2021', what_changed: 'Race coefficient removed; refitted.', source: 'Inker LA et al. N Engl J Med 2021' },
});
const current = defineCalc({ ...base, title: 'CKD-EPI 2021' });
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('SupersededBanner', () => {
  test('names the current calculator with a link under the base path, what changed and the source', async () => {
    const c = await AstroContainer.create();
    const html = await c.renderToString(SupersededBanner, { props: { calc: old, current: Promise.resolve({ data: current }), base: '/bedside/' } });
    expect(html).toContain('href="/bedside/c/ckd-epi-2021/"');
    expect(text(html)).toBe(
      'This is an older version. Current version: CKD-EPI 2021 What changed: Race coefficient removed; refitted. Source: Inker LA et al. N Engl J Med 2021',
    );
  });

  test('renders nothing on a current calculator', async () => {
    const c = await AstroContainer.create();
    expect((await c.renderToString(SupersededBanner, { props: { calc: current } })).trim()).toBe('');
  });
});

describe('ReviewInfo', () => {
  test('a draft says so, with its version', async () => {
    const c = await AstroContainer.create();
    const html = await c.renderToString(ReviewInfo, { props: { calc: current } });
    expect(html).toContain('data-status="draft"');
    expect(text(html)).toBe('Draft Version 1.0.0 · Not yet checked against the primary source by a second clinician');
  });

  test('a reviewed one names its reviewers and date, and shows the change log newest first', async () => {
    const reviewed = defineCalc({
      ...base,
      version: '1.1.0',
      status: 'reviewed',
      reviewers: [{ name: 'A. Reviewer', role: 'nephrologist' }, { name: 'B. Second' }],
      last_reviewed: '2026-02-01',
      changelog: [
        { version: '1.1.0', date: '2026-02-01', changes: 'Added SI units.' },
        { version: '1.0.0', date: '2026-01-01', changes: 'First version.' },
      ],
    });
    const c = await AstroContainer.create();
    const t = text(await c.renderToString(ReviewInfo, { props: { calc: reviewed } }));
    expect(t).toBe(
      'Reviewed Version 1.1.0 · Reviewed by A. Reviewer (nephrologist), B. Second on 2026-02-01 Change log 1.1.0 · 2026-02-01 — Added SI units. 1.0.0 · 2026-01-01 — First version.',
    );
  });
});

describe('search ranks current versions first', () => {
  test('the search doc carries the flag, and superseded results sort after current ones, keeping relevance order', () => {
    expect(searchDoc('ckd-epi-2009', old).superseded).toBe(true);
    expect(searchDoc('ckd-epi-2021', current).superseded).toBe(false);
    const docs = [
      { id: 'ckd-epi-2009', superseded: true },
      { id: 'ckd-epi-2021', superseded: false },
      { id: 'mdrd-old', superseded: true },
      { id: 'cockcroft-gault', superseded: false },
    ];
    expect(currentFirst(docs).map((d) => d.id)).toEqual(['ckd-epi-2021', 'cockcroft-gault', 'ckd-epi-2009', 'mdrd-old']);
  });
});
