import type { Mapping } from '../types';

export default [
  {
    benchId: 5,
    calculator: 'map',
    output: 'map',
    // Pressures are given in "mm hg" / "mmhg": the numbers are already in mmHg.
    inputs: (e) => ({ sbp: e['Systolic Blood Pressure'][0], dbp: e['Diastolic Blood Pressure'][0] }),
  },
] satisfies Mapping[];
