/**
 * Dose outputs (`outputs[].dose`): compiled into the model as `<id>.dose.<part>` steps and the dose;
 * caps applied in the model and shown as applied, on the page and in the note; bad weights give no
 * dose; the same values from onnxruntime-web as from the AST oracle; authoring mistakes refused with
 * the field and the fix.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCatalog } from '../../src/definitions/load';
import { lintFormulas } from '../../src/definitions/lint-formulas';
import { checkOutputs } from '../../src/compiler/check';
import { evaluateAll } from '../../src/compiler/evaluate';
import { checkCases } from '../../src/definitions/cases';
import { noteText } from '../../src/components/note';
import { interpret } from '../../src/runtime/calculate';
import { nodeRunner } from '../../src/runtime/node';
import { CalculatorSchema, CasesSchema, type CalculatorInput } from '../../src/schema';
import { parseFriendly } from '../../src/schema/friendly';
import { doseLines, DOSE_DISCLAIMER } from '../../src/format/dose';
import { compileToFile, defineCalc, runRows } from '../helpers';

const runner = nodeRunner();

type InputDef = CalculatorInput['inputs'][number];
const weight: InputDef = { id: 'weight', label: 'Weight', type: 'number', unit: 'kg', limits: [0.5, 250], typical: [2, 150] };
const conc: InputDef = {
  id: 'conc',
  label: 'Oral suspension',
  type: 'choice',
  options: [
    { value: 24, label: '120 mg/5 mL (24 mg/mL)' },
    { value: 50, label: '250 mg/5 mL (50 mg/mL)' },
  ],
};

/** A paracetamol-like dose: 15 mg/kg, max 1 g a dose, 4 doses a day, max 75 mg/kg/day and 4 g/day. */
const calc = defineCalc({
  inputs: [weight, conc],
  outputs: [
    {
      id: 'dose',
      label: 'Dose',
      unit: 'mg',
      dose: {
        weight: 'weight',
        per_kg: 15,
        max: 1000,
        per_day: 4,
        max_daily: 4000,
        max_daily_per_kg: 75,
        round: 10,
        volume: { concentration: 'conc', round: 0.1 },
        route: 'oral',
        interval: 'every 4–6 hours',
      },
    },
  ],
});

/** A band table (tenecteplase-like) and a daily cap lower than the single one. */
const banded = defineCalc({
  inputs: [weight],
  outputs: [
    {
      id: 'tnk',
      label: 'Tenecteplase',
      unit: 'mg',
      dose: {
        weight: 'weight',
        bands: [{ amount: 30 }, { from: 60, amount: 35 }, { from: 70, amount: 40 }, { from: 80, amount: 45 }, { from: 90, amount: 50 }],
        route: 'IV bolus',
        interval: 'single dose',
      },
    },
    {
      id: 'low',
      label: 'Daily-capped',
      unit: 'mg',
      dose: {
        weight: 'weight',
        per_kg: 10,
        max: 500,
        per_day: 3,
        max_daily: 1200,
        route: 'oral',
        interval: 'every 8 hours',
        adjustments: [{ when: 'weight < 10', text: 'under 10 kg: every 12 hours', interval: 'every 12 hours' }],
      },
    },
  ],
});

const rows = [
  { weight: 20, conc: 24 }, // 300 mg, not capped; 12.5 mL
  { weight: 66.6, conc: 24 }, // 999 mg, rounded to 1000 mg = the maximum, not capped
  { weight: 70, conc: 50 }, // 1050 mg, capped at 1000 mg; 20 mL
  { weight: 21.3, conc: 24 }, // 319.5 mg -> 320 mg; 13.3 mL
  { weight: 0, conc: 24 }, // no dose
  { weight: NaN, conc: 24 },
];

