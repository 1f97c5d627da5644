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
 * Dynamic imports (the engine, workbox-window) and client:idle/visible islands are left alone:
 * they are not needed to use the form. Runs after the build, before the CSP and the service worker
 * (the precache revisions hash the final HTML).
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
      visit(spec.startsWith('/') ? spec : posix.normalize(posix.join(posix.dirname(url), spec)));
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

/** Adds the hints to one page (before its first stylesheet, so scripts are not queued behind it). */
export function addPreloads(html, read) {
  const present = new Set([...html.matchAll(/<link\s[^>]*rel=["']?modulepreload["']?[^>]*href=["']([^"']+)["']/gi)].map((m) => m[1]));
  const urls = closure(pageEntries(html), read).filter((u) => !present.has(u));
  if (!urls.length) return html;
  const links = urls.map((u) => `<link rel="modulepreload" href="${u}">`).join('');
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
