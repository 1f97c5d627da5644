import type { Mapping } from '../types';
import { unit } from '../entities';

export default [
  {
    benchId: 7,
    calculator: 'calcium-correction',
    output: 'corrected',
    // The benchmark uses a normal albumin of 4 g/dL (our default).
    inputs: (e) => ({ calcium: unit(e.Calcium), albumin: unit(e.Albumin) }),
  },
] satisfies Mapping[];
