/** Unit conversions: every factor against the conventional clinical one, round trips, and refusals. */
import ucumLhc from '@lhncbc/ucum-lhc';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ANALYTES, UNITS, conversionProblem, convert, displayUnit, effectiveMolarMass, lookupUnit, ucumCode, unitBySymbol } from '../../src/units';
import { roundHalfAway } from '../../src/units/round';

describe('every unit against its conventional factor', () => {
  // [from, to, value of 1 `from` in `to`, allowed difference]; exact definitions have tolerance 0.
  const FACTORS: Record<string, [string, number, number]> = {
    years: ['days', 365.25, 0],
    months: ['days', 30.4375, 1e-12], // a mean Julian month, 365.25 / 12 days (UCUM mo)
    weeks: ['days', 7, 0],
    days: ['h', 24, 1e-12],
    h: ['days', 1 / 24, 0],
    kg: ['g', 1000, 0],
    g: ['kg', 0.001, 0],
    lb: ['kg', 0.45359237, 0], // international pound, exact since 1959
    m: ['cm', 100, 0],
    cm: ['m', 0.01, 0],
    in: ['cm', 2.54, 1e-12], // exact by definition
    ft: ['in', 12, 1e-12],
    'g/L': ['mg/L', 1000, 0],
    'g/dL': ['g/L', 10, 0],
    'mg/dL': ['mg/L', 10, 1e-12],
    'mg/L': ['g/L', 0.001, 0],
    'ng/mL': ['mg/L', 0.001, 1e-15], // 1 ng/mL = 1 µg/L
    'mmol/L': ['umol/L', 1000, 1e-9],
    'umol/L': ['mmol/L', 0.001, 1e-15],
    'mEq/L': ['mEq/L', 1, 0], // converts through a valence: see below
    mmHg: ['kPa', 0.133322, 1e-6], // 101.325 kPa = 760 mmHg
    kPa: ['mmHg', 7.50062, 1e-5],
    degC: ['degC', 1, 0], // see the temperature test below
    degF: ['degF', 1, 0],
    '%': ['%', 1, 0],
    ratio: ['ratio', 1, 0],
    'mmol/mol': ['mmol/mol', 1, 0], // see the HbA1c test below
    '%DCCT': ['%DCCT', 1, 0],
    bpm: ['bpm', 1, 0],
    'breaths/min': ['breaths/min', 1, 0],
    'kg/m²': ['kg/m²', 1, 0],
    'mL/min/1.73m²': ['mL/min/1.73m²', 1, 0],
    'mL/min': ['mL/min', 1, 0],
    mL: ['L', 0.001, 0],
    L: ['mL', 1000, 0],
    'mL/h': ['mL/h', 1, 0],
    points: ['points', 1, 0],
    min: ['h', 1 / 60, 1e-15],
    s: ['ms', 1000, 1e-9],
    ms: ['min', 1 / 60000, 1e-15],
    mg: ['g', 0.001, 1e-15],
    mcg: ['mg', 0.001, 1e-15],
    'U/L': ['U/L', 1, 0],
    '10^9/L': ['/uL', 1000, 1e-9], // 1 × 10⁹ cells per litre = 1,000 per microlitre
    '10^3/uL': ['10^9/L', 1, 0],
    '/uL': ['10^3/uL', 0.001, 1e-15],
    'uIU/mL': ['uIU/mL', 1, 0],
    'm²': ['m²', 1, 0],
    'mOsm/kg': ['mOsm/kg', 1, 0],
    'mcg/h': ['mcg/h', 1, 0],
    'mcg/kg/min': ['mcg/kg/min', 1, 0],
    '/day': ['/day', 1, 0],
    'mm/h': ['mm/h', 1, 0],
    'mg/h': ['mcg/h', 1000, 0],
    'mcg/min': ['mcg/h', 60, 0],
    'mg/kg/min': ['mcg/kg/min', 1000, 0],
    'g/kg/day': ['mg/kg/min', 1000 / 1440, 1e-12], // 1 g/kg/day = 1000 mg/kg over 1440 min
    'mcg/mL': ['mg/L', 1, 1e-12], // 1 µg/mL = 1 mg/L
    'mg/mL': ['mcg/mL', 1000, 1e-9],
    units: ['units', 1, 0],
    'units/h': ['units/h', 1, 0],
    'units/mL': ['units/mL', 1, 0],
  };

  test('the table covers every unit in the catalogue', () => {
    expect(Object.keys(FACTORS).sort()).toEqual(UNITS.map((u) => u.symbol).sort());
  });

  test.each(Object.entries(FACTORS))('1 %s', (from, [to, expected, tol]) => {
    expect(Math.abs(convert(1, from, to) - expected)).toBeLessThanOrEqual(tol);
  });

  test('HbA1c: NGSP/DCCT % <-> IFCC mmol/mol by the master equation (NGSP = 0.0915 × IFCC + 2.15)', () => {
    // 6.5 % = 47.5 mmol/mol (ADA/EASD print 48), 7.0 % = 53.0, 5.7 % = 38.8 (39); 2.15 % is 0 mmol/mol
    const pairs = [
      [6.5, 4.35 / 0.0915],
      [7, 4.85 / 0.0915],
      [2.15, 0],
    ];
    for (const [pct, ifcc] of pairs) {
      expect(convert(pct, '%DCCT', 'mmol/mol')).toBeCloseTo(ifcc, 10);
      expect(convert(ifcc, 'mmol/mol', '%DCCT')).toBeCloseTo(pct, 10);
    }
    expect(Math.round(convert(6.5, '%DCCT', 'mmol/mol'))).toBe(48);
    expect(Math.round(convert(53, 'mmol/mol', '%DCCT') * 10) / 10).toBe(7);
    expect(conversionProblem('%', 'mmol/mol')).toMatch(/cannot convert/);
  });

  test('temperature: degF <-> degC with the offset', () => {
    const pairs = [
      [98.6, 37],
      [32, 0],
      [-40, -40],
      [212, 100],
      [104, 40],
    ];
    for (const [f, c] of pairs) {
      expect(convert(f, 'degF', 'degC')).toBeCloseTo(c, 10);
      expect(convert(c, 'degC', 'degF')).toBeCloseTo(f, 10);
    }
  });

  // [analyte, from, to, conventional value of 1 `from` in `to`, tolerance]
  const ANALYTE_FACTORS: [string, string, string, number, number][] = [
    ['creatinine', 'mg/dL', 'umol/L', 88.4, 1e-9],
    ['bilirubin', 'mg/dL', 'umol/L', 17.1, 1e-9],
    ['glucose', 'mmol/L', 'mg/dL', 18, 1e-9],
    ['urea', 'mmol/L', 'mg/dL', 2.8, 1e-9], // urea mmol/L -> BUN mg/dL
    ['calcium', 'mmol/L', 'mg/dL', 4, 1e-9],
    ['magnesium', 'mmol/L', 'mg/dL', 2.43, 1e-9],
    ['cholesterol', 'mmol/L', 'mg/dL', 38.67, 1e-9],
    ['triglycerides', 'mmol/L', 'mg/dL', 88.57, 1e-9],
    ['paracetamol', 'mg/L', 'umol/L', 6.62, 1e-9],
    ['sodium', 'mmol/L', 'mg/dL', 2.299, 0.001],
    ['potassium', 'mmol/L', 'mg/dL', 3.91, 0.001],
    ['chloride', 'mmol/L', 'mg/dL', 3.545, 0.001],
    ['bicarbonate', 'mmol/L', 'mg/dL', 6.102, 0.001],
    ['phenytoin', 'mg/L', 'umol/L', 3.964, 0.001], // 1000 / 252.27
  ];

  test('the table covers every analyte with a molar mass', () => {
    const withMass = Object.entries(ANALYTES)
      .filter(([, a]) => a.molarMass)
      .map(([k]) => k)
      .sort();
    expect([...new Set(ANALYTE_FACTORS.map(([a]) => a))].sort()).toEqual(withMass);
  });

  test.each(ANALYTE_FACTORS)('%s: 1 %s = %s %s', (analyte, from, to, expected, tol) => {
    expect(Math.abs(convert(1, from, to, analyte) - expected)).toBeLessThanOrEqual(tol);
    expect(Math.abs(convert(expected, to, from, analyte) - 1)).toBeLessThanOrEqual(tol / expected + 1e-12);
  });

  test('each conventional factor agrees with the molar mass to within 0.5 %', () => {
    for (const [name, a] of Object.entries(ANALYTES).filter(([, a]) => a.conventional)) {
      expect(a.molarMass, name).toBeDefined();
      expect(Math.abs(effectiveMolarMass(a) / a.molarMass! - 1), name).toBeLessThan(0.005);
    }
  });

  test('a value typed at a textbook SI equivalent converts to the round conventional value', () => {
    // 12 significant digits, as readNumber keeps them: 176.8 µmol/L is 2.0 mg/dL, not 1.99996.
    const at = (v: number, from: string, to: string, an: string) => Number(convert(v, from, to, an).toPrecision(12));
    expect(at(176.8, 'umol/L', 'mg/dL', 'creatinine')).toBe(2);
    expect(at(34.2, 'umol/L', 'mg/dL', 'bilirubin')).toBe(2);
    expect(at(7, 'mmol/L', 'mg/dL', 'glucose')).toBe(126);
    expect(at(2.5, 'mmol/L', 'mg/dL', 'calcium')).toBe(10);
  });

  test('worked clinical conversions', () => {
    expect(roundHalfAway(convert(0.8, 'mg/dL', 'umol/L', 'creatinine'), 0)).toBe(71);
    expect(roundHalfAway(convert(100, 'mg/dL', 'mmol/L', 'glucose'), 1)).toBe(5.6);
    expect(roundHalfAway(convert(14, 'mg/dL', 'mmol/L', 'urea'), 1)).toBe(5);
    expect(roundHalfAway(convert(200, 'mg/dL', 'mmol/L', 'cholesterol'), 2)).toBe(5.17);
    expect(roundHalfAway(convert(150, 'lb', 'kg'), 1)).toBe(68);
    expect(roundHalfAway(convert(70, 'in', 'cm'), 1)).toBe(177.8);
  });

  test('mEq/L goes through the valence: 1 mmol/L of Ca2+ is 2 mEq/L, of Na+ 1 mEq/L', () => {
    expect(convert(1, 'mmol/L', 'mEq/L', 'calcium')).toBe(2);
    expect(convert(5, 'mEq/L', 'mmol/L', 'calcium')).toBe(2.5);
    expect(convert(5, 'mEq/L', 'mg/dL', 'calcium')).toBeCloseTo(10, 10);
    expect(convert(140, 'mEq/L', 'mmol/L', 'sodium')).toBe(140);
    expect(convert(2, 'mEq/L', 'mmol/L', 'magnesium')).toBe(1);
  });
});

