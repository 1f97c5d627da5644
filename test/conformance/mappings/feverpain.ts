import type { Mapping } from '../types';
import { yes } from '../entities';

// Benchmark convention (README): a finding not mentioned counts as absent, except that a missing
// "absence of cough or coryza" scores +1.

export default [
  {
    benchId: 33,
    calculator: 'feverpain',
    output: 'score',
    inputs: (e) => ({
      fever: yes(e['Fever in past 24 hours']),
      purulence: yes(e['Purulent tonsils']),
      attend_rapidly: yes(e['Symptom onset <=3 days']),
      inflamed_tonsils: yes(e['Severe tonsil inflammation']),
      no_cough_coryza: e['Absence of cough or coryza'] === undefined ? true : yes(e['Absence of cough or coryza']),
    }),
  },
] satisfies Mapping[];
