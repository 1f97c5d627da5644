import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunch } from './bench/chromium.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4399);
const BASE_PORT = PORT - 1;
const SUB_PATH = '/bedside/';
// `--project chromium` alone (e.g. one calculator's block: -g <id> --project chromium) needs no /bedside/ build.
const args = process.argv.join(' ');
const rootOnly = /--project[= ]chromium\b/.test(args) && !args.includes('base-path');

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: chromiumLaunch,
};

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  // Generous: this 2-core machine is shared, and a slow test is measured by npm run bench, never failed.
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}${process.env.BEDSIDE_BASE ?? '/'}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /pwa-update\.spec\.ts/,
      use: chromium,
    },
    {
      // The same site built under a sub-path (as on GitHub Pages) into dist-base/: offline and the
      // update flow (which edits dist-base/sw.js, so it never runs against dist/).
      name: 'base-path',
      testMatch: /(offline|pwa-update)\.spec\.ts/,
      use: { ...chromium, baseURL: `http://127.0.0.1:${BASE_PORT}${SUB_PATH}` },
    },
  ],
  // Tests run against the built site (npm run build), served as a static host would.
  webServer: [
    {
      command: `npx astro preview --host 127.0.0.1 --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}${process.env.BEDSIDE_BASE ?? '/'}`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    ...(rootOnly
      ? []
      : [
          {
            // Builds its own copy so `playwright test` always covers the base path; without the
            // precompressed copies, which astro preview does not serve (saves the brotli pass).
            command: `npx astro build && npx astro preview --host 127.0.0.1 --port ${BASE_PORT}`,
            env: { BEDSIDE_BASE: SUB_PATH, BEDSIDE_OUT_DIR: './dist-base', BEDSIDE_PRECOMPRESS: '0' },
            url: `http://127.0.0.1:${BASE_PORT}${SUB_PATH}`,
            reuseExistingServer: false,
            timeout: 180_000,
          },
        ]),
  ],
});
