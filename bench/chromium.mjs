/**
 * How every browser of this project is launched: the e2e tests (playwright.config.ts) and the
 * benchmarks (bench/run.mjs, bench/profile.mjs). Debian's Chromium where it is installed (CI, this
 * project's machines); otherwise Playwright's own browser, for a developer who ran
 * `npx playwright install chromium`.
 */
import { existsSync } from 'node:fs';

export const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/** No sandbox (containers), no GPU, and nothing the browser would fetch on its own (so a test sees only the page's requests). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Playwright's launch options for that browser. */
export const chromiumLaunch = { executablePath: SYSTEM_CHROMIUM, args: CHROMIUM_ARGS };
