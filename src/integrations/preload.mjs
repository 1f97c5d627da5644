/**
 * <link rel="modulepreload"> for every module a page runs at load: its module scripts and its
 * client:load islands (component and renderer), with everything they import statically.
 *
 * Without it the browser discovers the island's imports one level at a time — HTML, then the
 * stylesheet (inline scripts wait for it), then the island's component, then the chunks that
 * component imports — one network round trip per level. On a phone on 4G (165 ms per round trip)
 * that chain alone costs most of a second before the form can be used; with the hints every
 * module is requested in parallel as soon as the <head> is parsed (BENCHMARKS.md, "cold visit").
 *
 * A calculator page (one with a #bedside-model) also needs the engine and its model before the
 * first result: the page's scripts import the engine dynamically (`import("./browser.js")`, which
 * the browser only discovers once that script has run) and the engine then fetches the model — two
 * more round trips after the form is up (330 ms on Fast 4G, over a second on Fast 3G). So those
 * pages also hint the engine's modules (the targets of the dynamic imports in the page's own
 * modules, with their static imports — not what the engine itself loads dynamically: onnxruntime-web
 * stays unloaded unless a model needs it) and `<link rel="preload" as="fetch" crossorigin>` the
 * model file, which the engine's same-origin fetch() then takes from the preload cache (the bytes
 * are still checked against the pinned sha256). Other pages leave dynamic imports and
 * client:idle/visible islands alone: they are not needed to use the form. Runs after the build,
 * before the CSP and the service worker (the precache revisions hash the final HTML).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlFiles } from './csp.mjs';

/** Static imports of one built chunk: `import ... from "./x.js"`, `import "./x.js"`, `export ... from`. */
export function staticImports(code) {
  const out = new Set();
  for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.m?js)["']/g)) out.add(m[1]);
  return [...out];
}

/** Targets of dynamic `import("./x.js")` in one built chunk. */
export function dynamicImports(code) {
  const out = new Set();
  for (const m of code.matchAll(/(?<![\w$.])import\(\s*["']([^"']+\.m?js)["']\s*\)/g)) out.add(m[1]);
  return [...out];
}

const resolve = (from, spec) => (spec.startsWith('/') ? spec : posix.normalize(posix.join(posix.dirname(from), spec)));

/**
 * Every module (URL path) reachable by static imports from `entries` (URL paths under `base`),
 * in the order they are first reached; `read(urlPath)` returns a chunk's code or undefined.
 */
export function closure(entries, read) {
  const seen = new Set();
  const visit = (url) => {
    if (seen.has(url)) return;
    const code = read(url);
    if (code === undefined) return;
    seen.add(url);
    for (const spec of staticImports(code)) {
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue;
      visit(resolve(url, spec));
    }
  };
  for (const e of entries) visit(e);
  return [...seen];
}

/**
 * The module URLs a page needs at load: client:load islands first (the form is what the user waits
 * for; on HTTP/1.1 only six requests run at once), then module scripts.
 */
export function pageEntries(html) {
  const entries = [];
  for (const m of html.matchAll(/<astro-island\s[^>]*>/gi)) {
    const tag = m[0];
    if (!/\sclient=["']?load["']?/.test(tag)) continue;
    for (const a of tag.matchAll(/\s(?:component|renderer)-url=["']([^"']+)["']/g)) entries.push(a[1]);
  }
  for (const m of html.matchAll(/<script\s[^>]*type=["']?module["']?[^>]*\ssrc=["']([^"']+)["']/gi)) entries.push(m[1]);
  return entries;
}

/** The model a calculator page runs (its #bedside-model JSON), or undefined. */
export function pageModelUrl(html) {
  const m = /<script\s[^>]*id=["']?bedside-model["']?[^>]*>([^<]*)<\/script>/i.exec(html);
  if (!m) return undefined;
  try {
    const url = JSON.parse(m[1])?.url;
    return typeof url === 'string' && url.startsWith('/') && !/["'<>\s]/.test(url) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The engine's modules a page's own modules import dynamically (and their static imports). */
export function engineModules(modules, read) {
  const targets = [];
  for (const url of modules) {
    for (const spec of dynamicImports(read(url) ?? '')) {
      if (spec.startsWith('.') || spec.startsWith('/')) targets.push(resolve(url, spec));
    }
  }
  return closure(targets, read);
}

/** Adds the hints to one page (before its first stylesheet, so scripts are not queued behind it). */
export function addPreloads(html, read) {
  const present = new Set([...html.matchAll(/<link\s[^>]*rel=["']?(?:modulepreload|preload)["']?[^>]*href=["']([^"']+)["']/gi)].map((m) => m[1]));
  const modules = closure(pageEntries(html), read);
  const model = pageModelUrl(html);
  const engine = model ? engineModules(modules, read) : [];
  const urls = [...new Set([...modules, ...engine])].filter((u) => !present.has(u));
  const fetches = model && !present.has(model) ? [model] : [];
  if (!urls.length && !fetches.length) return html;
  const links =
    urls.map((u) => `<link rel="modulepreload" href="${u}">`).join('') + fetches.map((u) => `<link rel="preload" href="${u}" as="fetch" crossorigin>`).join('');
  const at = html.search(/<link\s[^>]*rel=["']?stylesheet/i);
  const head = at >= 0 ? at : html.search(/<\/head>/i);
  if (head < 0) return html;
  return html.slice(0, head) + links + html.slice(head);
}

export function preload() {
  let base = '/';
  return {
    name: 'bedside-modulepreload',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const cache = new Map();
        const read = (url) => {
          if (!cache.has(url)) {
            const rel = url.startsWith(base) ? url.slice(base.length) : undefined;
            const file = rel === undefined ? undefined : join(out, rel);
            cache.set(url, file && existsSync(file) ? readFileSync(file, 'utf8') : undefined);
          }
          return cache.get(url);
        };
        let pages = 0;
        for (const f of htmlFiles(out)) {
          const html = readFileSync(f, 'utf8');
          const next = addPreloads(html, read);
          if (next !== html) {
            writeFileSync(f, next);
            pages++;
          }
        }
        logger.info(`modulepreload hints on ${pages} page(s)`);
      },
    },
  };
}
