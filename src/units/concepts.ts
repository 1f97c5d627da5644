/**
 * Concepts: the quantities a value typed in one calculator may be carried to another by (the patient
 * context, src/context/). An input declares its concept (`concept: creatinine`); two inputs share a
 * value only when they declare the same concept, so a creatinine clearance is never taken for an
 * eGFR, nor a rectal temperature for any temperature, nor an ideal weight for the actual weight.
 *
 * Each concept has one canonical unit (values are kept in it and converted to the field's unit), the
 * LOINC code where one fits, and the words by which lint spots an input that looks like the concept
 * but declares none (a warning: the author decides).
 */
import { LAB_TESTS } from './lab-tests';

export interface Concept {
  id: string;
  label: string;
  /** Number concepts: the canonical unit (catalogue symbol). Absent for `sex`. */
  unit?: string;
  /** Converts mass <-> molar units (catalogue ANALYTES). */
  analyte?: string;
  /** `sex`: a choice whose options are labelled Female and Male. */
  kind: 'number' | 'sex';
  loinc?: string;
  /** Input ids and label words that suggest this concept (lint's `concept-missing`). */
  looksLike: { ids: readonly string[]; label: RegExp };
}

/** Vital signs and body measures (LOINC codes as FHIR's vital-signs profile prints them). */
const BODY: Concept[] = [
  { id: 'age', label: 'Age', unit: 'years', kind: 'number', loinc: '30525-0', looksLike: { ids: ['age'], label: /^age\b/i } },
  { id: 'sex', label: 'Sex', kind: 'sex', loinc: '46098-0', looksLike: { ids: ['sex', 'gender'], label: /^(sex|gender)\b/i } },
  {
    id: 'weight',
    label: 'Weight (actual)',
    unit: 'kg',
    kind: 'number',
    loinc: '29463-7',
    looksLike: { ids: ['weight', 'wt', 'body_weight'], label: /^(body )?weight\b/i },
  },
  { id: 'height', label: 'Height', unit: 'cm', kind: 'number', loinc: '8302-2', looksLike: { ids: ['height', 'ht'], label: /^height\b/i } },
  {
    id: 'heart_rate',
    label: 'Heart rate',
    unit: 'bpm',
    kind: 'number',
    loinc: '8867-4',
    looksLike: { ids: ['heart_rate', 'hr', 'pulse'], label: /^(heart rate|pulse)\b/i },
  },
  {
    id: 'sbp',
    label: 'Systolic blood pressure',
    unit: 'mmHg',
    kind: 'number',
    loinc: '8480-6',
    looksLike: { ids: ['sbp', 'systolic'], label: /^systolic blood pressure\b/i },
  },
  {
    id: 'dbp',
    label: 'Diastolic blood pressure',
    unit: 'mmHg',
    kind: 'number',
    loinc: '8462-4',
    looksLike: { ids: ['dbp', 'diastolic'], label: /^diastolic blood pressure\b/i },
  },
  {
    id: 'resp_rate',
    label: 'Respiratory rate',
    unit: 'breaths/min',
    kind: 'number',
    loinc: '9279-1',
    looksLike: { ids: ['resp_rate', 'rr', 'respiratory_rate'], label: /^respiratory rate\b/i },
  },
  {
    id: 'temperature',
    label: 'Temperature',
    unit: 'degC',
    kind: 'number',
    loinc: '8310-5',
    looksLike: { ids: ['temperature', 'temp'], label: /^(body )?temperature$/i },
  },
  { id: 'spo2', label: 'SpO₂', unit: '%', kind: 'number', loinc: '59408-5', looksLike: { ids: ['spo2'], label: /^spo₂|^spo2|oxygen saturation/i } },
];

/**
 * Lab concepts are the lab tests a report names (src/units/lab-tests.ts), serum or plasma; tests of
 * one concept (urea and BUN) share it, in the first test's unit.
 */
const LABS: Concept[] = [...new Set(LAB_TESTS.map((t) => t.concept ?? t.id))].map((id) => {
  const tests = LAB_TESTS.filter((t) => (t.concept ?? t.id) === id);
  const t = tests.find((x) => x.id === id) ?? tests[0];
  const names = tests.flatMap((x) => [x.id, ...x.names]);
  return {
    id,
    label: t.label,
    unit: t.units[0],
    ...(t.analyte ? { analyte: t.analyte } : {}),
    kind: 'number' as const,
    ...(t.loinc ? { loinc: t.loinc } : {}),
    looksLike: {
      ids: names.filter((n) => /^[a-z][a-z0-9_]*$/.test(n)),
      label: new RegExp(`^(serum |plasma |blood |total |measured )?(${names.map(esc).join('|')})$`, 'i'),
    },
  };
});

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const CONCEPTS: readonly Concept[] = [...BODY, ...LABS];

const BY_ID = new Map(CONCEPTS.map((c) => [c.id, c]));

/** The concept with this id. */
export const concept = (id: string): Concept | undefined => BY_ID.get(id);
