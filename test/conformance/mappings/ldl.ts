import type { Mapping } from '../types';

const unit = (v: [number, string]) => `${v[0]} ${v[1]}`;

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
