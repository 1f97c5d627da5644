import { getViteConfig } from 'astro/config';
import solid from 'vite-plugin-solid';
import { defineConfig } from 'vitest/config';

// onnxruntime-web compiles its wasm on first use: give the first test of each file time.
const timeouts = { testTimeout: 60_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/**/*.astro.test.ts', 'test/components/**'], environment: 'node', ...timeouts } },
      // Solid primitives and islands, rendered in jsdom with @solidjs/testing-library (the plugin
      // compiles JSX and resolves solid-js to its browser build).
      { plugins: [solid()], test: { name: 'components', include: ['test/components/**/*.test.{ts,tsx}'], environment: 'jsdom', ...timeouts } },
      // Astro components rendered with Astro's container API need Astro's Vite plugins to compile
      // `.astro` files: only these files pay for loading them.
      getViteConfig({ test: { name: 'astro', include: ['test/**/*.astro.test.ts'], environment: 'node', ...timeouts } }) as never,
    ],
  },
});
