/**
 * The definition format: every real definition is accepted, and each kind of author mistake is
 * refused with the exact text `npm run check` prints (file:line, field, what was found, the fix).
 * Each folder in test/fixtures/broken/ is test/fixtures/valid/mini/ with one mistake.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CALCULATORS_DIR, loadCatalog } from '../../src/definitions/load';
import { parseManifest, readManifest } from '../../src/definitions/models';
import { formatProblem, githubAnnotation, type FileProblem } from '../../src/definitions/problems';
import { CalculatorSchema } from '../../src/schema';
import { ReferenceSchema } from '../../src/schema/reference';
import { parseFriendly } from '../../src/schema/friendly';

const FIXTURES = join(__dirname, '..', 'fixtures');
const inFolder = (problems: FileProblem[], folder: string) => problems.filter((p) => p.file === folder || p.file.startsWith(`${folder}/`));

describe('the real definitions in calculators/', () => {
  const { entries, problems } = loadCatalog();
  const folders = readdirSync(CALCULATORS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
    .map((d) => d.name);
  const written = folders.filter((id) => existsSync(join(CALCULATORS_DIR, id, 'calculator.yaml')));

  test('there are definitions to check', () => {
    expect(written.length).toBeGreaterThan(0);
  });

  test.each(written)('%s parses and lints with no problems', (id) => {
    expect(inFolder(problems, `calculators/${id}`).map(formatProblem)).toEqual([]);
    expect(entries.map((e) => e.id)).toContain(id);
  });

  test('a folder without calculator.yaml is reported, not skipped', () => {
    for (const id of folders.filter((f) => !written.includes(f)))
      expect(inFolder(problems, `calculators/${id}`).map((p) => p.message)).toEqual(['has no calculator.yaml']);
  });
});

/**
 * The fixtures are about other mistakes: lint's concept-missing warning (an input that looks like a
 * patient-context concept but declares none) is tested in concepts.test.ts, and left out here.
 */
const withoutConceptHints = <P extends { check?: string }>(problems: P[]): P[] => problems.filter((p) => p.check !== 'concept-missing');

describe('the fixture everything below breaks', () => {
  test('is valid, so each broken copy fails only for its one mistake', () => {
    const { entries, problems } = loadCatalog(join(FIXTURES, 'valid'));
    expect(withoutConceptHints(problems).map(formatProblem)).toEqual([]);
    expect(entries.map((e) => e.id)).toEqual(['mini']);
    expect(entries[0].cases).toHaveLength(3);
  });
});