describe('round trips', () => {
  const analytes = [undefined, ...Object.keys(ANALYTES)];
  const pairs = UNITS.flatMap((a) =>
    UNITS.flatMap((b) => analytes.filter((an) => conversionProblem(a.symbol, b.symbol, an) === undefined).map((an) => [a.symbol, b.symbol, an] as const)),
  );

  test('cover the mass <-> molar and valence pairs', () => {
    expect(pairs).toContainEqual(['mg/dL', 'umol/L', 'creatinine']);
    expect(pairs).toContainEqual(['mEq/L', 'mmol/L', 'calcium']);
    expect(pairs).toContainEqual(['degF', 'degC', undefined]);
    expect(pairs.length).toBeGreaterThan(200);
  });

  test('every convertible pair goes there and back to the same value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.double({ min: -1e6, max: 1e6, noNaN: true }), ([a, b, an], v) => {
        const back = convert(convert(v, a, b, an), b, a, an);
        return Math.abs(back - v) <= 1e-9 * Math.max(1, Math.abs(v));
      }),
      { numRuns: 5000 },
    );
  });

  test('converting through a third unit gives the same as converting directly', () => {
    const byDim = (s: string) => lookupUnit(s)!.dimension;
    fc.assert(
      fc.property(
        fc.constantFrom(...pairs),
        fc.constantFrom(...UNITS.map((u) => u.symbol)),
        fc.double({ min: 0.001, max: 1e5, noNaN: true }),
        ([a, b, an], c, v) => {
          if (conversionProblem(a, c, an) || conversionProblem(c, b, an) || byDim(c) === 'temperature') return true;
          const direct = convert(v, a, b, an);
          const via = convert(convert(v, a, c, an), c, b, an);
          return Math.abs(via - direct) <= 1e-9 * Math.max(1, Math.abs(direct));
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('what cannot convert, and why', () => {
  test.each([
    ['furlong', 'm', undefined, '"furlong" is not a known unit'],
    ['kg', 'cm', undefined, 'kg (mass) cannot convert to cm (length)'],
    [
      'mg/dL',
      'umol/L',
      undefined,
      'mg/dL and umol/L convert through a molar mass; declare `analyte` (creatinine, bilirubin, glucose, urea, sodium, potassium, chloride, bicarbonate, calcium, magnesium, cholesterol, triglycerides, phenytoin, paracetamol)',
    ],
    [
      'mg/dL',
      'umol/L',
      'unobtainium',
      '"unobtainium" is not a known analyte. Expected one of: creatinine, bilirubin, glucose, urea, albumin, sodium, potassium, chloride, bicarbonate, calcium, magnesium, cholesterol, triglycerides, phenytoin, paracetamol',
    ],
    ['g/dL', 'umol/L', 'albumin', 'albumin has no molar mass in the catalogue, so g/dL and umol/L cannot convert'],
    [
      'mEq/L',
      'mmol/L',
      'creatinine',
      "mEq/L and mmol/L convert through the analyte's valence; declare an analyte with a valence (sodium, potassium, chloride, bicarbonate, calcium, magnesium)",
    ],
  ])('%s -> %s (%s)', (from, to, analyte, message) => {
    expect(conversionProblem(from, to, analyte)).toBe(message);
    expect(() => convert(1, from, to, analyte)).toThrow(message);
  });

  test('definitions must write the exact symbol; people may write aliases', () => {
    expect(unitBySymbol('mg/dl')).toBeUndefined();
    expect(lookupUnit('mg/dl')?.symbol).toBe('mg/dL');
    expect(lookupUnit('µmol/L')?.symbol).toBe('umol/L');
    expect(lookupUnit('lbs')?.symbol).toBe('lb');
    expect(lookupUnit('°F')?.symbol).toBe('degF');
    expect(lookupUnit('kg/m2')?.symbol).toBe('kg/m²');
    expect(lookupUnit('furlong')).toBeUndefined();
    expect(displayUnit('umol/L')).toBe('µmol/L');
    expect(displayUnit('degC')).toBe('°C');
  });

  test('no alias is claimed by two units', () => {
    const names = UNITS.flatMap((u) => [u.symbol, ...(u.aliases ?? [])]);
    expect(names.length).toBe(new Set(names).size);
  });
});

describe('roundHalfAway', () => {
  test.each([
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [2.675, 2, 2.68],
    [-2.675, 2, -2.68],
    [1.005, 2, 1.01],
    [0.049, 1, 0],
    [89.5, 0, 90],
    [89.49, 0, 89],
  ])('%s to %s decimals is %s', (x, d, r) => {
    expect(roundHalfAway(x, d)).toBe(r);
  });
});

describe('UCUM codes (the FHIR export writes them)', () => {
  const ucum = ucumLhc.UcumLhcUtils.getInstance();

  test.each(UNITS.map((u) => [u.symbol, u.ucum] as const))('%s is the valid UCUM code %s', (_symbol, code) => {
    expect(ucum.validateUnitString(code).status).toBe('valid');
  });

  // An independent check of both: within a dimension our factors and UCUM's agree to 1 part in 10^5
  // (mmHg: ours is 101.325 kPa / 760, UCUM's 133.322 Pa, 3 parts in 10^6 apart). mEq/L converts
  // through a valence, and HbA1c's % (NGSP) and mmol/mol (IFCC) through the IFCC–NGSP master
  // equation, which is a calibration between two methods, not a unit conversion UCUM could know
  // (UCUM's % and mmol/mol are plain ratios); both are left out (the master equation is tested above).
  const byEquation = (u: (typeof UNITS)[number]) => u.symbol === 'mEq/L' || u.dimension === 'hba1c';
  const pairs = UNITS.flatMap((a) =>
    UNITS.filter((b) => a !== b && a.dimension === b.dimension && !byEquation(a) && !byEquation(b)).map((b) => [a.symbol, b.symbol] as const),
  );
  test.each(pairs)('%s -> %s agrees with UCUM', (from, to) => {
    const r = ucum.convertUnitTo(unitBySymbol(from)!.ucum, 37, unitBySymbol(to)!.ucum);
    expect(r.status, r.msg.join('; ')).toBe('succeeded');
    expect(Math.abs(convert(37, from, to) / r.toVal - 1)).toBeLessThan(1e-5);
  });

  test('the export looks codes up by symbol', () => {
    expect(ucumCode('mmHg')).toBe('mm[Hg]');
    expect(ucumCode('mcg')).toBe('ug');
    expect(ucumCode('furlongs')).toBeUndefined();
  });
});
