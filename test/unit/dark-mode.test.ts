/**
 * Dark mode changes colours and nothing else. The per-calculator e2e block relies on it: in dark mode
 * it runs only axe's colour rules (test/e2e/audit.ts COLOUR_RULES), so a `dark:` variant that changed
 * layout, size or visibility would go unchecked there. This test refuses one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const SRC = join(__dirname, '..', '..', 'src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : /\.(astro|tsx?|css|mjs)$/.test(f) ? [join(dir, f)] : []));
// Tailwind colour utilities (and the state variants in front of them, e.g. dark:has-[:checked]:bg-…).
const COLOUR =
  /^(?:[a-z-]+(?:-\[[^\]]*\])?:)*(?:bg|text|border(?:-[trblxy])?|ring|ring-offset|outline|fill|stroke|decoration|divide|placeholder|accent|caret|from|via|to|shadow)-(?:[a-z]+-\d{2,3}(?:\/\d+)?|white|black|transparent|current|inherit)$/;

test('every dark: variant in src is a colour utility', () => {
  const found = files(SRC).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/(?<![\w-])dark:([^\s"'`}]+)/g)].map((m) => ({ f, cls: m[1] })));
  expect(found.length, 'dark: variants found').toBeGreaterThan(10);
  expect(found.filter(({ cls }) => !COLOUR.test(cls)).map(({ f, cls }) => `${f.slice(SRC.length + 1)}: dark:${cls}`)).toEqual([]);
});

test('the dark variant in global.css only switches colour-scheme', () => {
  const css = readFileSync(join(SRC, 'styles', 'global.css'), 'utf8');
  const rules = [...css.matchAll(/prefers-color-scheme: dark\)\s*\{([^{}]*\{[^{}]*\}|[^{}]*)\}/g)].map((m) => m[1].replace(/\s+/g, ' ').trim());
  for (const r of rules) expect(r).toMatch(/^(@slot;|:root:not\(\.light\) \{ color-scheme: dark; \})$/);
});
