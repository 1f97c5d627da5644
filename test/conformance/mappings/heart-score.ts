import type { Mapping } from '../types';

// Benchmark conventions (README): a finding not mentioned is absent; HEART defaults to a "slightly
// suspicious" history, a normal ECG and a normal troponin when the row does not give them.
const HISTORY: Record<string, string> = {
  'Slightly suspicious': 'Slightly suspicious',
  'Moderately suspicious': 'Moderately suspicious',
  'Highly suspicious': 'Highly suspicious',
};
const ECG: Record<string, string> = {
  Normal: 'Normal',
  'Non-specific repolarization disturbance': 'Non-specific repolarisation disturbance',
  'Significant ST deviation': 'Significant ST deviation',
};
const TROPONIN: Record<string, string> = {
  'less than or equal to normal limit': 'At or below the normal limit',
  'between the normal limit or up to three times the normal limit': '1 to 3 times the normal limit',
  'greater than three times normal limit': 'More than 3 times the normal limit',
};
const pick = (table: Record<string, string>, v: unknown, fallback: string) => {
  if (v === undefined) return fallback;
  const out = table[String(v)];
  if (!out) throw new Error(`unknown value "${v}"`);
  return out;
};

export default [
  {
    benchId: 18,
    calculator: 'heart-score',
    output: 'score',
    inputs: (e) => ({
      history: pick(HISTORY, e['Suspicion History'], 'Slightly suspicious'),
      ecg: pick(ECG, e['Electrocardiogram Test'], 'Normal'),
      age: e.age[0],
      hypercholesterolaemia: !!e.hypercholesterolemia,
      hypertension: !!e['Hypertension history'],
      diabetes: !!e['Diabetes mellitus'],
      smoking: !!e.smoking,
      family_history: !!e['parent or sibling with Cardiovascular disease before age 65'],
      obesity: !!e.obesity,
      // A prior TIA is atherosclerotic (cerebrovascular) disease in the HEART definition (Six 2008).
      atherosclerotic: !!e['atherosclerotic disease'] || !!e['Transient Ischemic Attacks History'],
      troponin: pick(TROPONIN, e['Initial troponin'], 'At or below the normal limit'),
    }),
  },
] satisfies Mapping[];
