import type { Mapping } from '../types';
import { unit } from '../entities';

// Not mentioned = absent (confusion).
export default [
  {
    benchId: 45,
    calculator: 'curb-65',
    output: 'score',
    inputs: (e) => ({
      confusion: !!e.Confusion,
      urea: unit(e['Blood Urea Nitrogen (BUN)']),
      resp_rate: e['respiratory rate'][0],
      sbp: e['Systolic Blood Pressure'][0],
      dbp: e['Diastolic Blood Pressure'][0],
      age: e.age[0],
    }),
  },
] satisfies Mapping[];
