/**
 * A strict Content Security Policy on every page, as a <meta http-equiv> tag (static hosts differ in
 * how they set headers). Runs after the build over dist/**\/*.html: it hashes every inline script,
 * inline <style> and style="" attribute the pages really contain, so no 'unsafe-inline' is needed,
 * and inserts the policy right after <meta charset>, before anything it governs. The policy is the
 * same on every page (the union of all pages' hashes): with client-side navigation a document keeps
 * the policy of the page it was opened on.
 * Must run before the service worker is generated: the precache revisions hash the final HTML.
 *
 * frame-ancestors, report-uri and sandbox are ignored in a meta tag; public/_headers sets them for
 * hosts that read it (Netlify, Cloudflare Pages) and the README shows the nginx equivalent.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const decode = (s) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Every .html file under a folder. */
export function htmlFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => join(d.parentPath ?? d.path, d.name));
}

/** The inline scripts, <style> blocks and style="" attributes one page contains, as CSP hash sources. */
export function sourcesOf(html, into = { scripts: new Set(), styles: new Set(), attrs: new Set() }) {
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const a = m[1] ?? '';
    if (/\ssrc\s*=/i.test(a) || m[2] === '') continue;
    if (/type\s*=\s*["']?application\/(ld\+)?json/i.test(a)) continue; // data, not executed
    into.scripts.add(sha256(m[2]));
  }
  for (const m of html.matchAll(/<style(\s[^>]*)?>([\s\S]*?)<\/style>/gi)) into.styles.add(sha256(m[2]));
  // style="" on elements (temml's MathML spacing): allowed by the hash of each exact value only.
  for (const m of html.matchAll(/\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) into.attrs.add(sha256(decode(m[1] ?? m[2])));
  const handlers = [
    ...html.matchAll(/<[a-z][\w-]*\s[^>]*?\s(on(?:click|load|error|submit|input|change|focus|blur|key\w+|mouse\w+|pointer\w+|touch\w+))\s*=\s*["']/gi),
  ].map((m) => m[1]);
  if (handlers.length)
    throw new Error(`inline event handler attribute(s) ${handlers.join(', ')}: the CSP forbids them; use addEventListener in a module script`);
  return into;
}

/** The text of every file under calculators/: content from contributors, never the site's own code. */
export function definitionTexts(dir = join(process.cwd(), 'calculators')) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.(ya?ml|md)$/.test(d.name))
    .map((d) => readFileSync(join(d.parentPath ?? d.path, d.name), 'utf8'));
}

/**
 * Throws if any inline code on a page came from a definition: the policy hashes only the site's own
 * inline scripts and styles (from src/, temml's MathML spacing), never text written in calculators/
 * — a <script> in a notes.md must not be blessed site-wide (issue 15, finding 2). Markdown is rendered
 * with raw HTML disabled (markdown.mjs), so this only fires if that ever regresses.
 */
export function refuseDefinitionCode(html, texts, file = 'a page') {
  const found = [];
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) if (!/\ssrc\s*=/i.test(m[1] ?? '')) found.push(['script', m[2]]);
  for (const m of html.matchAll(/<style(\s[^>]*)?>([\s\S]*?)<\/style>/gi)) found.push(['style', m[2]]);
  for (const m of html.matchAll(/\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) found.push(['style attribute', decode(m[1] ?? m[2])]);
  for (const [kind, body] of found) {
    const code = body.trim();
    if (code.length >= 8 && texts.some((t) => t.includes(code)))
      throw new Error(
        `${file}: an inline ${kind} comes from calculators/ ("${code.slice(0, 60)}"): definition text must never become code; the CSP will not hash it`,
      );
  }
}

/**
 * The policy allowing exactly `sources` (from one page, or the union over the site: pages reached by
 * client-side navigation keep the first page's policy, so every page carries the site-wide one).
 */
export function policyFor(sources) {
  const list = (set) => [...set].sort().join(' ');
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval' lets onnxruntime-web compile its WebAssembly; it does not allow eval().
    `script-src 'self' 'wasm-unsafe-eval' ${list(sources.scripts)}`.trim(),
    `style-src 'self' ${list(sources.styles)}`.trim(),
    // 'unsafe-hashes' only lets through the exact attribute values hashed here, nothing else.
    sources.attrs.size ? `style-src-attr 'unsafe-hashes' ${list(sources.attrs)}` : "style-src-attr 'none'",
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
export function withPolicy(html, policy = policyFor(sourcesOf(html))) {
  if (/http-equiv=["']?content-security-policy/i.test(html)) throw new Error('page already has a CSP meta tag');
  const at = html.search(/<meta charset=["']?utf-8["']?\s*\/?>/i);
  if (at < 0) throw new Error('no <meta charset="utf-8"> to put the CSP after');
  const end = html.indexOf('>', at) + 1;
  const before = html.slice(0, end);
  if (/<script|<style|<link/i.test(before)) throw new Error('a script, style or link comes before the CSP');
  return `${before}<meta http-equiv="Content-Security-Policy" content="${policy}">${html.slice(end)}`;
}

export function csp() {
  return {
    name: 'bedside-csp',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const files = htmlFiles(fileURLToPath(dir));
        // One policy for the whole site: after a client-side navigation the document keeps the policy
        // of the page it was opened on, so that policy must allow every page's inline code.
        const sources = { scripts: new Set(), styles: new Set(), attrs: new Set() };
        const texts = definitionTexts();
        const pages = files.map((f) => {
          const html = readFileSync(f, 'utf8');
          refuseDefinitionCode(html, texts, f);
          sourcesOf(html, sources);
          return [f, html];
        });
        const policy = policyFor(sources);
        for (const [f, html] of pages) writeFileSync(f, withPolicy(html, policy));
        logger.info(
          `Content-Security-Policy set on ${files.length} pages (${sources.scripts.size} inline scripts, ${sources.styles.size} styles, ${sources.attrs.size} style attributes hashed site-wide; ${policy.length} characters)`,
        );
      },
    },
  };
}
