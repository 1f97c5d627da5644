/**
 * The unit catalogue. Each unit belongs to one dimension and converts to that dimension's base unit
 * linearly (`base = value * factor + offset`). Mass and molar concentrations convert through the
 * analyte's molar mass; equivalents through its valence.
 */

/** What a unit measures. Units convert only within one dimension (or mass <-> molar via an analyte). */
export type Dimension =
  | 'time'
  | 'mass'
  | 'length'
  | 'mass-concentration'
  | 'molar-concentration'
  | 'pressure'
  | 'temperature'
  | 'percent'
  | 'ratio'
  | 'heart-rate'
  | 'respiratory-rate'
  | 'bmi'
  | 'gfr'
  | 'clearance'
  | 'volume'
  | 'flow'
  | 'score'
  | 'enzyme-activity'
  | 'cell-count'
  | 'hormone-units'
  | 'area'
  | 'osmolality'
  | 'dose-rate'
  | 'weight-dose-rate'
  | 'frequency'
  | 'hba1c'
  | 'sedimentation-rate'
  | 'drug-units'
  | 'drug-unit-rate'
  | 'drug-unit-concentration';

/** One unit: how it is written, shown and converted. */
export interface UnitDef {
  /** Symbol authors and the CLI write, e.g. `umol/L`. Case-sensitive. */
  symbol: string;
  /**
   * Its UCUM code (https://ucum.org), as the FHIR export writes it, e.g. `umol/L`, `mm[Hg]`, `[lb_av]`;
   * test/unit/units.test.ts validates every one with the UCUM reference library.
   */
  ucum: string;
  /** How the page shows it, e.g. `µmol/L`. */
  display: string;
  dimension: Dimension;
  /** base = value * factor + offset. */
  factor: number;
  offset?: number;
  /** Other spellings accepted on the command line and in cases (never in definitions). */
  aliases?: string[];
  /** The unit system it belongs to, for the US/SI preference; absent when used everywhere (mmHg, %). */
  system?: 'us' | 'si';
}

const u = (symbol: string, ucum: string, dimension: Dimension, factor: number, display = symbol, extra: Partial<UnitDef> = {}): UnitDef => ({
  symbol,
  ucum,
  display,
  dimension,
  factor,
  ...extra,
});

