import type { Mapping } from '../types';

const unit = (v: [number, string]) => `${v[0]} ${v[1]}`;

export default [
  {
    benchId: 26,
    calculator: 'sodium-correction',
    output: 'na_hillier',
    inputs: (e) => ({ sodium: unit(e.Sodium), glucose: unit(e.Glucose) }),
  },
] satisfies Mapping[];
