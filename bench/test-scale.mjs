/**
 * Test-suite scale: the real catalogue plus synthetic copies of it (as bench/scale.mjs makes them:
 * the same definitions under new ids and titles) up to N calculators, in a temporary copy of the
 * repository; times each phase of `npm test` there and prints the figures. Nothing is written to
 * the working tree.
 *
 *   node bench/test-scale.mjs 300                    every phase
 *   node bench/test-scale.mjs 300 check,models,vitest,build
 *   E2E_PORT=4435 node bench/test-scale.mjs 300 e2e  Playwright too (the slowest phase)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyRepo } from './tree.mjs';

const ROOT = process.cwd();
const N = Number(process.argv[2] ?? 300);
const PHASES = (process.argv[3] ?? 'check,models,vitest,build,e2e').split(',');
const work = join(tmpdir(), `bedside-test-scale-${N}`);

/** Runs one phase; prints wall clock and CPU time (user + system, GNU time): on a shared machine the second is the steadier figure. */
function run(name, cmd, args, env = {}) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', cmd, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    maxBuffer: 512 * 1024 * 1024,
  });
  const s = (performance.now() - t0) / 1000;
  const [, user, sys] = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr) ?? [0, 'NaN', 'NaN'];
  const tail = (r.stdout + r.stderr.replace(/cpu [\d.]+ [\d.]+\s*$/, '')).trim().split('\n').slice(-2).join(' | ');
  console.log(
    `${name.padEnd(16)} ${s.toFixed(1).padStart(7)} s wall ${(Number(user) + Number(sys)).toFixed(1).padStart(7)} s CPU  exit ${r.status}  ${tail.slice(0, 240)}`,
  );
  return s;
}

copyRepo(ROOT, work);
const real = readdirSync(join(ROOT, 'calculators'))
  .filter((d) => !d.startsWith('_'))
  .sort();
for (let i = 0; real.length + i < N; i++) {
  const t = real[i % real.length];
  const id = `${t}-s${i}`;
  cpSync(join(ROOT, 'calculators', t), join(work, 'calculators', id), { recursive: true });
  const f = join(work, 'calculators', id, 'calculator.yaml');
  // A distinct title, so search and the index grow as a real catalogue's would.
  writeFileSync(
    f,
    readFileSync(f, 'utf8').replace(/^title: (.*)$/m, (_, title) => `title: ${JSON.stringify(`${title.replace(/^["']|["']$/g, '')} ${i}`)}`),
  );
}
console.log(
  `${N} calculators (${real.length} real + ${N - real.length} copies) in ${work}; load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
);
try {
  run('models (write)', 'npx', ['tsx', 'src/cli/models.ts']);
  const t = {};
  if (PHASES.includes('check')) t.check = run('check', 'npx', ['tsx', 'src/cli/check.ts']);
  if (PHASES.includes('models')) t.models = run('models --check', 'npx', ['tsx', 'src/cli/models.ts', '--check']);
  if (PHASES.includes('vitest')) t.vitest = run('vitest', 'npx', ['vitest', 'run']);
  if (PHASES.includes('build') || PHASES.includes('e2e')) t.build = run('build', 'npx', ['astro', 'build']);
  if (PHASES.includes('e2e')) t.e2e = run('playwright', 'npx', ['playwright', 'test'], { CI: 'true' });
  const total = Object.values(t).reduce((a, b) => a + b, 0);
  console.log(`total of the phases run: ${(total / 60).toFixed(1)} min; load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