describe('author mistakes are refused with a friendly message', () => {
  const { entries, problems } = loadCatalog(join(FIXTURES, 'broken'));
  const report = (folder: string) => {
    const found = inFolder(withoutConceptHints(problems), `test/fixtures/broken/${folder}`);
    if (found.length === 0) throw new Error(`${folder}: no problem reported`);
    return found.map(formatProblem).join('\n');
  };

  test('no broken fixture is accepted', () => {
    expect(entries.map((e) => e.id)).toEqual([]);
  });

  test('unknown field with a typo', () => {
    expect(report('field-typo')).toMatchInlineSnapshot(`
      "test/fixtures/broken/field-typo/calculator.yaml:13 [schema]
        inputs[1].label: is required (expected string) but is missing
      test/fixtures/broken/field-typo/calculator.yaml:14 [schema]
        inputs[1].lable: "lable" is not a known field here. Expected one of: id, label, help, concept, type, unit, units, analyte, limits, limits_reason, typical, decimals, default, optional, training_range
        Hint: did you mean "label"?"
    `);
  });

  test('wrong input type', () => {
    expect(report('input-type-typo')).toMatchInlineSnapshot(`
      "test/fixtures/broken/input-type-typo/calculator.yaml:15 [schema]
        inputs[1].type: "numbr" is not allowed. Expected one of: number, choice, yesno, date
        Hint: write "number""
    `);
  });

  test('missing required field', () => {
    expect(report('missing-summary')).toMatchInlineSnapshot(`
      "test/fixtures/broken/missing-summary/calculator.yaml:1 [schema]
        summary: is required (expected string) but is missing"
    `);
  });

  test('unit written in the wrong case', () => {
    expect(report('unit-wrong-case')).toMatchInlineSnapshot(`
      "test/fixtures/broken/unit-wrong-case/calculator.yaml:16 [units]
        inputs[1].unit: "mg/dl" is not a known unit. Expected one of: years, months, weeks, days, h, min, s, ms, kg, g, mg, mcg, lb, m, cm, in, ft, g/L, g/dL, mg/dL, mg/L, ng/mL, mmol/L, umol/L, mEq/L, mmHg, kPa, degC, degF, %, ratio, mmol/mol, %DCCT, bpm, breaths/min, kg/m², mL/min/1.73m², mL/min, mL, L, mL/h, points, U/L, 10^9/L, 10^3/uL, /uL, uIU/mL, m², mOsm/kg, mcg/h, mcg/kg/min, mg/h, mcg/min, mg/kg/min, g/kg/day, mg/mL, mcg/mL, units, units/h, units/mL, /day, mm/h
        Hint: unit symbols are case-sensitive; write "mg/dL""
    `);
  });

  test('typical range outside the limits', () => {
    expect(report('typical-outside-limits')).toMatchInlineSnapshot(`
      "test/fixtures/broken/typical-outside-limits/calculator.yaml:20 [schema]
        inputs[1].typical: typical [0.05,4] must lie inside limits [0.1,20]"
    `);
  });

  test('overlapping bands', () => {
    expect(report('overlapping-bands')).toMatchInlineSnapshot(`
      "test/fixtures/broken/overlapping-bands/calculator.yaml:35 [schema]
        interpretation[0].bands[1]: overlaps bands[0] (min is inclusive, max exclusive: a band ending at 60 and one starting at 60 do not overlap)"
    `);
  });

  test('no primary reference', () => {
    expect(report('no-primary-reference')).toMatchInlineSnapshot(`
      "test/fixtures/broken/no-primary-reference/calculator.yaml:37 [schema]
        references: exactly one reference must be \`primary: true\` (found 0): the paper the formula or points come from"
    `);
  });

  test('two primary references', () => {
    expect(report('two-primary-references')).toMatchInlineSnapshot(`
      "test/fixtures/broken/two-primary-references/calculator.yaml:37 [schema]
        references: exactly one reference must be \`primary: true\` (found 2): the paper the formula or points come from"
    `);
  });

  test('formula with an unknown name', () => {
    expect(report('formula-unknown-name')).toMatchInlineSnapshot(`
      "test/fixtures/broken/formula-unknown-name/calculator.yaml:28 [formulas]
        outputs[0].formula: "scrr" is not an input, table or where-name. Expected one of: sex, scr, chf
        Hint: did you mean "scr"?"
    `);
  });

  test('formula with an unknown function', () => {
    expect(report('formula-unknown-function')).toMatchInlineSnapshot(`
      "test/fixtures/broken/formula-unknown-function/calculator.yaml:28 [formulas]
        outputs[0].formula: function "sqr" is not available. Expected one of: min, max, sum, abs, sqrt, exp, log, ln, log10, floor, ceil, round, clamp, sigmoid, points, given
        Hint: did you mean sqrt()?"
    `);
  });

  test('option label typo in a comparison', () => {
    expect(report('option-label-typo')).toMatchInlineSnapshot(`
      "test/fixtures/broken/option-label-typo/calculator.yaml:28 [formulas]
        outputs[0].formula: "femal" is not an option of sex. Expected one of: "Male", "Female"
        Hint: write "Female""
    `);
  });

  test('choice compared with a value that is no option', () => {
    expect(report('choice-value-missing')).toMatchInlineSnapshot(`
      "test/fixtures/broken/choice-value-missing/calculator.yaml:28 [formulas]
        outputs[0].formula: sex has no option with value 2. Its options are 0 (Male), 1 (Female)"
    `);
  });

  test('points() of a yes/no without points', () => {
    expect(report('yesno-without-points')).toMatchInlineSnapshot(`
      "test/fixtures/broken/yesno-without-points/calculator.yaml:27 [formulas]
        outputs[0].formula: chf declares no points
        Hint: add "points: <n>" to input chf"
    `);
  });

  test('points: all when no input has points', () => {
    expect(report('points-all-without-points')).toMatchInlineSnapshot(`
      "test/fixtures/broken/points-all-without-points/calculator.yaml:27 [formulas]
        outputs[0].points: "points: all" but no input or table declares points
        Hint: give choice options or yes/no inputs their points, or add tables"
    `);
  });

  test('points: all with one yes/no criterion lacking points', () => {
    const defProblems = inFolder(problems, 'test/fixtures/broken/points-all-partial').filter((p) => p.file.endsWith('calculator.yaml'));
    expect(defProblems.map((p) => p.message).join('\n')).toMatch(/diabetes/);
  });

  test('YAML syntax error', () => {
    expect(report('yaml-syntax-error')).toMatchInlineSnapshot(`
      "test/fixtures/broken/yaml-syntax-error/calculator.yaml:28 [yaml]
        (top level): YAML syntax: Nested mappings are not allowed in compact mappings at "formula: scr * (sex == "female" ? 2 : 1) + points(chf)"
        Hint: check indentation and quoting; quote formulas containing ":" or "#""
    `);
  });

  test('fewer than 3 cases', () => {
    expect(report('cases-too-few')).toMatchInlineSnapshot(`
      "test/fixtures/broken/cases-too-few/cases.yaml:1 [schema]
        (top level): a calculator needs at least 3 worked examples (found 2 items)"
    `);
  });

  test('no cases.yaml', () => {
    expect(report('cases-missing')).toMatchInlineSnapshot(`
      "test/fixtures/broken/cases-missing/cases.yaml:1 [folder]
        (top level): is missing: every calculator needs at least 3 worked examples
        Hint: add cases.yaml with cases from the primary reference (see CONTRIBUTING.md)"
    `);
  });

  test('no calculator.yaml', () => {
    expect(report('calculator-missing')).toMatchInlineSnapshot(`
      "test/fixtures/broken/calculator-missing:1 [folder]
        (top level): has no calculator.yaml
        Hint: every calculator folder holds calculator.yaml and cases.yaml; copy them from a similar calculator"
    `);
  });

  test('folder name that is not kebab-case', () => {
    expect(report('Not_Kebab')).toMatchInlineSnapshot(`
      "test/fixtures/broken/Not_Kebab:1 [folder]
        (top level): folder name "Not_Kebab" is not a kebab-case id (it becomes the URL /c/<id>/)
        Hint: rename the folder to "not-kebab""
    `);
  });

  test('case naming an unknown input', () => {
    expect(report('case-unknown-input')).toMatchInlineSnapshot(`
      "test/fixtures/broken/case-unknown-input/cases.yaml:13 [cases]
        [2].inputs.scrr: "scrr" is not an input. Expected one of: sex, scr, chf
        Hint: did you mean "scr"?
      test/fixtures/broken/case-unknown-input/cases.yaml:13 [cases]
        [2].inputs.scr: Enter serum creatinine."
    `);
  });

  test('case naming an unknown output', () => {
    expect(report('case-unknown-output')).toMatchInlineSnapshot(`
      "test/fixtures/broken/case-unknown-output/cases.yaml:15 [cases]
        [2].expect.reslt: "reslt" is not an output. Expected one of: result
        Hint: did you mean "result"?"
    `);
  });

  test('case expecting a band that does not exist', () => {
    expect(report('case-unknown-band')).toMatchInlineSnapshot(`
      "test/fixtures/broken/case-unknown-band/cases.yaml:5 [cases]
        [0].expect.result.band: "Lo" is not a band of result. Expected one of: "Low", "High""
    `);
  });

  test('case with a value outside the limits', () => {
    expect(report('case-out-of-limits')).toMatchInlineSnapshot(`
      "test/fixtures/broken/case-out-of-limits/cases.yaml:8 [cases]
        [1].inputs.scr: Serum creatinine must be between 8.84 and 1768 µmol/L."
    `);
  });
});

