/**
 * `npm run check` runs every worked example through the model its definition compiles to, and says
 * where a case is wrong (cases.yaml file:line, found and expected); `--changed` picks the
 * calculators a branch changed against its merge base with main.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { changedCalculators } from '../../src/definitions/changed';
import { runCli, tempCatalogue } from '../helpers';

const check = (dir: string, ...args: string[]) => runCli('check', dir, ...args);

describe('npm run check runs the worked examples', { timeout: 120_000 }, () => {
  // Two copies, checked at once (each run is its own process): one as committed, one with a slip.
  const copy = () => tempCatalogue(['bmi', 'ckd-epi-2021'], 'bedside-check-');
  const good = check(copy());
  // The first case says 77, band G2: make it say 78 and G1, as a slip in a hand computation would.
  const dir = copy();
  const cases = join(dir, 'ckd-epi-2021', 'cases.yaml');
  writeFileSync(
    cases,
    readFileSync(cases, 'utf8').replace('egfr: { value: 77, band: "G2 — mildly decreased" }', 'egfr: { value: 78, band: "G1 — normal or high" }'),
  );
  const wrong = check(dir);

  test('cases that hold: counted, exit 0', async () => {
    const r = await good;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^2 calculators checked, \d+ worked examples hold through their compiled models, no problems/m);
  });

  test('a wrong expected value and band: file:line, found and expected, exit 1', async () => {
    const r = await wrong;
    expect(r.code).toBe(1);
    expect(r.stderr.replace(/^\S*calculators\//gm, 'calculators/')).toMatchInlineSnapshot(`
      "calculators/ckd-epi-2021/cases.yaml:10
        [0].expect.egfr.value: case "Typical adult man, G2": egfr: found 76.8506735338 (shown "77"), expected 78 ± 0.5
        Hint: recompute the expected value from the source (hand-computed from Inker 2021); if the case is right, the definition in calculator.yaml is wrong
      calculators/ckd-epi-2021/cases.yaml:10
        [0].expect.egfr.band: case "Typical adult man, G2": egfr band: found "G2 — mildly decreased", expected "G1 — normal or high"
        Hint: recompute the expected value from the source (hand-computed from Inker 2021); if the case is right, the definition in calculator.yaml is wrong

      2 problems in 1 file.
      "
    `);
  });
});

describe('--changed: the calculators a branch changed against its merge base with main', () => {
  const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd, stdio: 'pipe' });
  const repo = mkdtempSync(join(tmpdir(), 'bedside-changed-'));
  for (const id of ['a', 'b', 'c']) {
    mkdirSync(join(repo, 'calculators', id), { recursive: true });
    writeFileSync(join(repo, 'calculators', id, 'calculator.yaml'), `title: ${id}\n${id === 'c' ? 'model: { file: models/contrib/c.onnx }\n' : ''}`);
  }
  mkdirSync(join(repo, 'models', 'contrib'), { recursive: true });
  writeFileSync(join(repo, 'models', 'contrib', 'c.onnx'), 'v1');
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', 'main');
  git(repo, 'checkout', '-qb', 'topic');

  test('nothing changed: no calculator', () => {
    expect(changedCalculators(repo)).toMatchObject({ ids: [], why: expect.stringMatching(/^changed since [0-9a-f]{10} \(merge base with main\)$/) });
  });

  test('committed, uncommitted and untracked changes, and a contributed model source, all count', () => {
    writeFileSync(join(repo, 'calculators', 'a', 'cases.yaml'), '[]\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'a');
    writeFileSync(join(repo, 'models', 'contrib', 'c.onnx'), 'v2');
    expect(changedCalculators(repo).ids).toEqual(['a', 'c']);
    writeFileSync(join(repo, 'calculators', 'b', 'notes.md'), 'new\n');
    expect(changedCalculators(repo)).toMatchObject({ ids: ['a', 'b', 'c'] });
    expect(changedCalculators(repo).shared).toBeUndefined();
  });

  test('a change to code every calculator goes through is named, so a full check can follow', () => {
    mkdirSync(join(repo, 'src', 'compiler'), { recursive: true });
    writeFileSync(join(repo, 'src', 'compiler', 'lower.ts'), '// changed\n');
    expect(changedCalculators(repo).shared).toEqual(['src/compiler/lower.ts']);
  });

  test('without git (or without main), it cannot tell: ids is undefined and the reason is given', () => {
    const plain = mkdtempSync(join(tmpdir(), 'bedside-nogit-'));
    expect(changedCalculators(plain)).toEqual({ why: 'no git merge base with main or origin/main' });
  });
});
