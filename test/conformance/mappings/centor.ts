import type { Mapping } from '../types';
import { yes } from '../entities';

// Benchmark convention (README): a finding not mentioned counts as absent, except that a missing
// "cough absent" scores +1.
const temp = (t: [number, string]) => `${t[0]} ${/fahrenheit/i.test(t[1]) ? 'degF' : 'degC'}`;

export default [
  {
    benchId: 20,
    calculator: 'centor',
    output: 'score',
    inputs: (e) => ({
      age: e.age[0],
      temperature: temp(e.Temperature),
      no_cough: e['Cough Absent'] === undefined ? true : yes(e['Cough Absent']),
      nodes: yes(e['Tender/swollen anterior cervical lymph nodes']),
      tonsils: yes(e['Exudate or swelling on tonsils']),
    }),
  },
] satisfies Mapping[];
