/**
 * The modulepreload hints (src/integrations/preload.mjs): what a page runs at load is announced in
 * its <head>, so the browser fetches it in one round trip instead of one per import level.
 * The e2e suite checks the real build (test/e2e/offline.spec.ts runs pages under the CSP with them).
 */
import { describe, expect, test } from 'vitest';
import { addPreloads, closure, pageEntries, staticImports } from '../../src/integrations/preload.mjs';

describe('staticImports', () => {
  test('reads the forms Vite/Rollup emit, minified or not, and ignores dynamic imports', () => {
    const code =
      'import{a as b,c as $d}from"./web.C6x.js";import"./side.js";export{x}from"./re.js";import * as ns from \'./ns.js\';const m=()=>import("./browser.Cq2.js");';
    expect(staticImports(code)).toEqual(['./web.C6x.js', './side.js', './re.js', './ns.js']);
  });

  test('a word ending in "import" inside code is not an import', () => {
    expect(staticImports('const reimport="./x.js";')).toEqual([]);
  });
});

describe('closure', () => {
  const files: Record<string, string> = {
    '/b/_astro/Calc.js': 'import{a}from"./web.js";import{s}from"./store.js";const e=()=>import("./engine.js");',
    '/b/_astro/web.js': 'export const a=1;',
    '/b/_astro/store.js': 'import{a}from"./web.js";export const s=a;',
    '/b/_astro/client.js': 'import{s}from"./store.js";',
    '/b/_astro/engine.js': 'import"./huge.js";',
  };
  const read = (u: string) => files[u];

  test('follows static imports once each, resolves relative paths, skips dynamic imports', () => {
    expect(closure(['/b/_astro/Calc.js', '/b/_astro/client.js'], read)).toEqual([
      '/b/_astro/Calc.js',
      '/b/_astro/web.js',
      '/b/_astro/store.js',
      '/b/_astro/client.js',
    ]);
  });

  test('a chunk that is not in the build is left out rather than hinted', () => {
    expect(closure(['/b/_astro/missing.js'], read)).toEqual([]);
  });
});

describe('pages', () => {
  const html = [
    '<html><head><meta charset="utf-8"><link rel="stylesheet" href="/_astro/a.css">',
    '<script type="module" src="/_astro/Prompt.js"></script></head><body>',
    '<astro-island uid="1" component-url="/_astro/Calc.js" renderer-url="/_astro/client.js" client="load"></astro-island>',
    '<astro-island uid="2" component-url="/_astro/Theme.js" renderer-url="/_astro/client.js" client="idle"></astro-island>',
    '</body></html>',
  ].join('');

  test('entries are client:load islands (first) and module scripts, not idle islands', () => {
    expect(pageEntries(html)).toEqual(['/_astro/Calc.js', '/_astro/client.js', '/_astro/Prompt.js']);
  });

  test('hints go before the stylesheet, once, and a second pass changes nothing', () => {
    const files: Record<string, string> = {
      '/_astro/Prompt.js': '',
      '/_astro/Calc.js': 'import"./web.js";',
      '/_astro/client.js': 'import"./web.js";',
      '/_astro/web.js': '',
    };
    const out = addPreloads(html, (u: string) => files[u]);
    const links = [...out.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
    expect(links).toEqual(['/_astro/Calc.js', '/_astro/web.js', '/_astro/client.js', '/_astro/Prompt.js']);
    expect(out.indexOf('modulepreload')).toBeLessThan(out.indexOf('rel="stylesheet"'));
    expect(out).not.toContain('Theme.js"><'); // the idle island is not preloaded
    expect(addPreloads(out, (u: string) => files[u])).toBe(out);
  });
});
