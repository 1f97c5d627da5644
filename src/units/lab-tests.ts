/**
 * Laboratory tests as reports name them: the names and abbreviations laboratories and EHRs print,
 * the units they report in, and the LOINC code of the serum/plasma (or blood) test. Used to read a
 * pasted lab report on the device (src/paste/) into values a calculator can use.
 *
 * `possible` is not a reference range or a clinical cut-off: it is the span of values a living
 * patient's sample can have, in the first unit, wide on purpose. A number outside it in the unit the
 * report gives means the unit is wrong (creatinine "88 mg/dL" is 88 µmol/L), and the reader says so
 * rather than use it; a number with no unit is read in the one unit where it is possible, or not at all.
 *
 * LOINC codes are those of the LOINC table (loinc.org) as FHIR implementation guides and value sets
 * print them (cross-checked in two independent copies each; see notes in test/unit/paste.test.ts).
 * A test with no code here has no single code that fits what reports print under its name.
 */
export interface LabTest {
  /** The test's id, e.g. `creatinine`, `bun`. */
  id: string;
  /** The patient context's concept it measures, when not `id` (BUN is urea, reported as its nitrogen). */
  concept?: string;
  /** How the page names it. */
  label: string;
  loinc?: string;
  /**
   * Names a report prints at the start of a line or a cell, lower case; matched whole (a name is
   * followed by a space, a colon, a bracket or a tab), longest first.
   */
  names: readonly string[];
  /** Units a report gives it in (catalogue symbols); the first is the canonical one. */
  units: readonly string[];
  /** Converts mass <-> molar concentrations (src/units/catalogue.ts ANALYTES). */
  analyte?: string;
  /** Values a living patient's sample can have, in `units[0]` (see above). */
  possible: readonly [number, number];
}

/**
 * Names that begin like a known test but are another test: read and reported as "not used", never as
 * the test they resemble (urine creatinine is not serum creatinine; CA 19-9 is not calcium).
 */
export const OTHER_TESTS: readonly string[] = [
  'creatinine clearance',
  'creatinine, urine',
  'creatinine urine',
  'urine creatinine',
  'creatinine kinase',
  'creatine kinase',
  'albumin/creatinine',
  'albumin creatinine ratio',
  'urine albumin',
  'microalbumin',
  'uacr',
  'acr',
  'urine sodium',
  'sodium, urine',
  'sodium urine',
  'urine potassium',
  'potassium, urine',
  'urine urea',
  'urine osmolality',
  'glucose, urine',
  'urine glucose',
  'bilirubin, direct',
  'bilirubin direct',
  'direct bilirubin',
  'conjugated bilirubin',
  'indirect bilirubin',
  'bilirubin, indirect',
  'ca 19-9',
  'ca19-9',
  'ca 125',
  'ca-125',
  'ca125',
  'ca 15-3',
  'ionised calcium',
  'ionized calcium',
  'calcium, ionised',
  'calcium, ionized',
  'ica',
  'mch',
  'mchc',
  'mcv',
  'rbc',
  'pt',
  'ptt',
  'aptt',
  'ck',
  'ldh',
  'ggt',
  'alp',
  'alk phos',
  'alkaline phosphatase',
  'ferritin',
  'tsh',
  'troponin',
  'bnp',
  'nt-probnp',
  'd-dimer',
  'phosphate',
  'phosphorus',
  'uric acid',
  'urate',
  'anion gap',
  'osmolality',
  'base excess',
  'spo2',
  'sao2',
  'fio2',
  'hco3 std',
  'non-hdl',
  'non hdl',
  'vldl',
];