describe('compiled into the model', () => {
  test('every part is a graph output, before the dose', () => {
    const { ref } = compileToFile('dose', calc);
    expect(ref.outputs).toEqual([
      'dose.dose.weight',
      'dose.dose.per',
      'dose.dose.uncapped',
      'dose.dose.per_day',
      'dose.dose.daily_max',
      'dose.dose.limit',
      'dose.dose.cap',
      'dose.dose.daily',
      'dose.dose.concentration',
      'dose.dose.volume',
      'dose',
      'dose.status',
    ]);
  });

  test('the cap is applied in the model, as the oracle applies it', async () => {
    const out = await runRows(calc, rows, runner, 'dose');
    const { outputs } = checkOutputs(calc);
    rows.forEach((r, n) => {
      const oracle = evaluateAll(outputs, r);
      for (const [k, v] of Object.entries(oracle)) expect(out[k][n], `${k} row ${n}`).toBe(v);
    });
    expect([...out['dose']]).toEqual([300, 1000, 1000, 320, NaN, NaN]);
    expect([...out['dose.dose.uncapped']].slice(0, 4).map((v) => Math.round(v * 100) / 100)).toEqual([300, 999, 1050, 319.5]);
    expect([...out['dose.dose.cap']].slice(0, 4)).toEqual([0, 0, 1, 0]);
    expect([...out['dose.dose.volume']].slice(0, 4)).toEqual([12.5, 41.6, 20, 13.3]);
  });

  test('a volume rounded to the syringe never goes above the cap', async () => {
    // 1000 mg / 24 mg/mL = 41.67 mL: rounded to 41.7 mL would be 1000.8 mg, so 41.6 mL.
    const out = await runRows(calc, [{ weight: 80, conc: 24 }], runner, 'dose');
    expect(out['dose.dose.volume'][0]).toBe(41.6);
  });

  test('weight bands and a daily maximum below the single one', async () => {
    const out = await runRows(banded, [{ weight: 59.9 }, { weight: 60 }, { weight: 89.9 }, { weight: 90 }, { weight: 120 }, { weight: 8 }], runner, 'banded');
    expect([...out['tnk']]).toEqual([30, 35, 45, 50, 50, 30]);
    expect([...out['tnk.dose.band']]).toEqual([0, 1, 3, 4, 4, 0]);
    // 1200 mg a day / 3 doses = 400 mg a dose, below the 500 mg single maximum.
    expect([...out['low']]).toEqual([400, 400, 400, 400, 400, 80]);
    expect([...out['low.dose.cap']]).toEqual([2, 2, 2, 2, 2, 0]);
    expect([...out['low.dose.adjust.0']]).toEqual([0, 0, 0, 0, 0, 1]);
  });
});

describe('shown as applied', () => {
  test('the calculation, the cap, the volume and the interval, from the model', async () => {
    const out = await runRows(calc, rows, runner, 'dose');
    const lines = (n: number) => {
      const r = interpret(calc, out, n)[0];
      return r.dose ? doseLines(r.dose, r.value, r.unit) : r.display;
    };
    expect(lines(2)).toEqual([
      '15 mg/kg × 70 kg (actual body weight) = 1050 mg, capped at the maximum single dose 1000 mg',
      'Volume: 20.0 mL of 250 mg/5 mL (50 mg/mL)',
      'Oral, every 4–6 hours; at most 4 doses in 24 hours (4000 mg in 24 hours; daily maximum 4000 mg)',
    ]);
    expect(lines(1)[0]).toBe('15 mg/kg × 66.6 kg (actual body weight) = 999 mg; rounded to 1000 mg (a multiple of 10 mg)');
    expect(lines(3)[0]).toBe('15 mg/kg × 21.3 kg (actual body weight) = 319.5 mg; rounded to 320 mg (a multiple of 10 mg)');
    expect(lines(4)).toBe('—');
    expect(lines(5)).toBe('—');
  });

  test('daily caps, bands and adjustments', async () => {
    const out = await runRows(banded, [{ weight: 60 }, { weight: 8 }], runner, 'banded');
    const [tnk, low] = interpret(banded, out, 0);
    expect(doseLines(tnk.dose!, tnk.value, tnk.unit)[0]).toBe('Weight band 60 to < 70 kg: 35 mg for 60 kg (actual body weight)');
    expect(doseLines(low.dose!, low.value, low.unit)[0]).toBe(
      '10 mg/kg × 60 kg (actual body weight) = 600 mg, capped at the daily maximum 1200 mg ÷ 3 doses = 400 mg a dose',
    );
    const small = interpret(banded, out, 1)[1];
    expect(doseLines(small.dose!, small.value, small.unit).slice(1)).toEqual([
      'Oral, every 12 hours; at most 3 doses in 24 hours (240 mg in 24 hours; daily maximum 1200 mg)',
      'Adjusted: under 10 kg: every 12 hours',
    ]);
  });

  test('copy to note carries the cap and says what the dose is not', async () => {
    const out = await runRows(calc, [{ weight: 70, conc: 50 }], runner, 'dose');
    const results = interpret(calc, out, 0);
    const entered = {
      weight: { text: '70', unit: 'kg', result: { status: 'ok' as const, value: 70 } },
      conc: { text: '50', unit: '', result: { status: 'ok' as const, value: 50 } },
    };
    const note = noteText(calc, entered, results, '2026-12-03');
    expect(note).toContain('Dose: 1000 mg\n  15 mg/kg × 70 kg (actual body weight) = 1050 mg, capped at the maximum single dose 1000 mg\n  Volume: 20.0 mL');
    expect(note).toContain(DOSE_DISCLAIMER);
  });
});

