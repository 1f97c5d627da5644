/**
 * The contribution workflow: `npm run new` (run as a user runs it, into a temporary calculators/
 * folder via BEDSIDE_CALCULATORS_DIR), the template's placeholders as `npm run check` reports
 * them, the filled-in template computing through its model, and `superseded_by` checks.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { newIdProblem } from '../../src/definitions/ids';
import { loadCatalog } from '../../src/definitions/load';
import { formatProblem } from '../../src/definitions/problems';
import { computeRows, readAll } from '../../src/runtime/calculate';
import { nodeRunner } from '../../src/runtime/node';
import { compileToFile, runCli, tempCatalogue } from '../helpers';

/** A temporary calculators/ folder holding a copy of bmi (an existing calculator). */
const tempCatalog = () => tempCatalogue(['bmi'], 'bedside-contrib-');
const cli = runCli;

describe('new calculator ids', () => {
  const existing = ['bmi', 'heart-score'];
  test.each([
    [
      'Heart Score',
      '"Heart Score" is not a kebab-case id (lower-case letters and digits joined by "-"; it becomes the URL /c/<id>/). Try: npm run new -- heart-score',
    ],
    [
      'HEART_score',
      '"HEART_score" is not a kebab-case id (lower-case letters and digits joined by "-"; it becomes the URL /c/<id>/). Try: npm run new -- heart-score',
    ],
    ['-qtc-', '"-qtc-" is not a kebab-case id (lower-case letters and digits joined by "-"; it becomes the URL /c/<id>/). Try: npm run new -- qtc'],
    ['bmi', 'already exists: calculators/bmi/; choose another id or edit it'],
    ['heartscore', '"heartscore" is the same name as calculators/heart-score/ (only the hyphens differ); choose another id or edit it'],
    ['', 'usage: npm run new -- <id>   (kebab-case, e.g. npm run new -- heart-score)'],
  ])('%j is refused with the fix', (id, message) => {
    expect(newIdProblem(id, existing)).toBe(message);
  });

  test('a new kebab-case id is accepted', () => {
    expect(newIdProblem('wells-dvt-2', existing)).toBeUndefined();
  });
});

