/** Unit mistakes in a definition are ordinary problems (file:line, what is allowed, the fix), never a crash. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/definitions/load';
import { formatProblem } from '../../src/definitions/problems';

/** A copy of calculators/<id> with one line of its definition replaced. */
function broken(id: string, from: RegExp, to: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bedside-units-'));
  cpSync(join('calculators', id), join(dir, id), { recursive: true });
  const file = join(dir, id, 'calculator.yaml');
  const text = readFileSync(file, 'utf8');
  expect(text).toMatch(from);
  writeFileSync(file, text.replace(from, to));
  return dir;
}

const report = (dir: string) => loadCatalog(dir).problems.map(formatProblem).join('\n\n').replaceAll(dir, '<dir>');

describe('unit mistakes', () => {
  test('how the page writes a unit ("beats/min") points to its id', () => {
    const out = report(broken('perc', /unit: bpm/, 'unit: beats/min'));
    expect(out).not.toBe('');
    expect(out).toMatch(/"beats\/min" is not a known unit\. Expected one of: .*bpm/);
    expect(out).toMatch(/Hint: unit symbols are case-sensitive; write "bpm"/);
  });

  test('a wrong case ("mmhg") gets "did you mean", and the cases are not read through the broken unit', () => {
    const out = report(broken('map', /\n {4}unit: mmHg\n/, '\n    unit: mmhg\n'));
    expect(out).toMatch(/"mmhg" is not a known unit/);
    expect(out).toMatch(/write "mmHg"/);
    expect(out).not.toMatch(/cases\.yaml/);
  });

  test('a unit of another quantity (kPa for a heart rate) says why it cannot convert', () => {
    const out = report(broken('perc', /unit: bpm\n/, 'unit: bpm\n    units: [kPa]\n'));
    expect(out).toMatch(/"kPa" cannot be converted to bpm: kPa \(pressure\) cannot convert to bpm \(heart-rate\)/);
  });
});

describe('YAML slips', () => {
  test('an indentation slip is one message at the slipped line, with the fix', () => {
    const dir = broken('perc', /\n {4}unit: bpm\n/, '\n      unit: bpm\n');
    const { problems } = loadCatalog(dir);
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0]).replaceAll(dir, '<dir>')).toMatch(
      /\/perc\/calculator\.yaml:24 \[yaml\]\n {2}\(top level\): YAML syntax: .* at "unit: bpm".*\n {2}Hint: line 24 is indented more than the field above it/,
    );
  });
});