export const LAB_TESTS: readonly LabTest[] = [
  {
    id: 'creatinine',
    label: 'Creatinine',
    loinc: '2160-0',
    names: [
      'creatinine',
      'creat',
      'crea',
      'cr',
      'scr',
      'serum creatinine',
      'creatinine, serum',
      'creatinine serum',
      'creatinine (serum)',
      'kreatinin',
      'créatinine',
      'creatinina',
    ],
    units: ['mg/dL', 'umol/L'],
    analyte: 'creatinine',
    possible: [0.05, 30],
  },
  {
    id: 'sodium',
    label: 'Sodium',
    loinc: '2951-2',
    names: ['sodium', 'na', 'na+', 'serum sodium', 'sodium, serum', 'natrium'],
    units: ['mmol/L', 'mEq/L'],
    analyte: 'sodium',
    possible: [90, 200],
  },
  {
    id: 'potassium',
    label: 'Potassium',
    loinc: '2823-3',
    names: ['potassium', 'k', 'k+', 'serum potassium', 'potassium, serum', 'kalium'],
    units: ['mmol/L', 'mEq/L'],
    analyte: 'potassium',
    possible: [1, 12],
  },
  {
    id: 'chloride',
    label: 'Chloride',
    loinc: '2075-0',
    names: ['chloride', 'cl', 'cl-', 'chlorid'],
    units: ['mmol/L', 'mEq/L'],
    analyte: 'chloride',
    possible: [50, 160],
  },
  {
    id: 'bicarbonate',
    label: 'Bicarbonate',
    loinc: '1963-8',
    names: ['bicarbonate', 'bicarb', 'hco3', 'hco3-', 'tco2', 'total co2', 'co2', 'co2, total', 'std bicarbonate', 'standard bicarbonate'],
    units: ['mmol/L', 'mEq/L'],
    analyte: 'bicarbonate',
    possible: [1, 60],
  },
  {
    id: 'bun',
    concept: 'urea',
    label: 'Urea nitrogen (BUN)',
    loinc: '3094-0',
    names: ['bun', 'blood urea nitrogen', 'urea nitrogen', 'urea n'],
    units: ['mg/dL'],
    analyte: 'urea',
    possible: [1, 300],
  },
  {
    id: 'urea',
    label: 'Urea',
    names: ['urea', 'serum urea', 'urea, serum', 'blood urea'],
    units: ['mmol/L'],
    analyte: 'urea',
    possible: [0.3, 110],
  },
  {
    id: 'glucose',
    label: 'Glucose',
    loinc: '2345-7',
    names: [
      'glucose',
      'glu',
      'gluc',
      'blood glucose',
      'plasma glucose',
      'glucose, plasma',
      'glucose, serum',
      'glucose random',
      'fasting glucose',
      'glucose fasting',
      'bg',
    ],
    units: ['mg/dL', 'mmol/L'],
    analyte: 'glucose',
    possible: [5, 3000],
  },
  {
    id: 'albumin',
    label: 'Albumin',
    loinc: '1751-7',
    names: ['albumin', 'alb', 'serum albumin', 'albumin, serum'],
    units: ['g/dL', 'g/L'],
    analyte: 'albumin',
    possible: [0.5, 7],
  },
  {
    id: 'bilirubin',
    label: 'Bilirubin (total)',
    loinc: '1975-2',
    names: ['bilirubin', 'bilirubin total', 'total bilirubin', 'bilirubin, total', 'bili', 't bili', 'tbili', 't. bili', 'tbil', 'bil'],
    units: ['mg/dL', 'umol/L'],
    analyte: 'bilirubin',
    possible: [0.05, 60],
  },
  {
    id: 'calcium',
    label: 'Calcium (total)',
    loinc: '17861-6',
    names: ['calcium', 'ca', 'ca++', 'ca2+', 'total calcium', 'calcium, total', 'calcium total', 'serum calcium'],
    units: ['mg/dL', 'mmol/L'],
    analyte: 'calcium',
    possible: [2, 25],
  },
  {
    id: 'magnesium',
    label: 'Magnesium',
    loinc: '19123-9',
    names: ['magnesium', 'mg', 'mg++', 'mg2+'],
    units: ['mg/dL', 'mmol/L'],
    analyte: 'magnesium',
    possible: [0.2, 15],
  },
  {
    id: 'haemoglobin',
    label: 'Haemoglobin',
    loinc: '718-7',
    names: ['haemoglobin', 'hemoglobin', 'hb', 'hgb', 'hbg'],
    units: ['g/dL', 'g/L'],
    possible: [1.5, 26],
  },
  {
    id: 'platelets',
    label: 'Platelets',
    loinc: '777-3',
    names: ['platelets', 'platelet count', 'plt', 'plts', 'plat'],
    units: ['10^9/L', '10^3/uL'],
    possible: [1, 3000],
  },
  {
    id: 'wbc',
    label: 'White cell count',
    loinc: '6690-2',
    names: ['wbc', 'white cell count', 'white blood cells', 'white blood cell count', 'wcc', 'leukocytes', 'leucocytes', 'white cells'],
    units: ['10^9/L', '10^3/uL'],
    possible: [0.05, 500],
  },
  {
    id: 'inr',
    label: 'INR',
    loinc: '6301-6',
    names: ['inr', 'pt inr', 'pt/inr', 'inr (pt)'],
    units: ['ratio'],
    possible: [0.5, 20],
  },
  {
    id: 'alt',
    label: 'ALT',
    loinc: '1742-6',
    names: ['alt', 'alt (sgpt)', 'sgpt', 'alanine aminotransferase', 'alanine transaminase', 'alat', 'gpt'],
    units: ['U/L'],
    possible: [1, 20000],
  },
  {
    id: 'ast',
    label: 'AST',
    loinc: '1920-8',
    names: ['ast', 'ast (sgot)', 'sgot', 'aspartate aminotransferase', 'aspartate transaminase', 'asat', 'got'],
    units: ['U/L'],
    possible: [1, 20000],
  },
  {
    id: 'egfr',
    label: 'eGFR',
    loinc: '33914-3',
    names: ['egfr', 'gfr', 'estimated gfr', 'egfr (ckd-epi)', 'egfr ckd-epi', 'gfr, estimated', 'egfr (mdrd)'],
    units: ['mL/min/1.73m²'],
    possible: [1, 200],
  },
  {
    id: 'cholesterol',
    label: 'Total cholesterol',
    loinc: '2093-3',
    names: ['cholesterol', 'total cholesterol', 'cholesterol, total', 'cholesterol total', 'tc', 'chol'],
    units: ['mg/dL', 'mmol/L'],
    analyte: 'cholesterol',
    possible: [20, 1500],
  },
  {
    id: 'hdl',
    label: 'HDL cholesterol',
    loinc: '2085-9',
    names: ['hdl', 'hdl cholesterol', 'hdl-c', 'hdl-cholesterol', 'cholesterol, hdl', 'hdl chol'],
    units: ['mg/dL', 'mmol/L'],
    analyte: 'cholesterol',
    possible: [2, 250],
  },
  {
    id: 'ldl',
    label: 'LDL cholesterol',
    loinc: '13457-7',
    names: ['ldl', 'ldl cholesterol', 'ldl-c', 'ldl-cholesterol', 'cholesterol, ldl', 'ldl chol', 'ldl (calc)', 'ldl calculated'],
    units: ['mg/dL', 'mmol/L'],
    analyte: 'cholesterol',
    possible: [2, 1000],
  },
  {
    id: 'triglycerides',
    label: 'Triglycerides',
    loinc: '2571-8',
    names: ['triglycerides', 'triglyceride', 'trig', 'trigs', 'tg', 'tgs', 'triglycerides, serum'],
    units: ['mg/dL', 'mmol/L'],
    analyte: 'triglycerides',
    possible: [5, 20000],
  },
  {
    id: 'hba1c',
    label: 'HbA1c',
    loinc: '4548-4',
    names: ['hba1c', 'hb a1c', 'a1c', 'hemoglobin a1c', 'haemoglobin a1c', 'glycated haemoglobin', 'glycated hemoglobin', 'glycosylated hemoglobin'],
    // The catalogue's HbA1c percent (NGSP/DCCT), not a generic percentage: the concept then converts
    // to an input declared in mmol/mol (IFCC) by the master equation. A report's "%" reads as it.
    units: ['%DCCT'],
    possible: [2, 25],
  },
  {
    id: 'lactate',
    label: 'Lactate',
    names: ['lactate', 'lactic acid', 'lac'],
    units: ['mmol/L'],
    possible: [0.1, 40],
  },
  {
    id: 'crp',
    label: 'C-reactive protein',
    names: ['crp', 'c-reactive protein', 'c reactive protein'],
    units: ['mg/L', 'mg/dL'],
    possible: [0, 1000],
  },
  {
    id: 'pao2',
    label: 'PaO₂',
    names: ['pao2', 'po2', 'p02', 'pa02'],
    units: ['mmHg', 'kPa'],
    possible: [5, 800],
  },
  {
    id: 'paco2',
    label: 'PaCO₂',
    names: ['paco2', 'pco2', 'pc02'],
    units: ['mmHg', 'kPa'],
    possible: [5, 200],
  },
];

const BY_NAME = new Map<string, LabTest>(LAB_TESTS.flatMap((t) => t.names.map((n) => [n, t] as const)));

/** The test a report name (any case) stands for, if Bedside knows it. */
export const labTestByName = (name: string): LabTest | undefined => BY_NAME.get(name.toLowerCase());

/** The test with this concept id. */
export const labTest = (id: string): LabTest | undefined => LAB_TESTS.find((t) => t.id === id);
