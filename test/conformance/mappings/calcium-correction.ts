import type { Mapping } from '../types';

const unit = (v: [number, string]) => `${v[0]} ${v[1]}`;

export default [
  {
    benchId: 7,
    calculator: 'calcium-correction',
    output: 'corrected',
    // The benchmark uses a normal albumin of 4 g/dL (our default).
    inputs: (e) => ({ calcium: unit(e.Calcium), albumin: unit(e.Albumin) }),
  },
] satisfies Mapping[];
