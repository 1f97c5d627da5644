/**
 * Code that runs inside the page (passed to Playwright's addInitScript / evaluate). Everything is
 * measured with performance.now() in the page, so no round trip to the test driver is counted.
 */

/** Installed before any page script: marks when the form is usable, the engine ready, the result shown. */
export function benchInit(cfg) {
  const marks = {};
  const apply = (a) => {
    if (a.kind === 'unit') {
      const el = document.getElementById(a.id).parentElement.querySelector('select');
      el.value = a.unit;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    } else if (a.kind === 'text') {
      const el = document.getElementById(a.id);
      el.value = a.value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    } else if (a.kind === 'radio') {
      const el = document.querySelector(`input[type=radio][name="${a.name}"][value="${a.value}"]`);
      if (!el.checked) el.click();
    }
  };
  // A client-side navigation keeps this document (and these marks): start over for the next page.
  let stale = null;
  const reset = (fill) => {
    for (const k of Object.keys(marks)) delete marks[k];
    cfg = { ...cfg, fill };
    filled = false;
    stale = document.querySelector('[data-engine]'); // the page being left: its form does not count
  };
  window.__bench = { marks, apply, reset };
  const mark = (k) => {
    if (!(k in marks)) marks[k] = performance.now();
  };
  let filled = false;
  const check = () => {
    const found = document.querySelector('[data-engine]');
    const root = found === stale ? null : found;
    const island = root?.closest('astro-island');
    if (root && island && !island.hasAttribute('ssr')) {
      mark('usable');
      if (cfg?.fill && !filled) {
        filled = true;
        for (const a of cfg.fill) apply(a);
        mark('filled');
      }
    }
    if (root?.getAttribute('data-engine') === 'ready') mark('engine');
    if (root?.getAttribute('data-engine') === 'error') mark('error');
    if (filled && document.querySelector('[data-testid=result]')?.getAttribute('data-state') === 'ready') mark('result');
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['ssr', 'data-engine', 'data-state'] });
}

/**
 * Keystrokes: each step fires one input event (or a radio click) and waits until the shown result
 * (every [data-output] and the band) differs from before; the time is input event -> DOM updated.
 */
export async function keystrokes({ steps, gap, timeout = 1000 }) {
  const box = document.querySelector('[data-testid=result]');
  const shown = () => [...box.querySelectorAll('[data-output],[data-band]')].map((e) => e.textContent + (e.getAttribute('data-band') ?? '')).join('|');
  const times = [];
  const each = [];
  let unchanged = 0;
  for (const step of steps) {
    await new Promise((r) => setTimeout(r, gap));
    const before = shown();
    const t = await new Promise((resolve) => {
      let t0 = 0;
      const done = (v) => {
        mo.disconnect();
        clearTimeout(timer);
        resolve(v);
      };
      const mo = new MutationObserver(() => {
        const t1 = performance.now();
        if (shown() !== before && box.getAttribute('data-state') === 'ready') done(t1 - t0);
      });
      mo.observe(box, { subtree: true, childList: true, characterData: true, attributes: true });
      const timer = setTimeout(() => done(null), timeout);
      t0 = performance.now();
      window.__bench.apply(step);
    });
    each.push(t);
    if (t === null) unchanged++;
    else times.push(t);
  }
  return { times, unchanged, each };
}

/**
 * Engine cost: the small evaluator (decode + validate, run), onnxruntime-web (session creation, run),
 * the app's runner (whichever engine it chose), and plain JS.
 */