/** Every unit Bedside knows. Base units: day, kg, m, g/L, mol/L, mmHg, degC. */
export const UNITS: readonly UnitDef[] = [
  u('years', 'a', 'time', 365.25, 'years', { aliases: ['y', 'yr', 'year'] }),
  u('months', 'mo', 'time', 365.25 / 12, 'months', { aliases: ['mo', 'month'] }),
  u('weeks', 'wk', 'time', 7, 'weeks', { aliases: ['wk', 'week'] }),
  u('days', 'd', 'time', 1, 'days', { aliases: ['d', 'day'] }),
  u('h', 'h', 'time', 1 / 24, 'h', { aliases: ['hours', 'hr'] }),
  u('min', 'min', 'time', 1 / 1440, 'min', { aliases: ['minutes'] }),
  u('s', 's', 'time', 1 / 86_400, 's', { aliases: ['sec', 'seconds'] }), // clotting times (prothrombin time)
  u('ms', 'ms', 'time', 1 / 86_400_000, 'ms', { aliases: ['msec'] }),
  u('kg', 'kg', 'mass', 1, 'kg', { system: 'si' }),
  u('g', 'g', 'mass', 1e-3),
  u('mg', 'mg', 'mass', 1e-6),
  u('mcg', 'ug', 'mass', 1e-9, 'µg', { aliases: ['ug', 'µg'] }),
  u('lb', '[lb_av]', 'mass', 0.45359237, 'lb', { system: 'us', aliases: ['lbs'] }), // exact by definition (international pound, 1959)
  u('m', 'm', 'length', 1, 'm', { system: 'si' }),
  u('cm', 'cm', 'length', 0.01, 'cm', { system: 'si' }),
  u('in', '[in_i]', 'length', 0.0254, 'in', { system: 'us', aliases: ['inch', 'inches'] }), // exact by definition
  u('ft', '[ft_i]', 'length', 0.3048, 'ft', { system: 'us' }),
  u('g/L', 'g/L', 'mass-concentration', 1, 'g/L', { system: 'si' }),
  u('g/dL', 'g/dL', 'mass-concentration', 10, 'g/dL', { system: 'us' }),
  u('mg/dL', 'mg/dL', 'mass-concentration', 0.01, 'mg/dL', { system: 'us', aliases: ['mg/dl'] }),
  u('mg/L', 'mg/L', 'mass-concentration', 1e-3, 'mg/L', { system: 'si' }),
  // ng/mL is numerically µg/L (ferritin is reported in either); used in both unit systems.
  u('ng/mL', 'ng/mL', 'mass-concentration', 1e-6, 'ng/mL', { aliases: ['ug/L', 'µg/L', 'mcg/L'] }),
  u('mmol/L', 'mmol/L', 'molar-concentration', 1e-3, 'mmol/L', { system: 'si', aliases: ['mmol/l', 'mM'] }),
  u('umol/L', 'umol/L', 'molar-concentration', 1e-6, 'µmol/L', { system: 'si', aliases: ['µmol/L', 'umol/l', 'µmol/l', 'uM'] }),
  // mEq/L converts through the analyte's valence (1 mEq/L of Ca2+ is 0.5 mmol/L); see convert().
  u('mEq/L', 'meq/L', 'molar-concentration', 1e-3, 'mEq/L', { system: 'us', aliases: ['meq/L', 'meq/l'] }),
  u('mmHg', 'mm[Hg]', 'pressure', 1),
  u('kPa', 'kPa', 'pressure', 760 / 101.325, 'kPa', { system: 'si' }),
  u('degC', 'Cel', 'temperature', 1, '°C', { system: 'si', aliases: ['°C', 'C'] }),
  u('degF', '[degF]', 'temperature', 5 / 9, '°F', { system: 'us', offset: -32 * (5 / 9), aliases: ['°F', 'F'] }),
  u('%', '%', 'percent', 1),
  u('ratio', '1', 'ratio', 1, ''),
  // HbA1c: IFCC mmol/mol (SI) and NGSP/DCCT-aligned %, related by the IFCC–NGSP master equation
  // NGSP % = 0.0915 × IFCC + 2.15 (Hoelzel W et al. Clin Chem 2004;50:166-74; ifcchba1c.org). Not a
  // generic percentage: a %DCCT value converts only to mmol/mol of HbA1c.
  u('mmol/mol', 'mmol/mol', 'hba1c', 1, 'mmol/mol', { system: 'si' }),
  u('%DCCT', '%', 'hba1c', 1 / 0.0915, '%', { system: 'us', offset: -2.15 / 0.0915, aliases: ['%NGSP', '% DCCT', '% NGSP'] }),
  u('bpm', '/min', 'heart-rate', 1, 'beats/min'),
  u('breaths/min', '/min', 'respiratory-rate', 1),
  u('kg/m²', 'kg/m2', 'bmi', 1, 'kg/m²', { aliases: ['kg/m2'] }),
  u('mL/min/1.73m²', 'mL/min/{1.73_m2}', 'gfr', 1, 'mL/min/1.73 m²', { aliases: ['mL/min/1.73m2'] }),
  u('mL/min', 'mL/min', 'clearance', 1),
  u('mL', 'mL', 'volume', 1e-3),
  u('L', 'L', 'volume', 1),
  u('mL/h', 'mL/h', 'flow', 1),
  u('points', '{score}', 'score', 1),
  u('U/L', 'U/L', 'enzyme-activity', 1, 'U/L', { aliases: ['IU/L', 'u/l'] }),
  // Cell counts: 1 × 10⁹/L = 1 × 10³/µL = 1000/µL (= per mm³).
  u('10^9/L', '10*9/L', 'cell-count', 1, '× 10⁹/L', { system: 'si', aliases: ['x10^9/L', 'G/L'] }),
  u('10^3/uL', '10*3/uL', 'cell-count', 1, '× 10³/µL', { system: 'us', aliases: ['K/uL', 'x10^3/uL', '10^3/mm3'] }),
  u('/uL', '/uL', 'cell-count', 1e-3, '/µL', { aliases: ['/mm3', 'cells/uL', '/µL'] }),
  u('uIU/mL', 'u[IU]/mL', 'hormone-units', 1, 'µIU/mL', { aliases: ['mU/L', 'µU/mL', 'uU/mL'] }),
  u('m²', 'm2', 'area', 1, 'm²', { aliases: ['m2'] }),
  u('mOsm/kg', 'mosm/kg', 'osmolality', 1, 'mOsm/kg', { aliases: ['mosm/kg', 'mOsm/L'] }),
  u('mcg/h', 'ug/h', 'dose-rate', 1, 'µg/h', { aliases: ['ug/h', 'µg/h'] }),
  u('mcg/kg/min', 'ug/kg/min', 'weight-dose-rate', 1, 'µg/kg/min', { aliases: ['ug/kg/min', 'µg/kg/min'] }),
  // Infusion and dosing rates (base: µg/h and µg/kg/min): mg/h = 1000 µg/h, µg/min = 60 µg/h; 1 mg/kg/min = 1000 µg/kg/min;
  // 1 g/kg/day = 10^6 µg/kg per 1440 min.
  u('mg/h', 'mg/h', 'dose-rate', 1000, 'mg/h'),
  u('mcg/min', 'ug/min', 'dose-rate', 60, 'µg/min', { aliases: ['ug/min', 'µg/min'] }),
  u('mg/kg/min', 'mg/kg/min', 'weight-dose-rate', 1000, 'mg/kg/min'),
  u('g/kg/day', 'g/kg/d', 'weight-dose-rate', 1e6 / 1440, 'g/kg/day'),
  // Drug concentrations printed per mL (phenytoin levels, infusion strengths): 1 µg/mL = 1 mg/L.
  u('mg/mL', 'mg/mL', 'mass-concentration', 1, 'mg/mL'),
  u('mcg/mL', 'ug/mL', 'mass-concentration', 1e-3, 'µg/mL', { aliases: ['ug/mL', 'µg/mL'] }),
  // Drugs dosed in (international) units: heparin, insulin, vasopressin. UCUM [iU] = international unit.
  u('units', '[iU]', 'drug-units', 1, 'units', { aliases: ['IU', 'unit'] }),
  u('units/h', '[iU]/h', 'drug-unit-rate', 1, 'units/h', { aliases: ['IU/h', 'unit/h'] }),
  u('units/mL', '[iU]/mL', 'drug-unit-concentration', 1, 'units/mL', { aliases: ['IU/mL', 'unit/mL'] }),
  u('/day', '/d', 'frequency', 1, 'per day', { aliases: ['per day', 'doses/day'] }),
  // Erythrocyte sedimentation rate (Westergren): millimetres fallen in the first hour.
  u('mm/h', 'mm/h', 'sedimentation-rate', 1, 'mm/h', { aliases: ['mm/hr'] }),
];

