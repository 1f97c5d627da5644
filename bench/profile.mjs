/**
 * CPU profile of keystrokes on one calculator page (DevTools protocol Profiler), to find where the
 * time between an input event and the result goes. Serves `dist/` (or `$BENCH_DIST`): for readable
 * function names, build a copy once with `vite.build.minify: false` and point BENCH_DIST at it.
 *
 *   npx tsx bench/profile.mjs [calculator-id=apache-ii] [keystrokes=300] [--cpu=4]
 * Writes /tmp/bedside-<id>.cpuprofile (open it in Chrome DevTools > Performance) and prints the
 * functions with the most time per keystroke, inclusive (with what they call) and self. Profile at
 * --cpu=1 (the default) for attribution: under CPU throttling the profiler books the throttled
 * pauses as "(program)".
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, devices } from '@playwright/test';
import { loadCatalog } from '../src/definitions/load.ts';
import { benchInit, keystrokes } from './page.mjs';
import { fillActions, keySteps } from './steps.mjs';
import { chromiumLaunch } from './chromium.mjs';

const args = process.argv.slice(2);
const [id = 'apache-ii', count = '300'] = args.filter((a) => !a.startsWith('--'));
const cpu = Number(args.find((a) => a.startsWith('--cpu='))?.slice(6) ?? 1);
const PORT = 4518;
const entry = loadCatalog(undefined, [id]).entries.find((e) => e.id === id);
if (!entry) throw new Error(`no calculator ${id}`);
const server = spawn(process.execPath, ['bench/serve.mjs', process.env.BENCH_DIST ?? 'dist', String(PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((ok) => server.stdout.on('data', (d) => String(d).includes('serving') && ok()));
const { defaultBrowserType: _, ...PHONE } = devices['Pixel 7'];
const browser = await chromium.launch(chromiumLaunch);
try {
  const page = await (await browser.newContext(PHONE)).newPage();
  await page.addInitScript(benchInit, { fill: fillActions(entry) });
  await page.goto(`http://127.0.0.1:${PORT}/c/${id}/`);
  await page.waitForFunction(() => window.__bench?.marks.result !== undefined, null, { timeout: 120_000 });
  const { prefix, cycle } = keySteps(entry);
  for (const a of prefix) await page.evaluate((x) => window.__bench.apply(x), a);
  const cdp = await page.context().newCDPSession(page);
  if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await page.evaluate(keystrokes, { steps: cycle, gap: 20 });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const steps = Array.from({ length: Number(count) }, (_, k) => cycle[k % cycle.length]);
  const r = await page.evaluate(keystrokes, { steps, gap: 20 });
  const { profile } = await cdp.send('Profiler.stop');
  const file = join(tmpdir(), `bedside-${id}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  const self = new Map();
  const inclusive = new Map();
  profile.samples.forEach((s, k) => {
    const dt = (profile.timeDeltas[k + 1] ?? 0) / 1000;
    self.set(name(byId.get(s)), (self.get(name(byId.get(s))) ?? 0) + dt);
    const seen = new Set();
    for (let n = s; n !== undefined; n = parent.get(n)) {
      const key = name(byId.get(n));
      if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
      seen.add(key);
    }
  });
  const sorted = [...r.times].sort((a, b) => a - b);
  const perKey = (ms) => `${((1000 * ms) / r.times.length).toFixed(0).padStart(6)} µs/key`;
  const skip = (k) => /^\((root|program|idle)\)/.test(k);
  console.log(
    `${id} at CPU ${cpu}x: ${r.times.length} keystrokes, p50 ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, p95 ${sorted[Math.ceil(sorted.length * 0.95) - 1].toFixed(1)} ms; profile ${file}`,
  );
  console.log('\ninclusive (the function and what it calls):');
  for (const [k, v] of [...inclusive]
    .filter(([k]) => !skip(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25))
    console.log(`${perKey(v)}  ${k}`);
  console.log('\nself:');
  for (const [k, v] of [...self]
    .filter(([k]) => !skip(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15))
    console.log(`${perKey(v)}  ${k}`);
} finally {
  await browser.close();
  process.kill(server.pid);
}
