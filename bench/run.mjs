/**
 * `npm run bench`: builds the site, serves it (bench/serve.mjs: precompressed, cache headers of a
 * static host), and measures in Chromium with a phone profile (CPU 4x slower via the DevTools
 * protocol; "Fast 4G" where the network matters). Prints a table and writes BENCHMARKS.md.
 *
 *   npm run bench                      everything (about 8 minutes on this 2-core machine)
 *   npm run bench -- --no-build        measure the existing dist/
 *   npm run bench -- --only=keys,cold,typed,demo,warm,nav,engine,scale,parse
 *   BENCH_SCALE=100,300 npm run bench  other build-scale sizes
 *   BENCH_QUICK=1 npm run bench        fewer repetitions (a smoke run)
 *   npm run bench -- --only=scale --merge   re-run some phases, keep the other figures of the last run
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { chromium, devices } from '@playwright/test';
import { loadCatalog } from '../src/definitions/load.ts';
import { readManifest } from '../src/definitions/models.ts';
import { readAll } from '../src/runtime/calculate.ts';
import { publishedRef } from '../src/build/model-urls.ts';
import { SESSION_OPTIONS } from '../src/runtime/session.ts';
import { benchInit, engineCost, humanTyping, keystrokes } from './page.mjs';
import { scale, siteStats } from './scale.mjs';
import { fillActions, keySteps } from './steps.mjs';
import { chromiumLaunch, SYSTEM_CHROMIUM } from './chromium.mjs';
import { writeReport } from './report.mjs';
import { parseCost, parseTable } from './parse.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const want = (phase) => !only || only.includes(phase);
const QUICK = !!process.env.BENCH_QUICK;
const REPS = {
  keys: QUICK ? 40 : 200,
  cold: QUICK ? 1 : 3,
  typed: QUICK ? 1 : 2,
  warm: QUICK ? 2 : 6,
  engine: QUICK ? { create: 3, blocks: 3, perBlock: 5 } : { create: 10, blocks: 10, perBlock: 20 },
};
const SCALE = (process.env.BENCH_SCALE ?? (QUICK ? '100' : '100,300,1000')).split(',').map(Number).filter(Boolean);
const PORT = Number(process.env.BENCH_PORT ?? 4517);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ROOT = process.cwd();
const DIST = join(ROOT, 'dist');
const started = performance.now();
const log = (...a) => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...a);

/** DevTools "Fast 4G": 9 Mbit/s down, 1.5 Mbit/s up, 60 ms RTT (x2.75 for the transport), at 90%. */
const FAST_4G = { offline: false, latency: 165, downloadThroughput: (9e6 / 8) * 0.9, uploadThroughput: (1.5e6 / 8) * 0.9, connectionType: 'cellular4g' };
/** DevTools "Fast 3G": 1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT (x3.75 for the transport), at 90%. */
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9, connectionType: 'cellular3g' };
const NETS = { 'Fast 4G': FAST_4G, 'Fast 3G': FAST_3G };
const CPU_SLOWDOWN = 4;
const { defaultBrowserType: _, ...PHONE } = devices['Pixel 7'];

const median = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] : NaN);
const pct = (xs, p) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] : NaN);

// ---------------------------------------------------------------- calculators and their inputs

const { entries, problems } = loadCatalog();
const broken = new Set(problems.map((p) => p.file.split(/[\\/]/)[1]));
const valid = entries.filter((e) => !broken.has(e.id));
const byId = new Map(valid.map((e) => [e.id, e]));
const size = (e) => e.calc.inputs.length + e.calc.outputs.length;
const largest = [...valid].sort((a, b) => size(b) - size(a))[0];
const CALCS = ['bmi', 'ckd-epi-2021', byId.has('apache-ii') ? 'apache-ii' : largest.id].filter((id) => byId.has(id));
/** The contributed trained model (run by onnxruntime-web), measured and reported separately. */
const DEMO = valid.find((e) => e.calc.model)?.id;
const notes = [];
if (!byId.has('apache-ii'))
  notes.push(`apache-ii does not exist yet: the third calculator is the largest present, ${largest.id} (${largest.calc.inputs.length} inputs).`);

// ---------------------------------------------------------------- build and serve

