/**
 * The installable, offline site: web app manifest and a Workbox (generateSW) service worker that
 * precaches every page, the scripts and styles, the onnxruntime wasm and every model, so after one
 * visit the whole catalogue works in airplane mode — including pages never opened.
 */
import { THEME_DARK, THEME_LIGHT } from './icons.mjs';

/**
 * Options for @vite-pwa/astro.
 * @returns {import('@vite-pwa/astro').PwaOptions}
 */
export function pwaOptions(base = '/') {
  return {
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
    workbox: {
      // manifest.webmanifest is added by the plugin itself.
      globPatterns: ['**/*.{html,js,css,json,wasm,onnx,png,svg}'],
      // Downloads (/exports/<id>/: model packages, FHIR Questionnaires) are for integrators, not needed offline.
      globIgnores: ['exports/**'],
      // The onnxruntime wasm is 14.2 MB (Workbox skips files over 2 MiB by default). Without it
      // nothing computes offline, so the limit is raised on purpose, to 20 MiB: room for a
      // runtime update, yet a mistake (a 100 MB model) still fails the build loudly.
      maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
      // Every page is precached by its own URL, so no fallback: a fallback would answer every
      // navigation — even online — with the cached index, hiding pages added by a newer deploy.
      navigateFallback: null,
      cleanupOutdatedCaches: true,
      // 'prompt': the new worker waits until the user chooses to reload.
      clientsClaim: false,
      skipWaiting: false,
    },
  };
}

export { THEME_DARK, THEME_LIGHT };
