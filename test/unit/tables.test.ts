/**
 * Definitions v2 constructs, through the real compiled ONNX model (onnxruntime-web in Node): tables
 * scored per unit as printed, single cut-offs, given(), plausible ranges and categorical outputs.
 */
import { describe, expect, test } from 'vitest';
import { checkOutputs } from '../../src/compiler/check';
import { computeRows, interpret, readAll } from '../../src/runtime/calculate';
import { nodeRunner } from '../../src/runtime/node';
import { CalculatorSchema, rowLabels } from '../../src/schema';
import { parseFriendly } from '../../src/schema/friendly';
import { compileToFile, defineCalc, runRows } from '../helpers';

const scr = {
  id: 'scr',
  label: 'Creatinine',
  type: 'number' as const,
  unit: 'mg/dL',
  units: ['umol/L'],
  analyte: 'creatinine',
  limits: [0.1, 25] as [number, number],
  typical: [0.3, 15] as [number, number],
  decimals: 1,
};

// SOFA renal, Vincent 1996 Table 1, as printed in both columns.
const sofaRenal = defineCalc({
  inputs: [scr],
  tables: [
    {
      id: 'renal',
      input: 'scr',
      printed: ['mg/dL', 'umol/L'],
      rows: {
        'mg/dL': [{ points: 0 }, { from: 1.2, points: 1 }, { from: 2, points: 2 }, { from: 3.5, points: 3 }, { from: 5, points: 4 }],
        'umol/L': [{ points: 0 }, { from: 110, points: 1 }, { from: 171, points: 2 }, { from: 300, points: 3 }, { above: 440, points: 4 }],
      },
    },
  ],
  outputs: [{ id: 'score', label: 'Renal points', points: 'all' }],
});

const runner = nodeRunner();
async function score(calc: typeof sofaRenal, typed: string): Promise<number> {
  const { values, ok } = readAll(calc, { scr: typed });
  expect(ok).toBe(true);
  const { ref } = compileToFile('t', calc);
  const [results] = await computeRows(runner, ref, calc, [values]);
  return results[0].value;
}

describe('a table scores each unit on the column the source prints', () => {
  test.each([
    ['1.1 mg/dL', 0],
    ['1.2 mg/dL', 1],
    ['1.9 mg/dL', 1],
    ['2.0 mg/dL', 2],
    ['3.4 mg/dL', 2],
    ['3.5 mg/dL', 3],
    ['4.9 mg/dL', 3],
    ['5.0 mg/dL', 4],
    ['109 umol/L', 0],
    ['110 umol/L', 1],
    ['170 umol/L', 1],
    ['171 umol/L', 2],
    ['176.8 umol/L', 2],
    ['299 umol/L', 2],
    ['300 umol/L', 3],
    ['440 umol/L', 3],
    ['441 umol/L', 4],
  ])('%s scores %i', async (typed, points) => {
    expect(await score(sofaRenal, typed)).toBe(points);
  });

  test('171 µmol/L scores the SI column (2), although it converts to 1.93 mg/dL (1 on the mg/dL column)', async () => {
    expect(171 / 88.4).toBeLessThan(2);
    expect(await score(sofaRenal, '171 umol/L')).toBe(2);
  });

  test('a canonical-only caller (what-if, property tests) is scored on the canonical column', async () => {
    const out = await runRows(sofaRenal, [{ scr: 1.93 }, { scr: 2 }]);
    expect([...out.score]).toEqual([1, 2]);
  });

  test('the table is a graph output of its own, and the model has the per-unit inputs', () => {
    const { ref } = compileToFile('t', sofaRenal);
    expect(ref.inputs).toEqual(['scr', 'scr.unit', 'scr.typed']);
    expect(ref.outputs).toEqual(['renal', 'score']);
  });

  test('rows read as the source prints them', () => {
    expect(rowLabels(sofaRenal.tables[0].rows!['mg/dL'])).toEqual(['< 1.2', '1.2–1.9', '2.0–3.4', '3.5–4.9', '≥ 5.0']);
    expect(rowLabels(sofaRenal.tables[0].rows!['umol/L'])).toEqual(['< 110', '110–170', '171–299', '300–440', '> 440']);
  });
});