function machine() {
  const lscpu = spawnSync('lscpu', { encoding: 'utf8' }).stdout ?? '';
  const model = /Model name:\s*(.+)/.exec(lscpu)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  const chromiumVersion = SYSTEM_CHROMIUM ? spawnSync(SYSTEM_CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim() : 'Playwright Chromium';
  return {
    cores: os.cpus().length,
    model,
    memGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    chromium: chromiumVersion,
    load: os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' '),
  };
}

function build() {
  log('building the site (astro build)…');
  const t0 = performance.now();
  const r = spawnSync('npx', ['astro', 'build'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (r.status !== 0) throw new Error(`astro build failed:\n${(r.stderr || r.stdout).slice(-4000)}`);
  return performance.now() - t0;
}

async function startServer() {
  const child = spawn(process.execPath, [join(ROOT, 'bench/serve.mjs'), DIST, String(PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ok, fail) => {
    child.stdout.on('data', (d) => String(d).includes('serving') && ok());
    child.on('exit', (code) => fail(new Error(`server exited (${code})`)));
  });
  return child;
}

// ---------------------------------------------------------------- in the browser

async function throttle(page, { net }) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await cdp.send('Network.enable');
  if (net) await cdp.send('Network.emulateNetworkConditions', net === true ? FAST_4G : net);
  return cdp;
}

const url = (id) => `${ORIGIN}/c/${id}/`;
const waitMarks = (page, keys, timeout = 120_000) =>
  page.waitForFunction((ks) => window.__bench && (ks.every((k) => window.__bench.marks[k] !== undefined) || window.__bench.marks.error !== undefined), keys, {
    timeout,
    polling: 50,
  });

function kind(u) {
  const p = new URL(u).pathname;
  if (p.endsWith('.wasm')) return 'wasm';
  if (p.endsWith('.onnx')) return 'model';
  if (/\.m?js$/.test(p)) return /\/ort[.-][^/]*\.m?js$/.test(p) ? 'js (ORT)' : 'js';
  if (p.endsWith('.css')) return 'css';
  if (p.endsWith('/') || p.endsWith('.html')) return 'html';
  if (/\.(woff2?|ttf)$/.test(p)) return 'font';
  return 'other';
}

function distFile(u) {
  let p = decodeURIComponent(new URL(u).pathname);
  if (p.endsWith('/')) p += 'index.html';
  const f = join(DIST, p);
  return existsSync(f) && statSync(f).isFile() ? f : undefined;
}

async function cold(browser, id, net = FAST_4G) {
  const runs = [];
  for (let r = 0; r < REPS.cold; r++) {
    const ctx = await browser.newContext(PHONE);
    const page = await ctx.newPage();
    await page.addInitScript(benchInit, { fill: fillActions(byId.get(id)) });
    const cdp = await throttle(page, { net });
    const reqs = new Map();
    cdp.on('Network.responseReceived', (e) =>
      reqs.set(e.requestId, { url: e.response.url, encoding: e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'], bytes: 0 }),
    );
    cdp.on('Network.loadingFinished', (e) => reqs.has(e.requestId) && (reqs.get(e.requestId).bytes = e.encodedDataLength));
    await page.goto(url(id), { waitUntil: 'commit' });
    await waitMarks(page, ['usable', 'engine', 'result']);
    // Bytes received by the first result (within the 50 ms polling of waitMarks); then half a second
    // more, for what loads right after it (the service worker's precache starts later).
    const beforeResult = [...reqs.values()].reduce((s, q) => s + q.bytes, 0);
    await page.waitForTimeout(500);
    const marks = await page.evaluate(() => window.__bench.marks);
    if (marks.error) throw new Error(`engine error on ${id}`);
    runs.push({ marks, beforeResult, requests: [...reqs.values()].filter((q) => q.url.startsWith(ORIGIN)) });
    await ctx.close();
  }
  const bytes = {};
  for (const q of runs[0].requests) {
    const k = kind(q.url);
    const f = distFile(q.url);
    bytes[k] ??= { requests: 0, transferred: 0, raw: 0, encodings: new Set() };
    bytes[k].requests++;
    bytes[k].transferred += q.bytes;
    bytes[k].raw += f ? statSync(f).size : 0;
    bytes[k].encodings.add(q.encoding ?? 'identity');
  }
  for (const b of Object.values(bytes)) b.encodings = [...b.encodings].join(', ');
  const m = (k) => median(runs.map((r) => r.marks[k]));
  return { usable: m('usable'), engine: m('engine'), result: m('result'), beforeResult: median(runs.map((r) => r.beforeResult)), bytes, runs: runs.length };
}

/** A cold first visit typed at a human pace: the wait from the last keystroke to the result. */
async function typed(browser, id, net) {
  const runs = [];
  const reps = id === 'apache-ii' ? 1 : REPS.typed; // 19 fields: about 30 s a run
  for (let r = 0; r < reps; r++) {
    const ctx = await browser.newContext(PHONE);
    const page = await ctx.newPage();
    await page.addInitScript(benchInit, { fill: [] });
    await throttle(page, { net });
    await page.goto(url(id), { waitUntil: 'commit' });
    await waitMarks(page, ['usable']);
    const t = await page.evaluate(humanTyping, { actions: fillActions(byId.get(id)), keyGap: 150, fieldGap: 1000 });
    runs.push(t);
    await ctx.close();
  }
  const waits = runs.map((x) => x.wait).filter((w) => w !== null);
  return { median: median(waits), max: waits.length ? Math.max(...waits) : NaN, keys: runs[0].keys, runs: waits.length, unchanged: runs.length - waits.length };
}

async function warm(browser, sw, ids = CALCS) {
  const ctx = await browser.newContext({ ...PHONE, serviceWorkers: sw ? 'allow' : 'block' });
  // First visits, unthrottled: fill the HTTP cache (and let the service worker precache the site).
  for (const id of ids) {
    const page = await ctx.newPage();
    await page.addInitScript(benchInit, { fill: fillActions(byId.get(id)) });
    await page.goto(url(id));
    await waitMarks(page, ['result']);
    if (sw && id === ids[0])
      await page.waitForFunction(() => document.documentElement.dataset.offlineReady === 'true', null, { timeout: 300_000, polling: 200 });
    await page.close();
  }
  const out = {};
  for (const id of ids) {
    const page = await ctx.newPage();
    await page.addInitScript(benchInit, { fill: fillActions(byId.get(id)) });
    await throttle(page, { net: true });
    const runs = [];
    for (let r = 0; r < REPS.warm; r++) {
      await page.goto('about:blank');
      await page.goto(url(id), { waitUntil: 'commit' });
      await waitMarks(page, ['usable', 'result']);
      runs.push(
        await page.evaluate(() => ({
          ...window.__bench.marks,
          // The engine's own steps (src/runtime/session.ts marks them), for the breakdown.
          steps: Object.fromEntries(
            performance
              .getEntriesByType('mark')
              .filter((m) => m.name.startsWith('bedside:'))
              .map((m) => [m.name.slice(8), m.startTime]),
          ),
          controlled: !!navigator.serviceWorker?.controller,
        })),
      );
    }
    await page.close();
    out[id] = {
      usable: median(runs.map((m) => m.usable)),
      engine: median(runs.map((m) => m.engine)),
      result: median(runs.map((m) => m.result)),
      p95: pct(
        runs.map((m) => m.result),
        95,
      ),
      controlled: runs.every((m) => m.controlled),
      steps: Object.fromEntries(Object.keys(runs[0].steps).map((k) => [k, median(runs.map((m) => m.steps[k]).filter((v) => v !== undefined))])),
      runs: runs.length,
    };
  }
  await ctx.close();
  return out;
}

/**
 * In-app navigation: from another page of the site, a link to the calculator is followed by the
 * client-side router (the document, onnxruntime-web and its compiled wasm stay alive), the example is
 * entered as soon as the form is usable, and the clock stops at the result. From another calculator
 * (engine loaded) and from the home page (once its idle engine warm-up is done).
 */
async function inApp(browser) {
  const ctx = await browser.newContext(PHONE);
  const page = await ctx.newPage();
  await page.addInitScript(benchInit, { fill: [] });
  await page.goto(url(CALCS[0]));
  await page.waitForFunction(() => document.documentElement.dataset.offlineReady === 'true', null, { timeout: 300_000, polling: 200 });
  await throttle(page, { net: true });
  const follow = async (id) => {
    await page.evaluate(
      ({ href, fill }) => {
        window.__bench.reset(fill);
        const a = Object.assign(document.createElement('a'), { href, textContent: 'bench' });
        document.body.append(a);
        window.__bench.marks.nav = performance.now();
        a.click();
      },
      { href: url(id), fill: fillActions(byId.get(id)) },
    );
    await waitMarks(page, ['usable', 'result']);
    const m = await page.evaluate(() => window.__bench.marks);
    // A full page load would have started a new document (and new marks, without `nav`).
    if (m.nav === undefined) throw new Error(`the link to ${id} was not followed client-side`);
    return m;
  };
  const out = {};
  for (const id of CALCS) {
    const from = CALCS.find((c) => c !== id);
    const calc = [];
    const home = [];
    for (let r = 0; r < REPS.warm; r++) {
      await page.goto(url(from));
      await waitMarks(page, ['engine']);
      const m = await follow(id);
      calc.push({ usable: m.usable - m.nav, result: m.result - m.nav });
      await page.goto(`${ORIGIN}/`);
      // The home page warms the engine up when idle (src/runtime/prewarm.ts), while the user is still
      // searching; the navigation starts once that is done, and how long it took is reported.
      await page.waitForFunction(() => performance.getEntriesByName('bedside:session-ready').length > 0, null, { timeout: 60_000, polling: 50 });
      const warmed = await page.evaluate(() => performance.getEntriesByName('bedside:session-ready')[0].startTime);
      const h = await follow(id);
      home.push({ usable: h.usable - h.nav, result: h.result - h.nav, warmed });
    }
    const med = (xs, k) => median(xs.map((x) => x[k]));
    out[id] = {
      from,
      calc: {
        usable: med(calc, 'usable'),
        result: med(calc, 'result'),
        p95: pct(
          calc.map((x) => x.result),
          95,
        ),
      },
      home: {
        usable: med(home, 'usable'),
        result: med(home, 'result'),
        p95: pct(
          home.map((x) => x.result),
          95,
        ),
        warmed: med(home, 'warmed'),
      },
      runs: calc.length,
    };
  }
  await ctx.close();
  return out;
}

async function keys(browser, id) {
  const entry = byId.get(id);
  const ctx = await browser.newContext(PHONE);
  const page = await ctx.newPage();
  await page.addInitScript(benchInit, { fill: fillActions(entry) });
  await page.goto(url(id));
  await waitMarks(page, ['result', 'engine']);
  const { prefix, cycle: all } = keySteps(entry);
  for (const a of prefix) await page.evaluate((x) => window.__bench.apply(x), a);
  await throttle(page, { net: false });
  // One full cycle to warm up (JIT, first renders of each state) and to drop the keystrokes that do
  // not change the result here (a women-only criterion for a man); a full cycle ends where it began.
  const warmup = await page.evaluate(keystrokes, { steps: all, gap: 20, timeout: 600 });
  const cycle = all.filter((_, k) => warmup.each[k] !== null);
  const steps = Array.from({ length: REPS.keys }, (_, k) => cycle[k % cycle.length]);
  const r = await page.evaluate(keystrokes, { steps, gap: 60 });
  await ctx.close();
  return {
    p50: median(r.times),
    p95: pct(r.times, 95),
    n: r.times.length,
    unchanged: r.unchanged,
    how: cycle[0].kind === 'text' ? `sweeps ${cycle[0].id.slice(3)}` : `toggles ${new Set(cycle.map((s) => s.name)).size} criteria`,
  };
}

async function engine(browser) {
  const manifest = readManifest();
  const browserChunk = readdirSync(join(DIST, '_astro')).find((f) => /^browser\.[\w-]+\.js$/.test(f));
  if (!browserChunk) throw new Error('no dist/_astro/browser.*.js (the runtime chunk) found');
  const models = [...CALCS, ...(DEMO ? [DEMO] : [])].map((id) => {
    const e = byId.get(id);
    const m = manifest[id];
    const ref = publishedRef(id, m, '/');
    const values = Object.fromEntries(Object.entries(readAll(e.calc, e.cases[0].inputs).values).filter(([k]) => m.inputs.includes(k)));
    let extra;
    if (id === 'caprini') {
      const pts = (i) => (i.type === 'yesno' ? { 1: i.points ?? 0, 0: 0 } : Object.fromEntries(i.options.map((o) => [o.value, o.points ?? 0])));
      const women = ['hormones', 'pregnancy', 'obstetric_history'];
      const scoredInputs = e.calc.inputs.filter((i) => !['age', 'sex'].includes(i.id) && i.type !== 'number' && i.type !== 'date');
      extra = {
        points: scoredInputs.filter((i) => !women.includes(i.id)).map((i) => [i.id, pts(i)]),
        women: scoredInputs.filter((i) => women.includes(i.id)).map((i) => [i.id, pts(i)]),
        female: e.calc.inputs.find((i) => i.id === 'sex').options.find((o) => o.label === 'Female')?.value,
      };
    }
    return { id, url: ref.url, ref, values, extra };
  });
  const ctx = await browser.newContext(PHONE);
  const page = await ctx.newPage();
  await page.goto(url(CALCS[0]));
  await page.waitForFunction(() => document.querySelector('[data-engine="ready"]'), null, { timeout: 120_000 });
  await throttle(page, { net: false });
  // The session options the app uses (src/runtime/session.ts), so the figures are the app's.
  const r = await page.evaluate(engineCost, { browserUrl: `/_astro/${browserChunk}`, models, reps: REPS.engine, opts: SESSION_OPTIONS });
  await ctx.close();
  return r;
}

// ---------------------------------------------------------------- main

const RAW = join(os.tmpdir(), 'bedside-bench.json');
const previous = flag('merge') && existsSync(RAW) ? JSON.parse(readFileSync(RAW, 'utf8')) : {};
const results = { ...previous, machine: machine(), calcs: CALCS, notes, reps: REPS, quick: QUICK };
const save = () => writeFileSync(RAW, JSON.stringify(results, null, 2));
let server;
let browser;
try {
  if (!flag('no-build')) results.buildMs = build();
  results.site = siteStats(DIST);
  results.site.calculators = readdirSync(join(DIST, 'c')).length;
  results.hasSW = existsSync(join(DIST, 'sw.js'));
  server = await startServer();
  log(`serving dist/ on ${ORIGIN} (pid ${server.pid})`);
  browser = await chromium.launch(chromiumLaunch);
  results.browserVersion = browser.version();
  if (want('keys')) {
    results.keys = {};
    for (const id of CALCS) {
      log(`keystroke to result: ${id}…`);
      results.keys[id] = await keys(browser, id);
      save();
    }
  }
  if (want('cold')) {
    results.cold = {};
    results.cold3g = {};
    for (const id of CALCS) {
      log(`cold first visit: ${id} (Fast 4G, Fast 3G)…`);
      results.cold[id] = await cold(browser, id, FAST_4G);
      results.cold3g[id] = await cold(browser, id, FAST_3G);
      save();
    }
  }
  if (want('typed')) {
    results.typed = {};
    for (const [net, cond] of Object.entries(NETS))
      for (const id of CALCS) {
        log(`cold visit typed at a human pace: ${id} (${net})…`);
        (results.typed[net] ??= {})[id] = await typed(browser, id, cond);
        save();
      }
  }
  if (want('demo') && DEMO) {
    log(`trained demo model: ${DEMO} (cold Fast 4G and Fast 3G, warm with the service worker)…`);
    results.demo = { id: DEMO, cold: await cold(browser, DEMO, FAST_4G), cold3g: await cold(browser, DEMO, FAST_3G) };
    if (results.hasSW) results.demo.warm = (await warm(browser, true, [DEMO]))[DEMO];
    save();
  }
  if (want('warm')) {
    if (results.hasSW) {
      log('warm visit (service worker)…');
      results.warmSW = await warm(browser, true);
    }
    log('warm visit (HTTP cache only)…');
    results.warmHttp = await warm(browser, false);
    save();
  }
  if (want('nav')) {
    log('in-app navigation (client-side router)…');
    results.nav = await inApp(browser);
    save();
  }
  if (want('engine')) {
    log('engine cost…');
    results.engine = await engine(browser);
    save();
  }
} finally {
  await browser?.close();
  if (server) process.kill(server.pid);
}
if (want('scale') && SCALE.length) {
  log(`build scale: ${SCALE.join(', ')} synthetic calculators…`);
  results.scale = scale(SCALE, { root: ROOT, templates: valid.map((e) => e.id), log });
}
if (want('parse')) {
  log('value parser cost against input length…');
  results.parse = parseCost();
  console.log(parseTable(results.parse));
}
results.totalMs = performance.now() - started;
if (previous.totalMs && only) results.totalMs += previous.totalMs;
save();
const table = writeReport(results, join(ROOT, 'BENCHMARKS.md'));
console.log(`\n${table}`);
log(`done in ${(results.totalMs / 60000).toFixed(1)} min; BENCHMARKS.md written (raw figures: ${RAW})`);
