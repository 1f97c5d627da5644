import type { Mapping } from '../types';

const unit = (v: [number, string]) => `${v[0]} ${v[1]}`;

export default [
  {
    benchId: 40,
    calculator: 'fena',
    output: 'fena',
    inputs: (e) => ({
      serum_na: unit(e.Sodium),
      serum_cr: unit(e.creatinine),
      urine_na: unit(e['Urine sodium']),
      urine_cr: unit(e['Urine creatinine']),
    }),
  },
] satisfies Mapping[];
