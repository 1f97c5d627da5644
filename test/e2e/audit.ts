/**
 * What a page may do on the network and under its Content Security Policy: shared by the per-
 * calculator block (calculators.spec.ts) and the site pages' audit (privacy.spec.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import { expect, type BrowserContext, type Page } from '@playwright/test';

export interface AuditLog {
  /** Every request of the context (page and service worker), in order. */
  requests: string[];
  /** CSP violations, console errors and uncaught page errors. */
  problems: string[];
}

/** Records every request, CSP violation and console error of a context; call before the first goto. */
export async function audit(context: BrowserContext, page: Page): Promise<AuditLog> {
  const log: AuditLog = { requests: [], problems: [] };
  context.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => m.type() === 'error' && log.problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => log.problems.push(`pageerror: ${e.message}`));
  await page.exposeFunction('__cspViolation', (v: string) => log.problems.push(`CSP: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
      ),
    );
  });
  return log;
}

/** Nothing went to another origin, no CSP violation or console error, and no cookie exists. */
export async function expectPrivate(page: Page, context: BrowserContext, baseURL: string, log: AuditLog): Promise<void> {
  const origin = new URL(baseURL).origin;
  const foreign = log.requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
  expect(foreign, 'requests to another origin').toEqual([]);
  expect(log.problems).toEqual([]);
  expect(await page.evaluate(() => document.cookie)).toBe('');
  expect(await context.cookies()).toEqual([]);
}

/** The policy a page carries in its meta tag, checked for the directives that make it strict. */
export async function expectStrictPolicy(page: Page, where: string): Promise<void> {
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy, where).toContain("default-src 'self'");
  expect(policy, where).toContain("connect-src 'self'");
  expect(policy, where).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')*;/);
  expect(policy, where).not.toContain('unsafe-inline');
  expect(policy, where).not.toContain("'unsafe-eval'");
}

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/**
 * The rules whose outcome depends on colour alone. Dark mode only changes colours (every `dark:`
 * variant in src is a colour utility: test/unit/dark-mode.test.ts fails otherwise), so in dark mode
 * these are the only rules that can find something light mode did not.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** axe-core itself, injected through the DevTools protocol (as @axe-core/playwright does), so the page's CSP does not apply to it. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * WCAG 2.2 AA violations axe finds on the page as it is now, in light and then in dark mode.
 * `darkRules: 'colour'` runs only the colour rules in dark mode (a calculator page: half the cost).
 * axe is injected once and run in the page for both themes with axe.run; @axe-core/playwright
 * injected it twice per scan and opened a blank page for each (its runPartial/finishRun path), which
 * cost a calculator block a CPU-second. None of our pages has a frame (checked: axe.run would skip one).
 */
export async function axeLightAndDark(page: Page, { darkRules = 'all' }: { darkRules?: 'all' | 'colour' } = {}): Promise<string[]> {
  expect(page.frames(), 'frames on the page (axe runs in the top document only)').toHaveLength(1);
  await page.evaluate(AXE_SOURCE);
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const runOnly: RunOptions['runOnly'] =
      colorScheme === 'dark' && darkRules === 'colour' ? { type: 'rule', values: COLOUR_RULES } : { type: 'tag', values: WCAG_AA };
    const violations = await page.evaluate(
      async (options) => {
        const { axe } = window as unknown as { axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> } };
        const result = await axe.run(document, options);
        return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
      },
      { runOnly, resultTypes: ['violations'] } satisfies RunOptions,
    );
    found.push(...violations.map((v) => `${colorScheme}: ${v.id}: ${v.help} (${v.targets.slice(0, 3).join('; ')})`));
  }
  await page.emulateMedia({ colorScheme: null });
  return found;
}

/** At a 320 px wide viewport: how far the page scrolls sideways, and the touch targets under 44 px. */
export async function phoneLayout(page: Page): Promise<{ overflow: number; small: { el: string; h: number }[] }> {
  await page.setViewportSize({ width: 320, height: 700 });
  return page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    small: [...document.querySelectorAll('main input:not([type=radio]), main select, main button, main label:has(input[type=radio])')]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => ({ el: el.outerHTML.slice(0, 80), h: el.getBoundingClientRect().height }))
      .filter((x) => x.h < 44),
  }));
}
