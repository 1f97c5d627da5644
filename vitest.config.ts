import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // onnxruntime-web compiles its wasm on first use: give the first test of each file time.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
