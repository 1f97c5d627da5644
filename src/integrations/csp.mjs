/**
 * A strict Content Security Policy on every page, as a <meta http-equiv> tag (static hosts differ in
 * how they set headers). Runs after the build over dist/**\/*.html: it hashes every inline script,
 * inline <style> and style="" attribute the page really contains, so no 'unsafe-inline' is needed,
 * and inserts the policy right after <meta charset>, before anything it governs.
 * Must run before the service worker is generated: the precache revisions hash the final HTML.
 *
 * frame-ancestors, report-uri and sandbox are ignored in a meta tag; public/_headers sets them for
 * hosts that read it (Netlify, Cloudflare Pages) and the README shows the nginx equivalent.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const decode = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Every .html file under a folder. */
function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => join(d.parentPath ?? d.path, d.name));
}

/** The policy for one page, from what the page contains. */
export function policyFor(html) {
  const scripts = new Set();
  const styles = new Set();
  const attrs = new Set();
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const a = m[1] ?? '';
    if (/\ssrc\s*=/i.test(a) || m[2] === '') continue;
    if (/type\s*=\s*["']?application\/(ld\+)?json/i.test(a)) continue; // data, not executed
    scripts.add(sha256(m[2]));
  }
  for (const m of html.matchAll(/<style(\s[^>]*)?>([\s\S]*?)<\/style>/gi)) styles.add(sha256(m[2]));
  // style="" on elements (temml's MathML spacing): allowed by the hash of each exact value only.
  for (const m of html.matchAll(/\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) attrs.add(sha256(decode(m[1] ?? m[2])));
  const handlers = [...html.matchAll(/<[a-z][\w-]*\s[^>]*?\s(on(?:click|load|error|submit|input|change|focus|blur|key\w+|mouse\w+|pointer\w+|touch\w+))\s*=\s*["']/gi)].map((m) => m[1]);
  if (handlers.length) throw new Error(`inline event handler attribute(s) ${handlers.join(', ')}: the CSP forbids them; use addEventListener in a module script`);
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval' lets onnxruntime-web compile its WebAssembly; it does not allow eval().
    `script-src 'self' 'wasm-unsafe-eval' ${[...scripts].join(' ')}`.trim(),
    `style-src 'self' ${[...styles].join(' ')}`.trim(),
    // 'unsafe-hashes' only lets through the exact attribute values hashed here, nothing else.
    attrs.size ? `style-src-attr 'unsafe-hashes' ${[...attrs].join(' ')}` : "style-src-attr 'none'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** Inserts the policy into one page; throws if the page has nowhere safe to put it. */
export function withPolicy(html) {
  if (/http-equiv=["']?content-security-policy/i.test(html)) throw new Error('page already has a CSP meta tag');
  const at = html.search(/<meta charset=["']?utf-8["']?\s*\/?>/i);
  if (at < 0) throw new Error('no <meta charset="utf-8"> to put the CSP after');
  const end = html.indexOf('>', at) + 1;
  const before = html.slice(0, end);
  if (/<script|<style|<link/i.test(before)) throw new Error('a script, style or link comes before the CSP');
  return `${before}<meta http-equiv="Content-Security-Policy" content="${policyFor(html)}">${html.slice(end)}`;
}

export function csp() {
  return {
    name: 'bedside-csp',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const files = htmlFiles(fileURLToPath(dir));
        for (const f of files) writeFileSync(f, withPolicy(readFileSync(f, 'utf8')));
        logger.info(`Content-Security-Policy set on ${files.length} pages`);
      },
    },
  };
}
