import type { Mapping } from '../types';
import { unit } from '../entities';

export default [
  {
    benchId: 44,
    calculator: 'ldl',
    output: 'ldl_friedewald',
    inputs: (e) => ({
      tc: unit(e['Total cholesterol']),
      hdl: unit(e['high-density lipoprotein cholesterol']),
      tg: unit(e.Triglycerides),
    }),
  },
] satisfies Mapping[];
