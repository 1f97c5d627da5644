import type { Mapping } from '../types';
import { unit } from '../entities';

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
