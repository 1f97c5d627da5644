/** Turns the bench results into the figures section of BENCHMARKS.md (between markers) and a console table. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const BEGIN = '<!-- bench:begin (written by npm run bench; edit outside these markers) -->';
const END = '<!-- bench:end -->';

const ms = (x) => (Number.isFinite(x) ? (x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`) : '—');
const us = (x) => (Number.isFinite(x) ? (x * 1000 >= 100 ? `${Math.round(x * 1000)} µs` : `${(x * 1000).toFixed(x * 1000 >= 1 ? 1 : 3)} µs`) : '—');
const kb = (b) => (b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${(b / 1e3).toFixed(1)} KB`);
const sec = (x) => `${(x / 1000).toFixed(1)} s`;
const ok = (pass) => (pass ? '**pass**' : '**miss**');

function table(head, rows) {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function figures(r) {
  const out = [];
  const m = r.machine;
  out.push(`Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${m.cores} cores (${m.model}), ${m.memGB} GB RAM, Node ${m.node}, ${m.chromium}` +
    ` (Playwright reports ${r.browserVersion ?? '?'}); load average at the start ${m.load}. Phone profile: Pixel 7 viewport and user agent,` +
    ` CPU slowed 4x (Emulation.setCPUThrottlingRate), network "Fast 4G" (Network.emulateNetworkConditions: 9 Mbit/s down, 1.5 Mbit/s up, 165 ms latency) where the figure depends on the network.` +
    ` Site: ${r.site.calculators} calculators${r.buildMs ? `, built in ${sec(r.buildMs)}` : ''}; served by bench/serve.mjs with the precompressed .br files.` +
    `${r.quick ? ' **Quick run (BENCH_QUICK): few repetitions, figures are indicative only.**' : ''}`);
  for (const n of r.notes) out.push(`\n*${n}*`);

  const rows = [];
  const jsBudget = r.cold ? Math.max(...Object.values(r.cold).map((c) => c.bytes.js?.transferred ?? 0)) : undefined;
  if (r.keys) for (const [id, k] of Object.entries(r.keys))
    rows.push([`keystroke → result, ${id} (${k.n} keys, ${k.how})`, ms(k.p50), ms(k.p95), 'p95 ≤ 8 ms', ok(k.p95 <= 8)]);
  if (r.cold) for (const [id, c] of Object.entries(r.cold)) {
    rows.push([`cold visit, ${id}: usable form`, ms(c.usable), '', '≤ 1 s', ok(c.usable <= 1000)]);
    rows.push([`cold visit, ${id}: engine ready`, ms(c.engine), '', '', '']);
    rows.push([`cold visit, ${id}: first result (inputs filled at once)`, ms(c.result), '', '', '']);
  }
  if (jsBudget !== undefined) rows.push(['page JavaScript excluding ORT, compressed (largest of the three pages)', kb(jsBudget), '', '≤ 50 KB', ok(jsBudget <= 50_000)]);
  for (const [label, w] of [['service worker + HTTP cache', r.warmSW], ['HTTP cache only, no service worker', r.warmHttp]])
    if (w) for (const [id, x] of Object.entries(w))
      rows.push([`warm visit (${label}), ${id}: navigation → first result${x.controlled ? '' : label.startsWith('service') ? ' (page NOT controlled by the worker)' : ''}`, ms(x.result), ms(x.p95), label.startsWith('service') ? '≤ 250 ms' : '(≤ 250 ms)', ok(x.result <= 250)]);
  if (r.nav) for (const [id, x] of Object.entries(r.nav)) {
    rows.push([`in-app navigation from another calculator (${x.from}, engine loaded) → ${id}: first result`, ms(x.calc.result), ms(x.calc.p95), '≤ 250 ms', ok(x.calc.result <= 250)]);
    rows.push([`in-app navigation from the home page (engine warmed up when idle, ${ms(x.home.warmed)} after load) → ${id}: first result`, ms(x.home.result), ms(x.home.p95), '≤ 250 ms', ok(x.home.result <= 250)]);
  }
  if (r.scale?.length) {
    const last = r.scale[r.scale.length - 1];
    rows.push([`build of ${last.n} synthetic calculators (astro build)`, sec(last.buildMs), '', '1,000 in ≤ 120 s', last.n === 1000 ? ok(last.buildMs <= 120_000) : last.n < 1000 ? 'not measured at 1,000' : '']);
    if (r.scale.length >= 2) {
      const per = r.scale.slice(1).map((s, i) => (s.buildMs - r.scale[i].buildMs) / (s.n - r.scale[i].n));
      const growth = per[per.length - 1] / per[0];
      rows.push([`build time growth: marginal cost per calculator, ${r.scale.map((s) => s.n).join('→')}`, per.map((p) => `${p.toFixed(0)} ms`).join(' → '), '', 'linear (last ≤ 1.5× first)', per.length >= 2 ? ok(growth <= 1.5) : 'needs 3 sizes']);
    }
  }
  out.push('\n### Figures and budgets\n');
  out.push(table(['figure', 'median', 'p95', 'budget', ''], rows));

  if (r.cold) {
    out.push('\n### Bytes of a cold first visit (as served: brotli where the browser accepts it)\n');
    const kinds = ['html', 'js', 'js (ORT)', 'css', 'wasm', 'model', 'font', 'other'];
    const ids = Object.keys(r.cold);
    const brows = [];
    for (const k of kinds) {
      const cells = ids.map((id) => r.cold[id].bytes[k]);
      if (cells.every((c) => !c)) continue;
      brows.push([k, ...cells.map((c) => (c ? `${kb(c.transferred)} (${kb(c.raw)} raw, ${c.requests} req, ${c.encodings})` : '—'))]);
    }
    brows.push(['**total**', ...ids.map((id) => kb(Object.values(r.cold[id].bytes).reduce((s, c) => s + c.transferred, 0)))]);
    out.push(table(['type', ...ids], brows));
    out.push('\nTransferred = encodedDataLength from the DevTools protocol (body as sent plus headers); raw = the file in dist/. The service worker then precaches the rest of the site in the background (below).');
  }

  const warmSteps = r.warmSW ?? r.warmHttp;
  if (warmSteps && Object.values(warmSteps).some((w) => w.steps && Object.keys(w.steps).length)) {
    out.push(`\n### Where a warm visit's time goes (${r.warmSW ? 'service worker + HTTP cache' : 'HTTP cache only'}; medians, ms from navigation start)\n`);
    const STEPS = [
      ['usable', 'form usable (island hydrated), inputs entered'],
      ['engine-start', 'engine start (runtime chunk loaded)'],
      ['ort-loaded', 'onnxruntime-web JavaScript loaded'],
      ['model-fetched', 'model fetched'],
      ['session-create', 'model verified (sha256), session creation starts'],
      ['session-ready', 'session ready (includes the wasm compile on a page\'s first session)'],
      ['result', 'first result shown'],
    ];
    const ids = Object.keys(warmSteps);
    const at = (w, k) => (k === 'usable' || k === 'result' ? w[k] : w.steps?.[k]);
    out.push(table(['step', ...ids], STEPS.map(([k, label]) => [label, ...ids.map((id) => ms(at(warmSteps[id], k)))])));
  }

  if (r.engine) {
    out.push('\n### Engine cost per calculator (in the page, CPU 4x)\n');
    const erows = Object.entries(r.engine).map(([id, e]) => [id, ms(e.create), us(e.run), us(e.appRun), e.js ? us(e.js) : '—', e.js ? `${Math.round(e.run / e.js).toLocaleString('en')}×` : '—']);
    out.push(table(['calculator', 'session creation', 'session.run()', 'app runner.run()', 'plain JS formula', 'run ÷ JS'], erows));
    out.push('\nMedians. run figures are the median over blocks of sequential calls (performance.now() is coarsened to 100 µs outside cross-origin isolation, so single calls are not timed); plain JS is the hand-written formula in a tight loop in the same page (bench code only, never shipped) — the lower bound.');
  }

  if (r.scale?.length) {
    out.push('\n### Build scale (synthetic calculators, temporary copy of the repository)\n');
    const srows = r.scale.map((s) => [String(s.n), sec(s.modelsMs), sec(s.buildMs), `${(s.buildMs / s.n).toFixed(0)} ms`, `${kb(s.pageRaw)} / ${kb(s.pageBr)}`, `${kb(s.searchRaw)} / ${kb(s.searchBr)}`, s.precache ? `${s.precache.entries} files, ${kb(s.precache.raw)} / ${kb(s.precache.br)}` : '—']);
    out.push(table(['calculators', 'npm run models', 'astro build', 'build per calculator', 'page HTML (median, raw / br)', 'search-index.json (raw / br)', 'precache (raw / br)'], srows));
  }
  out.push(`\nWhole \`npm run bench\`: ${(r.totalMs / 60000).toFixed(1)} min. Repetitions: ${r.reps.keys} keystrokes per calculator, ${r.reps.cold} cold and ${r.reps.warm} warm visits and in-app navigations per calculator, ${r.reps.engine.create} session creations and ${r.reps.engine.blocks}×${r.reps.engine.perBlock} runs per model. Absolute times vary from machine to machine and from run to run (other work on the machine, thermal state); compare figures from one run, and the ratios.`);
  return out.join('\n');
}

const TEMPLATE = `# Benchmarks

What a clinician waits for, on a phone, and how the build scales. Run \`npm run bench\`.

${BEGIN}
${END}
`;

export function writeReport(results, file) {
  const body = figures(results);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : TEMPLATE;
  const a = current.indexOf(BEGIN);
  const b = current.indexOf(END);
  const next = a >= 0 && b > a ? `${current.slice(0, a + BEGIN.length)}\n${body}\n${current.slice(b)}` : `${current}\n${BEGIN}\n${body}\n${END}\n`;
  writeFileSync(file, next);
  return body;
}
