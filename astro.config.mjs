// @ts-check
import { defineConfig } from 'astro/config';
import solid from '@astrojs/solid-js';
import tailwindcss from '@tailwindcss/vite';
import AstroPWA from '@vite-pwa/astro';
import { models } from './src/integrations/models.mjs';
import { csp } from './src/integrations/csp.mjs';
import { pinWebManifest, pwaOptions } from './src/integrations/pwa.mjs';
import { precompress } from './src/integrations/precompress.mjs';
import { preload } from './src/integrations/preload.mjs';
import { integrity } from './src/integrations/sri.mjs';
import { markdownOptions } from './src/integrations/markdown.mjs';

// BEDSIDE_BASE deploys under a sub-path, e.g. BEDSIDE_BASE=/bedside/ for a GitHub Pages project site.
const base = process.env.BEDSIDE_BASE ?? '/';
const outDir = process.env.BEDSIDE_OUT_DIR ?? './dist';

export default defineConfig({
  base,
  // BEDSIDE_OUT_DIR builds a second copy side by side (the e2e tests build the /bedside/ variant there).
  outDir,
  trailingSlash: 'always',
  // notes.md comes from contributors: raw HTML off, the tree sanitised to an allow-list.
  markdown: markdownOptions,
  // Order matters: models are copied and every page gets its modulepreload hints, integrity attributes and its CSP before the service worker
  // precaches (and so hashes) the final files.
  // BEDSIDE_PRECOMPRESS=0 skips the .br/.gz copies: npm test's builds (dist/ and dist-base/) are served by
  // astro preview, which never sends them, and brotli over the 14 MB wasm costs a fresh clone a minute
  // or more (test/unit/precompress.test.ts checks the step itself).
  integrations: [
    solid(),
    models(),
    preload(),
    integrity(),
    csp(),
    AstroPWA(pwaOptions(base, outDir)),
    pinWebManifest(),
    ...(process.env.BEDSIDE_PRECOMPRESS === '0' ? [] : [precompress()]),
  ],
  vite: {
    plugins: [tailwindcss()],
    // onnxruntime-web is imported dynamically after mount; pre-bundling it breaks its wasm lookup.
    optimizeDeps: { exclude: ['onnxruntime-web'] },
    build: { assetsInlineLimit: 0 },
  },
});