describe('cases check caps, uncapped amounts and volumes', () => {
  test('a wrong expectation is reported at its field', async () => {
    const { ref } = compileToFile('dose', calc);
    const cases = CasesSchema.parse([
      { name: 'capped', source: 'hand', inputs: { weight: 70, conc: 50 }, expect: { dose: { value: 1000, capped: 'single', uncapped: 1050, volume: 20 } } },
      { name: 'exact max', source: 'hand', inputs: { weight: 80, conc: 24 }, expect: { dose: { value: 1000, capped: 'none', volume: 41.7 } } },
      { name: 'bad', source: 'hand', inputs: { weight: 20, conc: 24 }, expect: { dose: { value: 300, daily: 1000 } } },
    ]);
    const found = await checkCases(runner, ref, calc, cases);
    expect(found[0]).toEqual([]);
    expect(found[1].map((m) => m.message)).toEqual(['dose capped: found single, expected none', 'dose volume: found 41.6 mL, expected 41.7 mL']);
    expect(found[2].map((m) => m.message)).toEqual(['dose daily: found 1200, expected 1000']);
  });
});

describe('authoring mistakes', () => {
  const parse = (dose: Record<string, unknown>) =>
    parseFriendly(CalculatorSchema, {
      title: 't',
      summary: 's',
      variant: 'v',
      version: '1.0.0',
      specialties: ['testing'],
      references: [{ cite: 'T', doi: '10.1000/t', primary: true }],
      inputs: [weight],
      outputs: [{ id: 'dose', label: 'Dose', unit: 'mg', dose: { weight: 'weight', route: 'oral', interval: 'once', ...dose } }],
    });
  test('each is refused with the field and the fix', () => {
    const messages = (r: ReturnType<typeof parse>) => (r.ok ? [] : r.problems.map((p) => `${p.path.join('.')}: ${p.message}`));
    expect(messages(parse({}))).toEqual(['outputs.0.dose: a dose gives exactly one of `per_kg`, `per_m2` or `bands` (found none)']);
    expect(messages(parse({ per_kg: 15, max_daily: 4000 }))).toEqual([
      'outputs.0.dose.max_daily: a daily maximum caps each dose at it ÷ the doses a day: give `per_day` (the most doses in 24 hours)',
    ]);
    expect(messages(parse({ per_m2: 100 }))).toEqual([
      'outputs.0.dose.bsa: a dose per m² needs `bsa`: the body surface area it uses (an input, an output or a formula)',
    ]);
    expect(messages(parse({ bands: [{ amount: 1 }, { amount: 2 }] }))).toEqual([
      'outputs.0.dose.bands.1: every band after the first needs its lower edge: `from` (>=) or `above` (>)',
    ]);
  });

  test('a weight-band table is data, not a ternary tower (lint passes it)', () => {
    expect(lintFormulas(banded)).toEqual([]);
  });

  test('a formula field that names no input is reported at that field', () => {
    const c = defineCalc({
      inputs: [weight],
      outputs: [{ id: 'dose', label: 'Dose', unit: 'mg', dose: { weight: 'wieght', per_kg: 15, route: 'oral', interval: 'once' } }],
    });
    const { problems } = checkOutputs(c);
    expect(problems.map((p) => p.path.join('.'))).toEqual(['outputs.0.dose.weight']);
  });
});

describe('in a definition file', () => {
  test('a dose mistake is reported at its file:line, with the field and the fix', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'bedside-dose-')), 'calculators');
    mkdirSync(join(dir, 'dose-x'), { recursive: true });
    const yaml = [
      'title: Dose X',
      'summary: A dose.',
      'variant: test',
      'version: 1.0.0',
      'specialties: [testing]',
      'inputs:',
      '  - { id: weight, label: Weight, type: number, unit: kg, limits: [0.5, 250], typical: [2, 150], concept: weight }',
      'outputs:',
      '  - id: dose',
      '    label: Dose',
      '    unit: mg',
      '    dose:',
      '      weight: weight',
      '      per_kg: 15',
      '      max_daily: 4000',
      '      route: oral',
      '      interval: every 6 hours',
      'references:',
      '  - { cite: "T", doi: 10.1000/t, primary: true }',
    ].join('\n');
    writeFileSync(join(dir, 'dose-x', 'calculator.yaml'), yaml);
    writeFileSync(join(dir, 'dose-x', 'cases.yaml'), '- { name: a, source: b, inputs: { weight: 10 }, expect: { dose: 150 } }\n'.repeat(3));
    const { problems } = loadCatalog(dir);
    expect(problems.map((p) => `${p.file.replace(/^.*calculators\//, '')}:${p.line} ${p.path.join('.')}: ${p.message}`)).toEqual([
      'dose-x/calculator.yaml:15 outputs.0.dose.max_daily: a daily maximum caps each dose at it ÷ the doses a day: give `per_day` (the most doses in 24 hours)',
    ]);
  });
});
