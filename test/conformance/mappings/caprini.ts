import type { Mapping } from '../types';

const SURGERY: Record<string, string> = {
  none: 'None',
  minor: 'Minor surgery',
  major: 'Major surgery (over 45 minutes)',
  laparoscopic: 'Laparoscopic surgery (over 45 minutes)',
  arthroscopic: 'Arthroscopic surgery',
  'elective major lower extremity arthroplasty': 'Elective major lower-extremity arthroplasty',
};
const MOBILITY: Record<string, string> = {
  normal: 'Ambulatory',
  'on bed rest': 'Medical patient currently at bed rest',
  'confined to bed >72 hours': 'Confined to bed for more than 72 hours',
};
const pick = (table: Record<string, string>, v: unknown, fallback: string) => {
  if (v === undefined) return fallback;
  const out = table[String(v)];
  if (!out) throw new Error(`unknown value "${v}"`);
  return out;
};

const ageGroup = (a: number) => (a <= 40 ? '40 or under' : a <= 60 ? '41 to 60' : a <= 74 ? '61 to 74' : '75 or over');

// Not mentioned = absent (no surgery, normal mobility).
export default [
  {
    benchId: 36,
    calculator: 'caprini',
    output: 'score',
    inputs: (e) => ({
      age: ageGroup(e.age[0]),
      surgery: pick(SURGERY, e['Surgery Type'], 'None'),
      mobility: pick(MOBILITY, e.Mobility, 'Ambulatory'),
      recent_major_surgery: !!e['Major Surgery in the last month'],
      varicose_veins: !!e['Varicose veins'],
      ibd: !!e['History of inflammatory bowel disease'],
      swollen_legs: !!e['Current swollen legs'],
      obesity: Array.isArray(e['Body Mass Index (BMI)']) ? e['Body Mass Index (BMI)'][0] > 25 : false,
      acute_mi: !!e['Acute Myocardial infarction'],
      chf: !!e['Congestive Heart Failure in the last month'],
      sepsis: !!e['Sepsis in the last month'],
      lung_disease: !!e['Pneumonia in the last month'],
      copd: !!e['Chronic Obstructive Pulmonary Disease'],
      other_risk: false,
      malignancy: !!e['Present or previous malignancy'],
      plaster_cast: !!e['Immobilizing plaster cast in the last month'],
      central_venous_access: !!e['Current central venous access'],
      history_vte: !!e['Previously documented Deep Vein Thrombosis'] || !!e['Previously Documented Pulmonary Embolism'],
      family_history: !!e['Family history of thrombosis'],
      factor_v_leiden: !!e['Positive Factor V Leiden'],
      prothrombin: !!e['Positive prothrombin 20210A'],
      homocysteine: !!e['Elevated serum homocysteine'],
      lupus_anticoagulant: !!e['Positive lupus anticoagulant'],
      anticardiolipin: !!e['Elevated anticardiolipin antibody'],
      hit: !!e['Heparin-induced thrombocytopenia'],
      other_thrombophilia: !!e['Other congenital or acquired thrombophilia'],
      fracture: !!e['Hip, pelvis, or leg fracture in the last month'],
      stroke: !!e['Stroke in the last month'],
      multiple_trauma: !!e['Multiple trauma in the last month'],
      spinal_cord_injury: !!e['Acute spinal cord injury causing paralysis in the last month'],
      // The rows carry no women-only factor.
      hormones: false,
      pregnancy: false,
      obstetric_history: false,
    }),
  },
] satisfies Mapping[];