/** An analyte whose mass and molar concentrations convert through its molar mass. */
export interface Analyte {
  /** Molar mass in g/mol (IUPAC): checks the conventional factor, and converts where there is none. */
  molarMass?: number;
  /**
   * The conventional clinical factor that laboratories and sources print, as an equality of a mass and
   * a molar concentration, e.g. `['1 mg/dL', '88.4 umol/L']` for creatinine. Conversions between mass
   * and molar units use it (not the molar mass), so a value converts the way a clinician converts it.
   */
  conventional?: readonly [mass: string, molar: string];
  /** Charge, for mEq/L. */
  valence?: number;
  /** Why the number is what it is. */
  note: string;
}

/**
 * Conversions between mass and molar units use the conventional clinical factors (creatinine 88.4,
 * bilirubin 17.1, urea 2.8 for BUN, glucose 18, calcium 4.0, magnesium 2.43, cholesterol 38.67,
 * triglycerides 88.57), as sources and laboratories print them (e.g. the SI tables of the NEJM and
 * AMA Manual of Style; Young DS, Ann Intern Med 1987;106:114-29). The molar masses (IUPAC standard
 * atomic weights, CIAAW 2021) check each factor (tested to within 0.5 %) and convert analytes that
 * have no convention. A source's own SI cut-offs are declared in the definition's tables, never
 * derived from these factors.
 */