describe('a table over a value computed in the unit of one input', () => {
  // SOFA respiration by PaO₂/FiO₂, as sources print it: < 400 mmHg (53.3 kPa), < 300 (40), < 200 (26.7), < 100 (13.3).
  const pf = defineCalc({
    inputs: [
      { id: 'pao2', label: 'PaO2', type: 'number', unit: 'mmHg', units: ['kPa'], limits: [10, 700], typical: [30, 600] },
      { id: 'fio2', label: 'FiO2', type: 'number', unit: '%', limits: [21, 100], typical: [21, 100] },
    ],
    tables: [
      {
        id: 'resp',
        input: 'pao2',
        of: 'pao2 / (fio2 / 100)',
        printed: ['mmHg', 'kPa'],
        rows: {
          mmHg: [{ points: 3 }, { from: 200, points: 2 }, { from: 300, points: 1 }, { from: 400, points: 0 }],
          kPa: [{ points: 3 }, { from: 26.7, points: 2 }, { from: 40, points: 1 }, { from: 53.3, points: 0 }],
        },
      },
    ],
    outputs: [{ id: 'o', label: 'o', formula: 'resp' }],
  });
  test.each([
    ['8.4 kPa', 21, 1], // 40.0 kPa exactly: the kPa column's edge, although 8.4 kPa = 63.0 mmHg and 63.0/0.21 = 299.98 mmHg
    ['8.39 kPa', 21, 2],
    ['63 mmHg', 21, 1],
    ['62.9 mmHg', 21, 2],
  ])('PaO2 %s at FiO2 %i%% scores %i', async (pao2, fio2, points) => {
    const { values, ok } = readAll(pf, { pao2, fio2 });
    expect(ok).toBe(true);
    const { ref } = compileToFile('pf', pf);
    const [results] = await computeRows(runner, ref, pf, [values]);
    expect(results[0].value).toBe(points);
  });
});

describe('single cut-offs, optional inputs and given()', () => {
  // RCRI: creatinine > 2.0 mg/dL or > 177 µmol/L (Lee 1999).
  const rcri = defineCalc({
    inputs: [scr],
    tables: [{ id: 'cr_high', input: 'scr', above: { 'mg/dL': 2, 'umol/L': 177 }, printed: ['mg/dL', 'umol/L'] }],
    outputs: [{ id: 'high', label: 'High', formula: 'cr_high' }],
  });
  test.each([
    ['2.0 mg/dL', 0],
    ['2.1 mg/dL', 1],
    ['177 umol/L', 0],
    ['178 umol/L', 1],
  ])('RCRI creatinine %s -> %i', async (typed, v) => {
    expect(await score(rcri as never, typed)).toBe(v);
  });

  const optional = defineCalc({
    inputs: [{ ...scr, optional: true }],
    tables: [{ id: 'pts', input: 'scr', rows: { 'mg/dL': [{ points: 5 }, { from: 2, points: 1 }] }, printed: ['mg/dL'] }],
    outputs: [
      { id: 'scored', label: 'Scored', formula: 'pts' },
      { id: 'either', label: 'Either', formula: 'given(scr) ? pts : 7' },
    ],
  });
  test('an empty optional input scores NaN, never the first row; given() tells it apart', async () => {
    const out = await runRows(optional, [{ scr: NaN }, { scr: 1 }, { scr: 3 }]);
    expect([...out.scored]).toEqual([NaN, 5, 1]);
    expect([...out.either]).toEqual([7, 5, 1]);
  });

  test('given() of an input that is never empty is refused', () => {
    const calc = defineCalc({ inputs: [scr], outputs: [{ id: 'o', label: 'o', formula: 'given(scr) ? 1 : 0' }] });
    expect(checkOutputs(calc).problems.map((p) => p.message)).toEqual([
      'scr is never empty (only an optional number input can be left empty), so given(scr) is always true',
    ]);
  });
});

