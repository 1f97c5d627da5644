/**
 * CPU profile of keystrokes on one calculator page (DevTools protocol Profiler), to find where the
 * time between an input event and the result goes. Needs a built dist/.
 *
 *   npx tsx bench/profile.mjs [calculator-id=bmi] [keystrokes=150]
 * Writes /tmp/bedside-<id>.cpuprofile (open it in Chrome DevTools > Performance) and prints the
 * functions with the most self time.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, devices } from '@playwright/test';
import { loadCatalog } from '../src/catalog/load.ts';
import { benchInit, keystrokes } from './page.mjs';

const [id = 'bmi', count = '150'] = process.argv.slice(2);
const PORT = 4518;
const entry = loadCatalog().entries.find((e) => e.id === id);
if (!entry) throw new Error(`no calculator ${id}`);
const { fillActions, keySteps } = await import('./steps.mjs');
const server = spawn(process.execPath, ['bench/serve.mjs', 'dist', String(PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((ok) => server.stdout.on('data', (d) => String(d).includes('serving') && ok()));
const { defaultBrowserType: _, ...PHONE } = devices['Pixel 7'];
const browser = await chromium.launch({
  executablePath: ['/usr/bin/chromium'].find(existsSync),
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await (await browser.newContext(PHONE)).newPage();
  await page.addInitScript(benchInit, { fill: fillActions(entry) });
  await page.goto(`http://127.0.0.1:${PORT}/c/${id}/`);
  await page.waitForFunction(() => window.__bench?.marks.result !== undefined, null, { timeout: 120_000 });
  const { prefix, cycle } = keySteps(entry);
  for (const a of prefix) await page.evaluate((x) => window.__bench.apply(x), a);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.evaluate(keystrokes, { steps: cycle, gap: 20 });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const steps = Array.from({ length: Number(count) }, (_, k) => cycle[k % cycle.length]);
  const r = await page.evaluate(keystrokes, { steps, gap: 20 });
  const { profile } = await cdp.send('Profiler.stop');
  const file = join(tmpdir(), `bedside-${id}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const dt = profile.timeDeltas;
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((s, k) => {
    const n = byId.get(s).callFrame;
    const key = `${n.functionName || '(anonymous)'} ${n.url.split('/').pop()}:${n.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[k] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const sorted = [...r.times].sort((a, b) => a - b);
  console.log(`${id}: ${r.times.length} keystrokes, p50 ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, p95 ${sorted[Math.ceil(sorted.length * 0.95) - 1].toFixed(1)} ms; profile ${file}`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${v.toFixed(1).padStart(8)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
} finally {
  await browser.close();
  process.kill(server.pid);
}