export const ANALYTES: Readonly<Record<string, Analyte>> = {
  creatinine: { molarMass: 113.12, conventional: ['1 mg/dL', '88.4 umol/L'], note: 'C4H7N3O; 1 mg/dL = 88.4 µmol/L' },
  bilirubin: { molarMass: 584.66, conventional: ['1 mg/dL', '17.1 umol/L'], note: 'C33H36N4O6; 1 mg/dL = 17.1 µmol/L' },
  glucose: { molarMass: 180.156, conventional: ['18 mg/dL', '1 mmol/L'], note: 'C6H12O6; 1 mmol/L = 18.0 mg/dL' },
  // Urea is reported in the US as blood urea nitrogen (BUN): 2 N (14.0067 g/mol) per urea molecule.
  urea: { molarMass: 28.0134, conventional: ['2.8 mg/dL', '1 mmol/L'], note: 'as urea nitrogen (BUN): 1 mmol/L urea = 2.8 mg/dL BUN' },
  albumin: { note: 'mass units only (g/dL, g/L)' },
  sodium: { molarMass: 22.98977, valence: 1, note: 'Na+; mmol/L = mEq/L' },
  potassium: { molarMass: 39.0983, valence: 1, note: 'K+; mmol/L = mEq/L' },
  chloride: { molarMass: 35.453, valence: 1, note: 'Cl-; mmol/L = mEq/L' },
  bicarbonate: { molarMass: 61.0168, valence: 1, note: 'HCO3-; mmol/L = mEq/L' },
  calcium: {
    molarMass: 40.078,
    conventional: ['4 mg/dL', '1 mmol/L'],
    valence: 2,
    note: 'Ca2+; 1 mmol/L = 4.0 mg/dL (conventional; 4.008 by molar mass) = 2 mEq/L',
  },
  magnesium: { molarMass: 24.305, conventional: ['2.43 mg/dL', '1 mmol/L'], valence: 2, note: 'Mg2+; 1 mmol/L = 2.43 mg/dL = 2 mEq/L' },
  cholesterol: { molarMass: 386.65, conventional: ['38.67 mg/dL', '1 mmol/L'], note: 'C27H46O; 1 mmol/L = 38.67 mg/dL' },
  // Triglycerides are conventionally converted as triolein.
  triglycerides: { molarMass: 885.7, conventional: ['88.57 mg/dL', '1 mmol/L'], note: 'as triolein; 1 mmol/L = 88.57 mg/dL' },
  // Phenytoin C15H12N2O2 (252.27 g/mol): 1 mg/L = 3.96 µmol/L; no other conventional factor is printed.
  phenytoin: { molarMass: 252.27, note: 'C15H12N2O2; 1 mg/L (= 1 µg/mL) = 3.96 µmol/L' },
  // Paracetamol (acetaminophen) levels: UK and Australasian nomograms print mg/L beside µmol/L (or mmol/L).
  paracetamol: { molarMass: 151.16, conventional: ['1 mg/L', '6.62 umol/L'], note: 'C8H9NO2 (acetaminophen); 1 mg/L = 6.62 µmol/L' },
};
