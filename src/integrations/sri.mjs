/**
 * Subresource Integrity for every script and stylesheet the site loads (issue 15, finding 4): on a
 * shared origin (user.github.io) another page can rewrite Cache Storage, so a cached chunk must not
 * run unless its bytes are the build's. After the build, over dist/**\/*.html:
 *
 * - `integrity="sha384-…"` on <script type="module" src>, <link rel="modulepreload"> and
 *   <link rel="stylesheet"> that point at the site's own files;
 * - an import map whose `integrity` section lists every JavaScript file of the build, so modules
 *   loaded by import() (islands, the runtime, onnxruntime-web) are checked too (Chromium 127+; older
 *   browsers ignore it and rely on the service worker's sha256 check).
 *
 * Runs after preload (which adds the modulepreload links) and before csp (which hashes the import
 * map, an inline script) and the service worker (which hashes the final HTML).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlFiles } from './csp.mjs';

const sri = (buf) => `sha384-${createHash('sha384').update(buf).digest('base64')}`;

/** Adds integrity attributes and the import map to one page. `hashOf(url)` gives a file's SRI or undefined. */
export function withIntegrity(html, hashOf, importMap) {
  let out = html.replace(/<(script|link)\b([^>]*)>/gi, (tag, name, attrs) => {
    if (/\sintegrity\s*=/i.test(attrs)) return tag;
    const isModule = name.toLowerCase() === 'script' && /\stype\s*=\s*["']?module/i.test(attrs);
    const isLink = name.toLowerCase() === 'link' && /\srel\s*=\s*["']?(modulepreload|stylesheet)["'\s>]/i.test(`${attrs} `);
    if (!isModule && !isLink) return tag;
    const url = /\s(?:src|href)\s*=\s*["']([^"']+)["']/i.exec(attrs)?.[1];
    const h = url && hashOf(url);
    if (!h) return tag;
    return `<${name}${attrs.replace(/\s*\/$/, '')} integrity="${h}">`;
  });
  if (importMap && !/<script type="importmap"/.test(out)) {
    const at = out.search(/<meta charset=["']?utf-8["']?\s*\/?>/i);
    if (at >= 0) {
      const end = out.indexOf('>', at) + 1;
      out = `${out.slice(0, end)}<script type="importmap">${importMap}</script>${out.slice(end)}`;
    }
  }
  return out;
}

export function integrity() {
  return {
    name: 'bedside-sri',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const base = process.env.BEDSIDE_BASE ?? '/';
        const cache = new Map();
        const hashOf = (url) => {
          if (!url.startsWith(base) || url.startsWith('//')) return undefined;
          const file = join(root, url.slice(base.length).split(/[?#]/)[0]);
          if (!cache.has(file)) cache.set(file, existsSync(file) ? sri(readFileSync(file)) : undefined);
          return cache.get(file);
        };
        const assets = join(root, '_astro');
        const scripts = existsSync(assets)
          ? readdirSync(assets)
              .filter((f) => f.endsWith('.js'))
              .sort()
          : [];
        const map = JSON.stringify({ imports: {}, integrity: Object.fromEntries(scripts.map((f) => [`${base}_astro/${f}`, hashOf(`${base}_astro/${f}`)])) });
        const files = htmlFiles(root);
        for (const f of files) writeFileSync(f, withIntegrity(readFileSync(f, 'utf8'), hashOf, map));
        logger.info(`Subresource Integrity on ${files.length} pages; import map lists ${scripts.length} scripts`);
      },
    },
  };
}
