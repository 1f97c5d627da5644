import type { Mapping } from '../types';
import { yes } from '../entities';

// Benchmark convention (README): a condition not mentioned counts as absent.
const liver: Record<string, number> = { none: 0, mild: 1, 'moderate to severe': 3 };
const diabetes: Record<string, number> = { 'none or diet-controlled': 0, uncomplicated: 1, 'end-organ damage': 2 };
const tumour: Record<string, number> = { none: 0, localized: 2, metastatic: 6 };

export default [
  {
    benchId: 32,
    calculator: 'charlson',
    output: 'cci',
    inputs: (e) => ({
      age: e.age[0],
      mi: yes(e['Myocardial infarction']),
      chf: yes(e['Congestive Heart Failure']),
      pvd: yes(e['Peripheral vascular disease']),
      cvd: yes(e['Cerebrovascular Accident']) || yes(e['Transient Ischemic Attacks History']),
      dementia: yes(e.Dementia),
      copd: yes(e['Chronic Pulmonary Disease']),
      ctd: yes(e['Connective tissue disease']),
      pud: yes(e['Peptic ulcer disease']),
      liver: liver[e['Liver disease severity'] ?? 'none'],
      diabetes: diabetes[e['Diabetes mellitus'] ?? 'none or diet-controlled'],
      hemiplegia: yes(e.Hemiplegia),
      renal: yes(e['Moderate to severe Chronic Kidney Disease']),
      tumour: tumour[e['Solid tumor'] ?? 'none'],
      leukaemia: yes(e.Leukemia),
      lymphoma: yes(e.Lymphoma),
      aids: yes(e.AIDS),
    }),
  },
] satisfies Mapping[];
