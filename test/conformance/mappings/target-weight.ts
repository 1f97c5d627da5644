import type { Mapping } from '../types';
import { unit } from '../entities';

export default [
  {
    benchId: 61,
    calculator: 'target-weight',
    output: 'target_weight',
    // The benchmark writes the BMI unit as "kg/m^2"; the number is already in kg/m².
    inputs: (e) => ({ target_bmi: e['Body Mass Index (BMI)'][0], height: unit(e.height) }),
  },
] satisfies Mapping[];
