/**
 * The modulepreload hints (src/integrations/preload.mjs): what a page runs at load is announced in
 * its <head>, so the browser fetches it in one round trip instead of one per import level.
 * The e2e suite checks the real build (test/e2e/offline.spec.ts runs pages under the CSP with them).
 */
import { describe, expect, test } from 'vitest';
import { addPreloads, closure, dynamicImports, engineModules, pageEntries, pageModelUrl, staticImports } from '../../src/integrations/preload.mjs';

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

describe('calculator pages: the engine and its model', () => {
  const model = { id: 'bmi', url: '/models/bmi.0123456789abcdef.onnx', sha256: '0'.repeat(64), inputs: ['w'], outputs: ['bmi'] };
  const page = (json: string) =>
    [
      '<html><head><link rel="stylesheet" href="/_astro/a.css">',
      '<script type="module" src="/_astro/Base.js"></script></head><body>',
      `<script type="application/json" id="bedside-model">${json}</script>`,
      '<astro-island uid="1" component-url="/_astro/Calc.js" renderer-url="/_astro/client.js" client="load"></astro-island>',
      '</body></html>',
    ].join('');
  const files: Record<string, string> = {
    '/_astro/Base.js': 'import{_ as p}from"./preload-helper.js";const r=()=>p(()=>import("./browser.X1.js"),[]);',
    '/_astro/Calc.js': 'import"./web.js";const e=()=>import("./browser.X1.js");',
    '/_astro/client.js': 'import"./web.js";',
    '/_astro/web.js': '',
    '/_astro/preload-helper.js': '',
    '/_astro/browser.X1.js': 'import"./preload-helper.js";import"./evaluator.js";const o=()=>import("./ort.wasm.bundle.min.Y.js");',
    '/_astro/evaluator.js': '',
    '/_astro/ort.wasm.bundle.min.Y.js': 'import"./ort-huge.js";',
  };
  const read = (u: string) => files[u];

  test('dynamicImports reads import("…") and not a method or a static import', () => {
    expect(dynamicImports('const a=()=>import("./b.js"),c=x.import("./no.js");import"./static.js";import( \'./d.mjs\' )')).toEqual(['./b.js', './d.mjs']);
  });

  test("the engine's modules are the page modules' dynamic targets with their static imports, never what the engine loads on demand", () => {
    expect(engineModules(['/_astro/Base.js', '/_astro/Calc.js'], read)).toEqual(['/_astro/browser.X1.js', '/_astro/preload-helper.js', '/_astro/evaluator.js']);
  });

  test('the model URL comes from the page JSON; anything odd is ignored rather than written into the head', () => {
    expect(pageModelUrl(page(JSON.stringify(model)))).toBe(model.url);
    expect(pageModelUrl(page('{not json'))).toBeUndefined();
    expect(pageModelUrl(page(JSON.stringify({ ...model, url: '/models/x.onnx" onload="alert(1)' })))).toBeUndefined();
    expect(pageModelUrl(page(JSON.stringify({ ...model, url: 'https://elsewhere.example/m.onnx' })))).toBeUndefined();
    expect(pageModelUrl('<html></html>')).toBeUndefined();
  });

  test('a calculator page hints the runtime chunk and preloads the model as a CORS fetch; onnxruntime-web is left alone', () => {
    const out = addPreloads(page(JSON.stringify(model)), read);
    const links = [...out.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
    expect(links).toContain('/_astro/browser.X1.js');
    expect(links).toContain('/_astro/evaluator.js');
    expect(links.filter((l) => l.includes('ort'))).toEqual([]);
    expect(out).toContain(`<link rel="preload" href="${model.url}" as="fetch" crossorigin>`);
    expect(out.indexOf('rel="preload"')).toBeLessThan(out.indexOf('rel="stylesheet"'));
    expect(addPreloads(out, read)).toBe(out);
  });

  test('a page without a model does not hint the engine', () => {
    const out = addPreloads(page('').replace(/<script type="application\/json"[^]*?<\/script>/, ''), read);
    expect(out).not.toContain('browser.X1.js');
    expect(out).not.toContain('rel="preload"');
  });
});