export async function engineCost({ browserUrl, models, reps, opts }) {
  const JS = {
    bmi: (v) => v.weight / (v.height / 100) ** 2,
    'ckd-epi-2021': (v) => {
      const f = v.sex === 1;
      const k = f ? 0.7 : 0.9;
      const a = f ? -0.241 : -0.302;
      return 142 * Math.min(v.scr / k, 1) ** a * Math.max(v.scr / k, 1) ** -1.2 * 0.9938 ** v.age * (f ? 1.012 : 1);
    },
    // APACHE II, as calculators/apache-ii defines it (Knaus 1985): the lower bound for a large score.
    'apache-ii': (v) => {
      const steps = (x, t) => {
        for (const [min, pts] of t) if (x >= min) return pts;
        return t[t.length - 1][1];
      };
      const temp = steps(v.temperature, [
        [41, 4],
        [39, 3],
        [38.5, 1],
        [36, 0],
        [34, 1],
        [32, 2],
        [30, 3],
        [-Infinity, 4],
      ]);
      const map = steps(v.map, [
        [160, 4],
        [130, 3],
        [110, 2],
        [70, 0],
        [50, 2],
        [-Infinity, 4],
      ]);
      const hr = steps(v.heart_rate, [
        [180, 4],
        [140, 3],
        [110, 2],
        [70, 0],
        [55, 2],
        [40, 3],
        [-Infinity, 4],
      ]);
      const rr = steps(v.resp_rate, [
        [50, 4],
        [35, 3],
        [25, 1],
        [12, 0],
        [10, 1],
        [6, 2],
        [-Infinity, 4],
      ]);
      const oxy =
        v.fio2 >= 50
          ? v.aa_gradient * 0 +
            steps(v.aa_gradient, [
              [500, 4],
              [350, 3],
              [200, 2],
              [-Infinity, 0],
            ])
          : v.pao2 * 0 + (v.pao2 > 70 ? 0 : v.pao2 >= 61 ? 1 : v.pao2 >= 55 ? 3 : 4);
      const acid =
        v.ph > 0
          ? steps(v.ph, [
              [7.7, 4],
              [7.6, 3],
              [7.5, 1],
              [7.33, 0],
              [7.25, 2],
              [7.15, 3],
              [-Infinity, 4],
            ])
          : v.hco3 * 0 +
            steps(v.hco3, [
              [52, 4],
              [41, 3],
              [32, 1],
              [22, 0],
              [18, 2],
              [15, 3],
              [-Infinity, 4],
            ]);
      const na = steps(v.sodium, [
        [180, 4],
        [160, 3],
        [155, 2],
        [150, 1],
        [130, 0],
        [120, 2],
        [111, 3],
        [-Infinity, 4],
      ]);
      const k = steps(v.potassium, [
        [7, 4],
        [6, 3],
        [5.5, 1],
        [3.5, 0],
        [3, 1],
        [2.5, 2],
        [-Infinity, 4],
      ]);
      const cr0 = steps(v.creatinine, [
        [3.5, 4],
        [2, 3],
        [1.5, 2],
        [0.6, 0],
        [-Infinity, 2],
      ]);
      const hct = steps(v.hematocrit, [
        [60, 4],
        [50, 2],
        [46, 1],
        [30, 0],
        [20, 2],
        [-Infinity, 4],
      ]);
      const wbc = steps(v.wbc, [
        [40, 4],
        [20, 2],
        [15, 1],
        [3, 0],
        [1, 2],
        [-Infinity, 4],
      ]);
      const aps = temp + map + hr + rr + oxy + acid + na + k + (v.arf === 1 ? 2 * cr0 : cr0) + hct + wbc + (15 - v.gcs);
      const age = v.age < 45 ? 0 : v.age < 55 ? 2 : v.age < 65 ? 3 : v.age < 75 ? 5 : 6;
      return aps + age + (v.chronic_health === 1 ? (v.admission === 2 ? 2 : 5) : 0);
    },
    // Caprini: age points + the points of every answered criterion (+ women-only criteria).
    caprini: (v, p) => {
      const age = v.age >= 75 ? 3 : v.age >= 61 ? 2 : v.age >= 41 ? 1 : 0;
      let s = age;
      for (const [id, pts] of p.points) s += pts[v[id]] ?? 0;
      if (v.sex === p.female) for (const [id, pts] of p.women) s += pts[v[id]] ?? 0;
      return s;
    },
  };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const m = await import(browserUrl);
  const ort = await m.loadOrt();
  const out = {};
  for (const model of models) {
    const bytes = new Uint8Array(await (await fetch(model.url)).arrayBuffer());
    const create = [];
    for (let i = 0; i < reps.create; i++) {
      const t0 = performance.now();
      const s = await ort.InferenceSession.create(bytes, opts);
      create.push(performance.now() - t0);
      await s.release();
    }
    const session = await ort.InferenceSession.create(bytes, opts);
    // The evaluator: prepare() is what the runner does with verified bytes (sha256 excluded, as for ORT).
    let evCreate;
    let evRun;
    const prepared = m.prepare(bytes);
    if (prepared.ok) {
      const times = [];
      for (let i = 0; i < reps.create * 10; i++) {
        const t0 = performance.now();
        for (let j = 0; j < 10; j++) m.prepare(bytes);
        times.push((performance.now() - t0) / 10);
      }
      evCreate = median(times);
    }
    const feeds = Object.fromEntries(Object.entries(model.values).map(([k, v]) => [k, Float64Array.of(v)]));
    const tensors = Object.fromEntries(Object.entries(feeds).map(([k, v]) => [k, new ort.Tensor('float64', v, [1])]));
    const block = async (n, fn) => {
      const per = [];
      for (let b = 0; b < reps.blocks; b++) {
        const t0 = performance.now();
        for (let i = 0; i < n; i++) await fn(i);
        per.push((performance.now() - t0) / n);
      }
      return median(per);
    };
    await block(5, () => session.run(tensors));
    const run = await block(reps.perBlock, () => session.run(tensors));
    if (prepared.ok) {
      prepared.program.run(feeds);
      const per = [];
      const n = reps.perBlock * 50; // synchronous: a tight loop, as for plain JS below
      for (let b = 0; b < reps.blocks; b++) {
        const t0 = performance.now();
        for (let i = 0; i < n; i++) prepared.program.run(feeds);
        per.push((performance.now() - t0) / n);
      }
      evRun = median(per);
    }
    await m.runner.run(model.ref, feeds);
    const appRun = await block(reps.perBlock, () => m.runner.run(model.ref, feeds));
    let js;
    if (JS[model.id]) {
      const f = JS[model.id];
      // The lower bound must compute the same thing: compare with the model on the example.
      const first = (await m.runner.run(model.ref, feeds))[model.ref.outputs[0]][0];
      const mine = f(model.values, model.extra);
      if (Math.abs(first - mine) > 1e-9 * Math.max(1, Math.abs(first))) throw new Error(`bench JS formula for ${model.id} gives ${mine}, the model ${first}`);
      const vs = Array.from({ length: 64 }, (_, i) =>
        Object.fromEntries(Object.entries(model.values).map(([k, v]) => [k, k === 'sex' || model.id === 'caprini' ? v : v * (1 + i * 1e-6)])),
      );
      let sink = 0;
      const n = 20000;
      // a tight synchronous loop: the cost of the formula itself
      const per = [];
      for (let b = 0; b < reps.blocks; b++) {
        const t0 = performance.now();
        for (let i = 0; i < n; i++) sink += f(vs[i & 63], model.extra);
        per.push((performance.now() - t0) / n);
      }
      js = median(per);
      if (sink === 42) console.log(sink);
    }
    await session.release();
    const engine = (await m.runner.session(model.ref)).engine;
    out[model.id] = {
      create: median(create),
      run,
      appRun,
      js,
      evCreate,
      evRun,
      engine,
      nodes: prepared.ok ? prepared.nodes : undefined,
      why: prepared.ok ? undefined : prepared.reason,
    };
  }
  return out;
}