describe('plausible ranges and categorical outputs', () => {
  const ldl = defineCalc({
    inputs: [
      { id: 'tc', label: 'TC', type: 'number', unit: 'mg/dL', limits: [50, 500], typical: [100, 300] },
      { id: 'hdl', label: 'HDL', type: 'number', unit: 'mg/dL', limits: [5, 200], typical: [20, 100] },
      { id: 'tg', label: 'TG', type: 'number', unit: 'mg/dL', limits: [10, 5000], typical: [50, 400] },
    ],
    outputs: [
      {
        id: 'ldl',
        label: 'LDL',
        unit: 'mg/dL',
        formula: 'tc - hdl - tg / 5',
        units: [{ unit: 'mmol/L', decimals: 2 }],
        analyte: 'cholesterol',
        plausible: { min: 0, reason: 'a negative LDL means the equation does not apply to these values' },
        valid: { when: 'tg < 400', reason: 'not valid at triglycerides of 400 mg/dL or more' },
      },
    ],
    interpretation: [
      {
        output: 'ldl',
        source: 'test',
        bands: [
          { max: 100, label: 'Optimal' },
          { min: 100, label: 'Higher' },
        ],
      },
    ],
  });

  test('an implausible value is "not calculable" with the reason, never banded', async () => {
    const out = await runRows(ldl, [
      { tc: 100, hdl: 90, tg: 390 },
      { tc: 200, hdl: 50, tg: 100 },
      { tc: 200, hdl: 50, tg: 450 },
    ]);
    const [neg, ok, invalid] = [0, 1, 2].map((i) => interpret(ldl, out, i)[0]);
    expect(neg).toMatchObject({ display: '—', unavailable: 'Not calculable: a negative LDL means the equation does not apply to these values' });
    expect(neg.band).toBeUndefined();
    expect(ok).toMatchObject({ display: '130', also: [{ unit: 'mmol/L', display: '3.36' }] });
    expect(ok.band?.label).toBe('Higher');
    expect(invalid).toMatchObject({ display: '—', unavailable: 'not valid at triglycerides of 400 mg/dL or more' });
  });

  const news = defineCalc({
    inputs: [{ id: 'x', label: 'x', type: 'number', unit: 'points', limits: [0, 20], typical: [0, 20], decimals: 0 }],
    outputs: [{ id: 'response', label: 'Response', format: 'category', formula: 'x >= 7 ? 2 : (x >= 5 ? 1 : 0)' }],
    interpretation: [
      {
        output: 'response',
        source: 'test',
        bands: [
          { value: 0, label: 'Low' },
          { value: 1, label: 'Medium — urgent' },
          { value: 2, label: 'High — emergency' },
        ],
      },
    ],
  });
  test('a categorical output is shown as its label, never its code', async () => {
    const out = await runRows(news, [{ x: 0 }, { x: 5 }, { x: 9 }]);
    expect([0, 1, 2].map((i) => interpret(news, out, i)[0].display)).toEqual(['Low', 'Medium — urgent', 'High — emergency']);
    expect(interpret(news, out, 1)[0]).toMatchObject({ category: true, unit: undefined });
  });
});

describe('author mistakes in tables', () => {
  const base = {
    title: 't',
    summary: 's',
    variant: 'v',
    version: '1.0.0',
    specialties: ['testing'],
    references: [{ cite: 'c', doi: '10.1000/test', primary: true }],
    inputs: [scr],
    outputs: [{ id: 'o', label: 'o', formula: 't1' }],
  };
  const problems = (tables: unknown[], extra: object = {}) => {
    const r = parseFriendly(CalculatorSchema, { ...base, tables, ...extra });
    return r.ok ? [] : r.problems.map((p) => `${p.path.join('.')}: ${p.message}`);
  };
  test('rows must rise, the first has no edge, a canonical column is required, unprinted columns say how they were derived', () => {
    expect(problems([{ id: 't1', input: 'scr', printed: ['umol/L'], rows: { 'umol/L': [{ points: 0 }, { from: 110, points: 1 }] } }]).join('\n')).toMatch(
      /no column for scr's canonical unit mg\/dL/,
    );
    expect(
      problems([
        {
          id: 't1',
          input: 'scr',
          printed: ['mg/dL'],
          rows: {
            'mg/dL': [
              { from: 1, points: 0 },
              { from: 2, points: 1 },
            ],
          },
        },
      ]).join('\n'),
    ).toMatch(/first row holds everything below/);
    expect(
      problems([{ id: 't1', input: 'scr', printed: ['mg/dL'], rows: { 'mg/dL': [{ points: 0 }, { from: 2, points: 1 }, { from: 1.5, points: 2 }] } }]).join(
        '\n',
      ),
    ).toMatch(/edges must rise/);
    expect(
      problems([
        {
          id: 't1',
          input: 'scr',
          printed: ['mg/dL'],
          rows: { 'mg/dL': [{ points: 0 }, { from: 2, points: 1 }], 'umol/L': [{ points: 0 }, { from: 177, points: 1 }] },
        },
      ]).join('\n'),
    ).toMatch(/umol\/L column is not printed by the source/);
    expect(
      problems([
        {
          id: 't1',
          input: 'scr',
          printed: ['mg/dL'],
          rows: { 'mmol/L': [{ points: 0 }, { from: 2, points: 1 }], 'mg/dL': [{ points: 0 }, { from: 2, points: 1 }] },
        },
      ]).join('\n'),
    ).toMatch(/"mmol\/L" is not a unit of scr/);
    expect(problems([{ id: 't1', input: 'scr', printed: ['mg/dL'], rows: { 'mg/dL': [{ points: 0 }, { from: 2, points: 1 }] } }])).toEqual([]);
  });
  test('a gap between interpretation bands is refused', () => {
    const p = problems([{ id: 't1', input: 'scr', printed: ['mg/dL'], above: { 'mg/dL': 2 } }], {
      interpretation: [
        {
          output: 'o',
          source: 's',
          bands: [
            { max: 1, label: 'a' },
            { min: 2, label: 'b' },
          ],
        },
      ],
    });
    expect(p.join('\n')).toMatch(/leaves a gap after bands\[0\].*values from 1 up to 2 get no band/);
  });
});
