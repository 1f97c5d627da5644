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
  out.push(
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${m.cores} cores (${m.model}), ${m.memGB} GB RAM, Node ${m.node}, ${m.chromium}` +
      ` (Playwright reports ${r.browserVersion ?? '?'}); load average at the start ${m.load}. Phone profile: Pixel 7 viewport and user agent,` +
      ` CPU slowed 4x (Emulation.setCPUThrottlingRate), network "Fast 4G" (Network.emulateNetworkConditions: 9 Mbit/s down, 1.5 Mbit/s up, 165 ms latency) where the figure depends on the network, and "Fast 3G" (1.6 Mbit/s down, 750 kbit/s up, 562.5 ms latency) where stated.` +
      ` Site: ${r.site.calculators} calculators${r.buildMs ? `, built in ${sec(r.buildMs)}` : ''}; served by bench/serve.mjs with the precompressed .br files.` +
      `${r.quick ? ' **Quick run (BENCH_QUICK): few repetitions, figures are indicative only.**' : ''}`,
  );
  for (const n of r.notes) out.push(`\n*${n}*`);

  const rows = [];
  const jsBudget = r.cold ? Math.max(...Object.values(r.cold).map((c) => c.bytes.js?.transferred ?? 0)) : undefined;
  if (r.keys)
    for (const [id, k] of Object.entries(r.keys))
      rows.push([`keystroke → result, ${id} (${k.n} keys, ${k.how})`, ms(k.p50), ms(k.p95), 'p95 ≤ 8 ms', ok(k.p95 <= 8)]);
  if (r.cold)
    for (const [id, c] of Object.entries(r.cold)) {
      const usableBudget = id === 'apache-ii' ? 800 : 1000;
      rows.push([`cold visit (Fast 4G), ${id}: usable form`, ms(c.usable), '', `≤ ${usableBudget / 1000} s`, ok(c.usable <= usableBudget)]);
      rows.push([`cold visit (Fast 4G), ${id}: engine ready`, ms(c.engine), '', '', '']);
      rows.push([`cold visit (Fast 4G), ${id}: first result (inputs filled at once)`, ms(c.result), '', '≤ 1.2 s', ok(c.result <= 1200)]);
      if (c.beforeResult !== undefined)
        rows.push([`cold visit (Fast 4G), ${id}: transferred by the first result`, kb(c.beforeResult), '', '≤ 100 KB', ok(c.beforeResult <= 100_000)]);
      const g = r.cold3g?.[id];
      if (g) {
        rows.push([`cold visit (Fast 3G), ${id}: usable form`, ms(g.usable), '', '', '']);
        rows.push([`cold visit (Fast 3G), ${id}: first result (inputs filled at once)`, ms(g.result), '', '≤ 2.5 s', ok(g.result <= 2500)]);
        rows.push([`cold visit (Fast 3G), ${id}: transferred by the first result`, kb(g.beforeResult), '', '≤ 100 KB', ok(g.beforeResult <= 100_000)]);
      }
    }
  if (r.typed)
    for (const [net, byCalc] of Object.entries(r.typed))
      for (const [id, t] of Object.entries(byCalc))
        rows.push([
          `cold visit typed at a human pace (${net}), ${id}: last keystroke → result (${t.keys} keystrokes, ${t.runs} run${t.runs > 1 ? 's' : ''}; p95 column = worst run)`,
          ms(t.median),
          ms(t.max),
          'p95 ≤ 50 ms',
          ok(t.max <= 50),
        ]);
  if (jsBudget !== undefined)
    rows.push(['page JavaScript excluding ORT, compressed (largest of the three pages)', kb(jsBudget), '', '≤ 50 KB', ok(jsBudget <= 50_000)]);
  for (const [label, w] of [
    ['service worker + HTTP cache', r.warmSW],
    ['HTTP cache only, no service worker', r.warmHttp],
  ])
    if (w)
      for (const [id, x] of Object.entries(w))
        rows.push([
          `warm visit (${label}), ${id}: navigation → first result${x.controlled ? '' : label.startsWith('service') ? ' (page NOT controlled by the worker)' : ''}`,
          ms(x.result),
          ms(x.p95),
          label.startsWith('service') ? '≤ 250 ms' : '(≤ 250 ms)',
          ok(x.result <= 250),
        ]);
  if (r.nav)
    for (const [id, x] of Object.entries(r.nav)) {
      rows.push([
        `in-app navigation from another calculator (${x.from}, engine loaded) → ${id}: first result`,
        ms(x.calc.result),
        ms(x.calc.p95),
        '≤ 250 ms',
        ok(x.calc.result <= 250),
      ]);
      rows.push([
        `in-app navigation from the home page (engine warmed up when idle, ${ms(x.home.warmed)} after load) → ${id}: first result`,
        ms(x.home.result),
        ms(x.home.p95),
        '≤ 250 ms',
        ok(x.home.result <= 250),
      ]);
    }
  if (r.scale?.length) {
    const last = r.scale[r.scale.length - 1];
    rows.push([
      `build of ${last.n} synthetic calculators (astro build)`,
      sec(last.buildMs),
      '',
      '1,000 in ≤ 120 s',
      last.n === 1000 ? ok(last.buildMs <= 120_000) : last.n < 1000 ? 'not measured at 1,000' : '',
    ]);
    if (r.scale.length >= 2) {
      const per = r.scale.slice(1).map((s, i) => (s.buildMs - r.scale[i].buildMs) / (s.n - r.scale[i].n));
      const growth = per[per.length - 1] / per[0];
      rows.push([
        `build time growth: marginal cost per calculator, ${r.scale.map((s) => s.n).join('→')}`,
        per.map((p) => `${p.toFixed(0)} ms`).join(' → '),
        '',
        'linear (last ≤ 1.5× first)',
        per.length >= 2 ? ok(growth <= 1.5) : 'needs 3 sizes',
      ]);
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
    if (r.cold3g) out.push(`\nFast 3G, transferred by the first result: ${ids.map((id) => `${id} ${kb(r.cold3g[id]?.beforeResult ?? NaN)}`).join(', ')}.`);
    out.push(
      '\nTransferred = encodedDataLength from the DevTools protocol (body as sent plus headers); raw = the file in dist/. The service worker then precaches the rest of the site in the background (below).',
    );
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
      ['session-ready', "session ready (includes the wasm compile on a page's first session)"],
      ['result', 'first result shown'],
    ];
    const ids = Object.keys(warmSteps);
    const at = (w, k) => (k === 'usable' || k === 'result' ? w[k] : w.steps?.[k]);
    out.push(
      table(
        ['step', ...ids],
        STEPS.map(([k, label]) => [label, ...ids.map((id) => ms(at(warmSteps[id], k)))]),
      ),
    );
  }

  if (r.engine) {
    out.push('\n### Engine cost per model (in the page, CPU 4x)\n');
    const x = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${Math.round(a / b).toLocaleString('en')}×` : '—');
    const erows = Object.entries(r.engine).map(([id, e]) => [
      id,
      e.engine ?? '—',
      e.nodes ?? '—',
      e.evCreate !== undefined ? us(e.evCreate) : '—',
      e.evRun !== undefined ? us(e.evRun) : '—',
      ms(e.create),
      us(e.run),
      us(e.appRun),
      e.js ? us(e.js) : '—',
      x(e.run, e.evRun),
      x(e.evRun, e.js),
    ]);
    out.push(
      table(
        [
          'model',
          'the page runs it with',
          'nodes',
          'evaluator: create',
          'evaluator: run',
          'ORT: session creation',
          'ORT: session.run()',
          'app runner.run()',
          'plain JS formula',
          'ORT run ÷ evaluator run',
          'evaluator run ÷ JS',
        ],
        erows,
      ),
    );
    out.push(
      '\nMedians, one row (batch of 1) per call. "create" is what follows the sha256 check: the evaluator decodes and validates the bytes (`prepare`), ORT creates an InferenceSession (its wasm already compiled; the first session of a page also pays the compile, see the warm-visit breakdown). ORT and app run figures are the median over blocks of sequential awaited calls (performance.now() is coarsened to 100 µs outside cross-origin isolation, so single calls are not timed); the evaluator\'s run and plain JS (the hand-written formula, bench code only, never shipped — the lower bound) are timed in tight synchronous loops in the same page. "app runner.run()" goes through the engine the page chose, with validation, the queue and a promise.',
    );
    const why = Object.entries(r.engine).filter(([, e]) => e.why);
    if (why.length) out.push(`\n${why.map(([id, e]) => `${id} runs on onnxruntime-web because the evaluator refuses it: ${e.why}.`).join(' ')}`);
  }

  if (r.demo) {
    const d = r.demo;
    out.push(`\n### Trained demo model (${d.id}, run by onnxruntime-web)\n`);
    const drows = [];
    for (const [net, c] of [
      ['Fast 4G', d.cold],
      ['Fast 3G', d.cold3g],
    ])
      if (c) {
        drows.push([`cold visit (${net}): usable form`, ms(c.usable), '']);
        drows.push([`cold visit (${net}): engine ready (onnxruntime-web loaded and compiled)`, ms(c.engine), '']);
        drows.push([`cold visit (${net}): first result`, ms(c.result), '']);
        drows.push([`cold visit (${net}): transferred by the first result`, kb(c.beforeResult), '']);
      }
    if (d.warm)
      drows.push([
        `warm visit (service worker + HTTP cache): navigation → first result${d.warm.controlled ? '' : ' (page NOT controlled by the worker)'}`,
        ms(d.warm.result),
        ms(d.warm.p95),
      ]);
    out.push(table(['figure', 'median', 'p95'], drows));
    out.push('\nNo budget: these are the figures of a page that needs the general runtime (the budgets above are for compiled calculators).');
  }

  if (r.scale?.length) {
    out.push('\n### Build scale (synthetic calculators, temporary copy of the repository)\n');
    const srows = r.scale.map((s) => [
      String(s.n),
      sec(s.modelsMs),
      sec(s.buildMs),
      `${(s.buildMs / s.n).toFixed(0)} ms`,
      `${kb(s.pageRaw)} / ${kb(s.pageBr)}`,
      `${kb(s.searchRaw)} / ${kb(s.searchBr)}`,
      s.precache ? `${s.precache.entries} files, ${kb(s.precache.raw)} / ${kb(s.precache.br)}` : '—',
    ]);
    out.push(
      table(
        [
          'calculators',
          'npm run models',
          'astro build',
          'build per calculator',
          'page HTML (median, raw / br)',
          'search-index.json (raw / br)',
          'precache (raw / br)',
        ],
        srows,
      ),
    );
  }
  out.push(
    `\nWhole \`npm run bench\`: ${(r.totalMs / 60000).toFixed(1)} min. Repetitions: ${r.reps.keys} keystrokes per calculator, ${r.reps.cold} cold visits per network, ${r.reps.typed ?? '—'} human-pace typed visits per network (1 for apache-ii), ${r.reps.warm} warm visits and in-app navigations per calculator, ${r.reps.engine.create} session creations and ${r.reps.engine.blocks}×${r.reps.engine.perBlock} runs per model. Absolute times vary from machine to machine and from run to run (other work on the machine, thermal state); compare figures from one run, and the ratios.`,
  );
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
