import type { Mapping } from '../types';

// Not mentioned = absent. The row gives alcohol as drinks per week; alcohol excess is 8 or more a week.
export default [
  {
    benchId: 25,
    calculator: 'has-bled',
    output: 'score',
    inputs: (e) => ({
      hypertension: !!e.Hypertension,
      renal: !!e['Renal disease criteria for the HAS-BLED rule'],
      liver: !!e['Liver disease criteria for the HAS-BLED rule'],
      stroke: !!e.Stroke,
      bleeding: !!e['Prior major bleeding or predisposition to bleeding'],
      labile_inr: !!e['Labile international normalized ratio'],
      age: e.age[0],
      drugs: !!e['Medication usage predisposing to bleeding'],
      alcohol: Number(e['Number of Alcoholic Drinks Per Week'] ?? 0) >= 8,
    }),
  },
] satisfies Mapping[];