describe('npm run new', { timeout: 180_000 }, () => {
  const dir = tempCatalog();
  // Started together: each is a separate process.
  const runs = {
    spaced: cli('new', dir, 'Heart', 'Score'),
    good: cli('new', dir, 'trial-score'),
  };

  test('refuses a name that is not an id, with the command to type instead', async () => {
    expect(await runs.spaced).toMatchObject({ code: 1, stdout: '' });
    expect((await runs.spaced).stderr).toContain('Try: npm run new -- heart-score\n');
  });

  test('scaffolds the three files from the template, with the id and today filled in', async () => {
    const r = await runs.good;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('npm run calc -- trial-score');
    const def = readFileSync(join(dir, 'trial-score', 'calculator.yaml'), 'utf8');
    expect(def).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/json-schema\/calculator\.schema\.json\n/);
    expect(def).toContain(`date: "${new Date().toISOString().slice(0, 10)}"`);
    expect(def).not.toContain('__');
    expect(readFileSync(join(dir, 'trial-score', 'cases.yaml'), 'utf8')).toContain('npm run calc -- trial-score age=70');
  });

  test('npm run check lists every placeholder, file:line, and the scaffold is not built', async () => {
    await runs.good;
    const { entries, problems } = loadCatalog(dir);
    expect(entries.map((e) => e.id)).toEqual(['bmi']);
    const where = problems.map((p) => `${p.file.replace(/^.*calculators\//, '')}:${p.line} ${p.path.join('.')}`);
    expect(where).toEqual([
      'trial-score/calculator.yaml:13 title',
      'trial-score/calculator.yaml:15 summary',
      'trial-score/calculator.yaml:17 variant',
      'trial-score/calculator.yaml:19 specialties.0',
      'trial-score/calculator.yaml:45 inputs.0.limits_reason',
      'trial-score/calculator.yaml:93 interpretation.0.source',
      'trial-score/calculator.yaml:96 interpretation.0.bands.1.next.0',
      'trial-score/calculator.yaml:100 references.0.cite',
      'trial-score/calculator.yaml:102 references.0.doi',
      'trial-score/cases.yaml:17 0.source',
      'trial-score/cases.yaml:23 1.source',
      'trial-score/cases.yaml:29 2.source',
      'trial-score/notes.md:6 ',
      'trial-score/notes.md:10 ',
    ]);
    expect(formatProblem(problems[0]).replace(/^.*calculators\//, '')).toBe(
      'trial-score/calculator.yaml:13 [placeholders]\n' +
        '  title: still the template\'s placeholder: "TODO: full name as the primary source gives it, e.g. HEART Score for Major Cardiac Events"\n' +
        '  Hint: replace it: the comment above it in the file says what goes there, CONTRIBUTING.md has the format',
    );
    const check = await cli('check', dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('14 problems in 3 files.');
  });

  test('with the placeholders replaced, it loads and its cases compute through the compiled model', async () => {
    await runs.good;
    const copy = tempCatalog();
    cpSync(join(dir, 'trial-score'), join(copy, 'trial-score'), { recursive: true });
    const fill = (file: string, text: string) => writeFileSync(join(copy, 'trial-score', file), text);
    const read = (file: string) => readFileSync(join(copy, 'trial-score', file), 'utf8');
    fill(
      'calculator.yaml',
      read('calculator.yaml')
        .replace(/"TODO:[^"]*"/g, '"Filled in by the author"')
        .replace('[todo]', '[cardiology]')
        .replace('10.0000/TODO', '10.1000/example'),
    );
    fill('cases.yaml', read('cases.yaml').replace(/"TODO:[^"]*"/g, '"hand-computed"'));
    fill('notes.md', '## Evidence\n\nWritten.\n');
    const { entries, problems } = loadCatalog(copy);
    expect(problems.map(formatProblem)).toEqual([]);
    const entry = entries.find((e) => e.id === 'trial-score')!;
    const { ref } = compileToFile('trial-score', entry.calc);
    for (const c of entry.cases) {
      const { values, ok } = readAll(entry.calc, c.inputs);
      expect(ok).toBe(true);
      const [results] = await computeRows(nodeRunner(), ref, entry.calc, [values]);
      const score = results.find((r) => r.id === 'score')!;
      expect({ value: score.value, band: score.band?.label }, c.name).toEqual(c.expect.score);
    }
  });
});

describe('superseded_by', () => {
  const withSuperseded = (id: string) => {
    const dir = tempCatalog();
    cpSync(join(dir, 'bmi'), join(dir, 'bmi-old'), { recursive: true });
    const file = join(dir, 'bmi-old', 'calculator.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}superseded_by:\n  id: ${id}\n  what_changed: New cut-offs.\n  source: A guideline.\n`);
    return loadCatalog(dir);
  };

  test('naming an existing calculator loads both', () => {
    const { entries, problems } = withSuperseded('bmi');
    expect(problems).toEqual([]);
    expect(entries.find((e) => e.id === 'bmi-old')?.calc.superseded_by?.id).toBe('bmi');
  });

  test('an id with no folder is reported at its line, with the nearest id, and the calculator is not built', () => {
    const { entries, problems } = withSuperseded('bmj');
    expect(entries.map((e) => e.id)).toEqual(['bmi']);
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0]).replace(/^.*calculators\//, '')).toMatch(
      /^bmi-old\/calculator\.yaml:\d+ \[superseded\]\n {2}superseded_by\.id: "bmj" is not a calculator \(no folder calculators\/bmj\/\)\n {2}Hint: did you mean "bmi"\?$/,
    );
    expect(problems[0].line).toBeGreaterThan(60);
  });

  test('a calculator cannot supersede itself', () => {
    const { problems } = withSuperseded('bmi-old');
    expect(problems.map((p) => p.message)).toEqual(['a calculator cannot supersede itself']);
  });
});
