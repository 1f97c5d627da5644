/** The command line, run as a user runs it: `npm run calc -- <id> name=value ...`. */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/definitions/load';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const run = promisify(execFile);

/** Runs the calc CLI; resolves with its exit code, stdout and stderr. */
async function calc(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ['src/cli/calc.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout: string; stderr: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('npm run calc', () => {
  // Started together: each is a separate process, so this file takes as long as the slowest one.
  const runs = {
    mgdl: calc('ckd-epi-2021', 'sex=female', 'age=50', 'scr=0.8mg/dL'),
    umol: calc('ckd-epi-2021', 'sex=female', 'age=50', 'scr=70.7umol/L'),
    tooHigh: calc('ckd-epi-2021', 'sex=female', 'age=50', 'scr=30mg/dL'),
  };

  test('mg/dL: prints the result as JSON, through the model', async () => {
    const { code, stdout } = await runs.mgdl;
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.calculator).toBe('ckd-epi-2021');
    expect(out.inputs).toEqual({ sex: 1, age: 50, scr: 0.8 });
    expect(out.outputs.egfr.display).toBe('90');
    expect(out.outputs.egfr.value).toBeCloseTo(89.7, 1);
    expect(out.outputs.egfr.interpretation).toBe('G1 — normal or high');
    expect(out.warnings).toBeUndefined();
  });

  test('µmol/L: converted before inference, same result', async () => {
    const { code, stdout } = await runs.umol;
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.inputs.scr).toBeCloseTo(0.8, 2);
    expect(out.outputs.egfr.display).toBe('90');
  });

  test('a value outside the limits exits 1 with the plain message (and the likelier unit)', async () => {
    const { code, stdout, stderr } = await runs.tooHigh;
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^cannot compute ckd-epi-2021:\n {2}scr: Serum creatinine must be between 0\.1 and \d+ mg\/dL( \([^)]*\))?\. Did you mean µmol\/L\?\n$/,
    );
  });
});

describe('npm run check on a folder (the CLI only checks calculators/: tested through loadCatalog)', () => {
  test('every broken fixture is reported, and none is loaded', () => {
    const dir = join(ROOT, 'test', 'fixtures', 'broken');
    const { entries, problems } = loadCatalog(dir);
    expect(entries).toEqual([]);
    const folders = new Set(problems.map((p) => p.file.split('/')[3]));
    for (const f of readdirSync(dir)) expect(folders.has(f), `${f} is reported`).toBe(true);
    for (const p of problems) expect(p.line).toBeGreaterThanOrEqual(1);
  });
});