describe('parseFriendly without files', () => {
  const valid = {
    title: 't',
    summary: 's',
    variant: 'v',
    version: '1.0.0',
    specialties: ['nephrology'],
    inputs: [{ id: 'x', label: 'X', type: 'yesno' }],
    outputs: [{ id: 'y', label: 'Y', formula: 'x' }],
    references: [{ cite: 'c', doi: '10.1000/x', primary: true }],
  };

  test('reports every problem at once, each at its field', () => {
    const r = parseFriendly(CalculatorSchema, {
      ...valid,
      version: '1.0',
      inputs: [{ id: 'Heart Rate', label: 'X', type: 'yesno' }],
      references: [{ cite: 'c', doi: 'https://doi.org/10.1000/x', primary: true }],
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toMatchInlineSnapshot(`
      [
        {
          "message": ""1.0" is not valid: a version is MAJOR.MINOR.PATCH, e.g. 1.0.0",
          "path": [
            "version",
          ],
        },
        {
          "message": ""Heart Rate" is not valid: an id is lower-case letters, digits and _ and starts with a letter, e.g. "scr" or "heart_rate"",
          "path": [
            "inputs",
            0,
            "id",
          ],
        },
        {
          "message": ""https://doi.org/10.1000/x" is not valid: a DOI looks like 10.1056/NEJMoa2102953 (no https://doi.org/ prefix)",
          "path": [
            "references",
            0,
            "doi",
          ],
        },
      ]
    `);
  });

  test('an output needs exactly one of formula or points; ids are unique', () => {
    const r = parseFriendly(CalculatorSchema, {
      ...valid,
      outputs: [{ id: 'x', label: 'Y', formula: 'x', points: 'all' }],
    });
    expect(!r.ok && r.problems.map((p) => `${p.path.join('.')}: ${p.message}`)).toMatchInlineSnapshot(`
      [
        "outputs.0: an output needs exactly one of \`formula\`, \`points\`, \`dose\` or \`from_model\`",
        "outputs.0.id: "x" is already the id of inputs[0]; ids of inputs, outputs and where-names must be unique",
      ]
    `);
  });

  test('GitHub annotations keep the whole problem on one line', () => {
    const p: FileProblem = { file: 'calculators/x/calculator.yaml', line: 3, path: ['inputs', 0, 'unit'], message: 'bad 50%\nunit', hint: 'fix it' };
    expect(githubAnnotation(p)).toBe('::error file=calculators/x/calculator.yaml,line=3::inputs[0].unit: bad 50%25%0Aunit Hint: fix it');
  });
});

describe('models/manifest.json (one schema, src/schema/manifest.ts)', () => {
  test('the committed manifest parses', () => expect(Object.keys(readManifest()).length).toBeGreaterThan(0));
  test('a wrong field is named, with the fix', () => {
    const good = Object.values(readManifest())[0];
    expect(() => parseManifest({ bmi: { ...good, sha256: 'not-a-hash' } })).toThrow(/bmi\.sha256: .*run npm run models/);
    expect(() => parseManifest({ bmi: { ...good, inputs: undefined } })).toThrow(/bmi\.inputs/);
    expect(() => parseManifest({ bmi: { ...good, extra: 1 } })).toThrow(/bmi/);
  });
});

describe('references', () => {
  const ref = (pmid: unknown) => parseFriendly(ReferenceSchema, { cite: 'A. B. J 2000;1:1', pmid });
  test('a PMID is digits, written as a string or a number, and kept as a string', () => {
    expect(ref('10744147')).toMatchObject({ ok: true, value: { pmid: '10744147' } });
    expect(ref(10744147)).toMatchObject({ ok: true, value: { pmid: '10744147' } });
  });
  test.each([['PMID 10744147'], [-3], [1.5], ['']])('%j is refused as a PMID', (pmid) => {
    expect(ref(pmid).ok).toBe(false);
  });
});

describe('friendly errors use zod only through its public accessors', () => {
  // objectKeysAt (the "did you mean" field list) walks schemas with innerType/unwrap/shape/...;
  // a .pipe() has no public accessor for its input, so a schema using one would lose its hints.
  test('no schema uses .pipe() and nothing in src reads zod internals (_def)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(e.name)) {
          readFileSync(p, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              if (/\._def\b|\.pipe\(z\./.test(line.replace(/\/\/.*$|^\s*\*.*$/, ''))) offenders.push(`${p}:${i + 1}: ${line.trim()}`);
            });
        }
      }
    };
    walk(join(__dirname, '..', '..', 'src'));
    expect(offenders).toEqual([]);
  });
});
