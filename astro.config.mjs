// @ts-check
import { defineConfig } from 'astro/config';
import solid from '@astrojs/solid-js';
import tailwindcss from '@tailwindcss/vite';
import { models } from './src/integrations/models.mjs';

// BEDSIDE_BASE deploys under a sub-path, e.g. BEDSIDE_BASE=/bedside/ for a GitHub Pages project site.
const base = process.env.BEDSIDE_BASE ?? '/';

export default defineConfig({
  base,
  trailingSlash: 'always',
  integrations: [solid(), models()],
  vite: {
    plugins: [tailwindcss()],
    // onnxruntime-web is imported dynamically after mount; pre-bundling it breaks its wasm lookup.
    optimizeDeps: { exclude: ['onnxruntime-web'] },
    build: { assetsInlineLimit: 0 },
  },
});
