/**
 * Build scale: N synthetic calculators (copies of the real ones under new ids) in a temporary copy
 * of the repository, compiled and built; reports how build time and output sizes grow with N.
 * Nothing is written to the working tree.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyRepo } from './tree.mjs';

const size = (f) => (existsSync(f) ? statSync(f).size : 0);
const brSize = (f) => (existsSync(`${f}.br`) ? size(`${f}.br`) : size(f));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function run(cmd, args, cwd) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}:\n${(r.stderr || r.stdout).slice(-3000)}`);
  return { ms, out: r.stdout };
}

/** The precache of the generated service worker: entries and their sizes (raw and as brotli). */
export function precache(dist) {
  const sw = join(dist, 'sw.js');
  if (!existsSync(sw)) return undefined;
  const urls = [...readFileSync(sw, 'utf8').matchAll(/\burl:\s*"([^"]+)"/g)].map((m) => m[1]);
  let raw = 0;
  let br = 0;
  for (const u of urls) {
    const f = join(dist, decodeURIComponent(u.split('?')[0]));
    raw += size(f);
    br += brSize(f);
  }
  return { entries: urls.length, raw, br };
}

/** Sizes of one built site. */
export function siteStats(dist) {
  const pages = existsSync(join(dist, 'c'))
    ? readdirSync(join(dist, 'c'))
        .map((id) => join(dist, 'c', id, 'index.html'))
        .filter(existsSync)
    : [];
  const idx = join(dist, 'search-index.json');
  return {
    pages: pages.length,
    pageRaw: median(pages.map(size)),
    pageBr: median(pages.map(brSize)),
    searchRaw: size(idx),
    searchBr: brSize(idx),
    precache: precache(dist),
  };
}

/** Runs the build-scale benchmark for each N; `templates` are ids of calculators that pass the check. */
export function scale(ns, { root, templates, log = console.log }) {
  const work = join(tmpdir(), 'bedside-bench-scale');
  copyRepo(root, work, { skip: ['calculators', 'models', 'BENCHMARKS.md'] });
  const rows = [];
  try {
    for (const n of ns) {
      rmSync(join(work, 'calculators'), { recursive: true, force: true });
      rmSync(join(work, 'models'), { recursive: true, force: true });
      rmSync(join(work, 'dist'), { recursive: true, force: true });
      mkdirSync(join(work, 'models'), { recursive: true });
      // Contributed (trained) models are sources, not build output: every copy needs them.
      if (existsSync(join(root, 'contributed-models'))) cpSync(join(root, 'contributed-models'), join(work, 'contributed-models'), { recursive: true });
      writeFileSync(join(work, 'models', 'manifest.json'), '{}\n');
      // The copy of `succ` nearest to copy i (the batch always holds one: n >= templates).
      const successor = (succ, i) => {
        const k = templates.indexOf(succ);
        if (k < 0) throw new Error(`superseded_by ${succ} is not among the templates`);
        const j = i - (i % templates.length) + k;
        return `${succ}-s${j < n ? j : k}`;
      };
      if (n < templates.length) throw new Error(`build scale needs at least ${templates.length} calculators (one copy of each real one)`);
      for (let i = 0; i < n; i++) {
        const t = templates[i % templates.length];
        const id = `${t}-s${i}`;
        cpSync(join(root, 'calculators', t), join(work, 'calculators', id), { recursive: true });
        // A distinct title, so the search index grows as a real catalogue's would.
        // A superseded calculator points at its successor's copy in the same batch (the check
        // refuses a link to a calculator that does not exist).
        const f = join(work, 'calculators', id, 'calculator.yaml');
        const yaml = readFileSync(f, 'utf8')
          .replace(/^title: (.*)$/m, (_, title) => `title: ${JSON.stringify(`${title.replace(/^["']|["']$/g, '')} ${i}`)}`)
          .replace(/^(superseded_by:(?:\s*\{\s*|\r?\n\s+)id:\s*)([\w-]+)/m, (_, head, succ) => `${head}${successor(succ, i)}`);
        writeFileSync(f, yaml);
      }
      log(`  scale ${n}: compiling ${n} models…`);
      const models = run('npx', ['tsx', 'src/cli/models.ts'], work);
      log(`  scale ${n}: building…`);
      const build = run('npx', ['astro', 'build'], work);
      const stats = siteStats(join(work, 'dist'));
      const row = { n, modelsMs: models.ms, buildMs: build.ms, ...stats };
      log(`  scale ${n}: models ${(models.ms / 1000).toFixed(1)} s, build ${(build.ms / 1000).toFixed(1)} s, ${stats.pages} pages`);
      rows.push(row);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}
