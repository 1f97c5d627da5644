/**
 * The installable, offline site: web app manifest and a service worker (src/sw.ts, injectManifest)
 * that precaches every page, the scripts and styles, the onnxruntime wasm and every model, so after
 * one visit the whole catalogue works in airplane mode — including pages never opened. Each precache
 * entry carries the sha256 of the built file, which the worker checks at install and on every use.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { THEME_DARK, THEME_LIGHT } from './icons.mjs';

/**
 * Workbox manifest transform: the revision of every entry becomes the sha256 (hex) of the file as
 * built, and URLs stay file paths (the worker maps c/bmi/, c/bmi and c/bmi/?x to c/bmi/index.html).
 */
export const sha256Entries = (outDir) => async (entries) => ({
  manifest: entries.map((e) => ({
    ...e,
    revision: createHash('sha256')
      .update(readFileSync(join(outDir, e.url.replace(/^\//, ''))))
      .digest('hex'),
  })),
  warnings: [],
});

const precache = (outDir) => ({
  // manifest.webmanifest is added by the plugin itself.
  globPatterns: ['**/*.{html,js,css,json,wasm,onnx,png,svg,woff2}'],
  // Downloads (/exports/<id>/: model packages, FHIR Questionnaires) are for integrators, not needed offline.
  globIgnores: ['exports/**', 'sw.js'],
  // The onnxruntime wasm is 14.2 MB (Workbox skips files over 2 MiB by default). Without it
  // nothing computes offline, so the limit is raised on purpose, to 20 MiB: room for a
  // runtime update, yet a mistake (a 100 MB model) still fails the build loudly.
  maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
  // Every entry keeps its own hash: no "don't cache-bust" shortcut for hashed file names.
  dontCacheBustURLsMatching: undefined,
  manifestTransforms: [sha256Entries(outDir)],
});

/**
 * Options for @vite-pwa/astro.
 * @returns {import('@vite-pwa/astro').PwaOptions}
 */
export function pwaOptions(base = '/', outDir = './dist') {
  return {
    strategies: 'injectManifest',
    srcDir: 'src',
    filename: 'sw.ts',
    injectManifest: { ...precache(outDir), rollupFormat: 'iife' },
    // The page asks before switching to a new version (src/components/UpdatePrompt.astro): an
    // update never swaps the page or its model under a clinician mid-calculation.
    registerType: 'prompt',
    injectRegister: false,
    manifest: {
      id: base,
      name: 'Bedside — clinical calculators',
      short_name: 'Bedside',
      description: 'Clinical calculators that work offline; nothing you type leaves your device.',
      lang: 'en',
      start_url: base,
      scope: base,
      display: 'standalone',
      background_color: '#f8fafc', // slate-50, the light page background
      theme_color: THEME_LIGHT,
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
  };
}

export { THEME_DARK, THEME_LIGHT };

/**
 * The plugin appends manifest.webmanifest to the precache list after the manifest transforms ran,
 * with an md5 revision; this pins it to its sha256 like every other entry (the worker verifies all).
 * Runs after AstroPWA, before precompress. Fails the build if the entry is not where expected.
 */
export function pinWebManifest() {
  return {
    name: 'bedside-pin-webmanifest',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        const sw = join(root, 'sw.js');
        const text = readFileSync(sw, 'utf8');
        const hash = createHash('sha256')
          .update(readFileSync(join(root, 'manifest.webmanifest')))
          .digest('hex');
        const re = /\{"revision":"[0-9a-f]{32}","url":"manifest\.webmanifest"\}/;
        if (!re.test(text)) throw new Error('sw.js: the manifest.webmanifest precache entry was not found; update pinWebManifest in src/integrations/pwa.mjs');
        writeFileSync(sw, text.replace(re, `{"revision":"${hash}","url":"manifest.webmanifest"}`));
      },
    },
  };
}