/**
 * Typing at a human pace on a cold page: from when the form is usable, each field's value is typed
 * one character every `keyGap` ms (a radio is one click), with `fieldGap` ms between fields. Returns
 * the wait from the last keystroke until the result panel shows a (changed) ready result.
 */
export async function humanTyping({ actions, keyGap, fieldGap, timeout = 5000 }) {
  const sleep = (t) => new Promise((r) => setTimeout(r, t));
  const box = () => document.querySelector('[data-testid=result]');
  const shown = () => {
    const b = box();
    return b
      ? [...b.querySelectorAll('[data-output],[data-band]')].map((e) => e.textContent + (e.getAttribute('data-band') ?? '')).join('|') +
          b.getAttribute('data-state')
      : '';
  };
  const keys = [];
  for (const a of actions) {
    if (a.kind === 'text') for (let k = 1; k <= a.value.length; k++) keys.push({ ...a, value: a.value.slice(0, k), gap: k === 1 ? fieldGap : keyGap });
    // A radio already on the example's answer (a default) is no keystroke.
    else if (!(a.kind === 'radio' && document.querySelector(`input[type=radio][name="${a.name}"][value="${a.value}"]`)?.checked))
      keys.push({ ...a, gap: fieldGap });
  }
  keys[0].gap = 0;
  let before = '';
  for (const k of keys) {
    await sleep(k.gap);
    before = shown();
    window.__bench.apply(k);
  }
  const t0 = performance.now();
  const ready = () => box()?.getAttribute('data-state') === 'ready' && shown() !== before;
  if (ready()) return { wait: 0, keys: keys.length, engineAtLastKey: document.querySelector('[data-engine]')?.getAttribute('data-engine') };
  const wait = await new Promise((resolve) => {
    const mo = new MutationObserver(() => ready() && (mo.disconnect(), clearTimeout(timer), resolve(performance.now() - t0)));
    mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    // The last keystroke did not change what is shown (null): reported as such, not as a time.
    const timer = setTimeout(() => (mo.disconnect(), resolve(null)), timeout);
  });
  return { wait, keys: keys.length };
}
