import type { Mapping } from '../types';
import { unit } from '../entities';

export default [
  {
    benchId: 46,
    calculator: 'framingham-chd',
    output: 'risk',
    inputs: (e) => ({
      sex: e.sex,
      age: e.age[0],
      // Benchmark convention: a finding the note does not mention counts as absent (rows 603, 604, 614, 619).
      smoker: e.Smoker === true,
      bp_treated: e['Blood pressure being treated with medicines'] === true,
      tc: unit(e['Total cholesterol']),
      hdl: unit(e['high-density lipoprotein cholesterol']),
      sbp: e['Systolic Blood Pressure'][0],
    }),
  },
] satisfies Mapping[];
